import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary';
import { PageLoading } from '../components/PageLoading';
import { LazyStatusPage as StatusPage } from '../components/LazyStatusPage';
import type { RoleCode } from '../lib/session';
import { ADMIN_ROLES, AUDIT_ROLES, ENTERPRISE_LIST_ROLES, OWN_ENTERPRISE_ROLES, VOUCHER_DESK_ROLES, VOUCHER_HOLDER_ROLES, VOUCHER_PROVIDER_ROLES, TECHMARKET_CONTRACT_ROLES, TECHMARKET_OFFICER_ROLES, INDICATOR_ROLES, NOTICE_ROLES, OBJECTION_ROLES } from './layout/nav';
import { EXPERT_POOL_ROLES, EXPERT_ROLES } from './layout/nav';
import { ALLOCATION_ROLES, AWARD_ROLES } from './layout/nav';
import { FINANCE_CASE_ROLES } from './layout/nav';
import { PAYMENT_DESK_ROLES, PAYMENT_LIMIT_ROLES, PROJECT_FOLLOW_ROLES } from './layout/nav';
import { RECOGNITION_REGISTER_ROLES } from './layout/nav';
import { RECOGNITION_REVIEW_ROLES } from './layout/nav';
import { CARRIER_ROLES } from './layout/nav';
import { PROGRAMME_OFFICE_ROLES, PROGRAMME_PROJECT_ROLES } from './layout/nav';
import { FUND_MANAGER_ROLES, FUND_OFFICE_ROLES, FUND_REPORT_ROLES } from './layout/nav';
import { POLICY_ADMIN_ROLES, RECOMMENDATION_ROLES, SUPERVISION_ROLES } from './layout/nav';
import { RequireAuth } from './RequireAuth';
import { RequireRole } from './RequireRole';

// Every page and both shells are their own chunks: the login page loads neither the signed-in shell
// (side menu, header) nor the public one (issue 15: the login page's JS on the wire).
const AppLayout = lazy(() => import('./layout/AppLayout').then((m) => ({ default: m.AppLayout })));
const PublicLayout = lazy(() => import('./layout/PublicLayout').then((m) => ({ default: m.PublicLayout })));
const HomeRoute = lazy(() => import('./HomeRoute').then((m) => ({ default: m.HomeRoute })));
const LoginPage = lazy(() => import('../features/auth/components/LoginPage'));
const EnterpriseListPage = lazy(() => import('../features/enterprises/components/EnterpriseListPage'));
const EnterpriseDetailPage = lazy(() => import('../features/enterprises/components/EnterpriseDetailPage'));
const MyEnterprisePage = lazy(() => import('../features/enterprises/components/MyEnterprisePage'));
const UsersPage = lazy(() => import('../features/admin/components/UsersPage'));
const OrganizationsPage = lazy(() => import('../features/admin/components/OrganizationsPage'));
const DistrictsPage = lazy(() => import('../features/admin/components/DistrictsPage'));
const AuditPage = lazy(() => import('../features/audit/components/AuditPage'));
const AccountPage = lazy(() => import('../features/account/components/AccountPage'));
const SelfAssessmentPage = lazy(() => import('../features/rules/components/SelfAssessmentPage'));
const CalendarLookupPage = lazy(() => import('../features/calendar/components/CalendarLookupPage'));
const CalendarAdminPage = lazy(() => import('../features/calendar/components/CalendarAdminPage'));
const MarketSearchPage = lazy(() => import('../features/techmarket/components/MarketSearchPage'));
const ListingDetailPage = lazy(() => import('../features/techmarket/components/ListingDetailPage'));
const MyListingsPage = lazy(() => import('../features/techmarket/components/MyListingsPage'));
const ModerationPage = lazy(() => import('../features/techmarket/components/ModerationPage'));
const ContractsPage = lazy(() => import('../features/techmarket/components/ContractsPage'));
const AuctionsPage = lazy(() => import('../features/techmarket/components/AuctionsPage'));
const TechmarketStatsPage = lazy(() => import('../features/techmarket/components/StatsPage'));
const HolderVouchersPage = lazy(() => import('../features/vouchers/components/HolderVouchersPage'));
const ProviderVouchersPage = lazy(() => import('../features/vouchers/components/ProviderVouchersPage'));
const OfficerVouchersPage = lazy(() => import('../features/vouchers/components/OfficerVouchersPage'));
const IndicatorsDashboardPage = lazy(() => import('../features/indicators/components/DashboardPage'));
const RecognitionRegisterPage = lazy(() => import('../features/recognitions/register/components/RegisterPage'));
const MyRecognitionsPage = lazy(() => import('../features/recognitions/register/components/MyRecognitionsPage'));
const RecognitionApplyPage = lazy(() => import('../features/recognitions/applications/components/ApplyPage'));
const RecognitionApplicationPage = lazy(() => import('../features/recognitions/applications/components/ApplicationPage'));
const RecognitionReviewPage = lazy(() => import('../features/recognitions/review/components/ReviewPage'));
const NoticesPage = lazy(() => import('../features/notices/components/NoticesPage'));
const ObjectionsPage = lazy(() => import('../features/notices/components/ObjectionsPage'));
const PublicNoticesPage = lazy(() => import('../features/public-notices/components/PublicNoticesPage'));
const PublicNoticeDetailPage = lazy(() => import('../features/public-notices/components/PublicNoticeDetailPage'));
const CarriersPage = lazy(() => import('../features/carriers/components/CarriersPage'));
const CarrierDetailPage = lazy(() => import('../features/carriers/components/CarrierDetailPage'));
const CarrierApplicationPage = lazy(() => import('../features/carriers/components/ApplicationPage'));
const CarrierStatsPage = lazy(() => import('../features/carriers/components/StatsPage'));
const CarrierReviewPage = lazy(() => import('../features/carriers/components/ReviewPage'));
const PublicCarriersPage = lazy(() => import('../features/carriers/components/PublicCarriersPage'));
const ExpertPoolPage = lazy(() => import('../features/experts/components/ExpertPoolPage'));
const PanelPage = lazy(() => import('../features/experts/components/PanelPage'));
const MyAssignmentsPage = lazy(() => import('../features/experts/components/MyAssignmentsPage'));
const PaymentDeskPage = lazy(() => import('../features/payments/components/PaymentDeskPage'));
const SubsidyCalculatorPage = lazy(() => import('../features/subsidies/components/CalculatorPage'));
const SubsidyApplicationsPage = lazy(() => import('../features/subsidies/components/ApplicationsPage'));
const SubsidyApplicationPage = lazy(() => import('../features/subsidies/components/ApplicationPage'));
const SubsidyAssessmentsPage = lazy(() => import('../features/subsidies/components/AssessmentsPage'));
const BridgeLoansPage = lazy(() => import('../features/loans/components/BridgeLoansPage'));
const BridgeLoanPage = lazy(() => import('../features/loans/components/BridgeLoanPage'));
const GuaranteesPage = lazy(() => import('../features/loans/components/GuaranteesPage'));
const GuaranteePage = lazy(() => import('../features/loans/components/GuaranteePage'));
const PaymentLimitsPage = lazy(() => import('../features/payments/components/PaymentLimitsPage'));
const AllocationsPage = lazy(() => import('../features/allocations/components/AllocationsPage'));
const AwardsPage = lazy(() => import('../features/awards/components/AwardsPage'));
const MyAwardsPage = lazy(() => import('../features/awards/components/MyAwardsPage'));
const FundsOfficePage = lazy(() => import('../features/funds/components/FundsOfficePage'));
const MyFundsPage = lazy(() => import('../features/funds/components/MyFundsPage'));
const FundReportPage = lazy(() => import('../features/funds/components/ReportPage'));
const ProjectsPage = lazy(() => import('../features/projects/components/ProjectsPage'));
const MyProjectsPage = lazy(() => import('../features/projects/components/MyProjectsPage'));

const guard = (roles: readonly RoleCode[], page: ReactNode) => <RequireRole roles={roles}>{page}</RequireRole>;

// Who may see an enterprise record is the server's decision (data scope); the list is role-gated.
const ENTERPRISE_DETAIL_ROLES: readonly RoleCode[] = [...ENTERPRISE_LIST_ROLES, ...OWN_ENTERPRISE_ROLES];
const ProgrammesPage = lazy(() => import('../features/programmes/components/ProgrammesPage'));
const ProgrammeProjectsPage = lazy(() => import('../features/programmes/components/ProjectsPage'));
const ProgrammeProjectPage = lazy(() => import('../features/programmes/components/ProjectPage'));
const ProgrammeRankingPage = lazy(() => import('../features/programmes/components/RankingPage'));
const PublicCallsPage = lazy(() => import('../features/programmes/components/PublicCallsPage'));
const PortalHomePage = lazy(() => import('../features/portal/components/PortalHomePage'));

const PublicPoliciesPage = lazy(() => import('../features/policies/components/PublicPoliciesPage'));
const PublicPolicyPage = lazy(() => import('../features/policies/components/PublicPolicyPage'));
const PoliciesAdminPage = lazy(() => import('../features/policies/components/PoliciesAdminPage'));
const PublicOutreachPage = lazy(() => import('../features/outreach/components/PublicOutreachPage'));
const OutreachPage = lazy(() => import('../features/outreach/components/OutreachPage'));
const SupervisionPage = lazy(() => import('../features/supervision/components/SupervisionPage'));
const SupervisionCasePage = lazy(() => import('../features/supervision/components/CasePage'));
const AnnualReportsPage = lazy(() => import('../features/supervision/components/AnnualReportsPage'));
const RecommendationsPage = lazy(() => import('../features/recognitions/recommendations/RecommendationsPage'));
export const router = createBrowserRouter([
  {
    path: '/login',
    element: <LoginPage />,
    errorElement: <RouteErrorBoundary />,
  },
  {
    // Public pages: no login, their own light shell.
    path: '/public',
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <PublicLayout />
      </Suspense>
    ),
    errorElement: <RouteErrorBoundary />,
    children: [
      { index: true, element: <PortalHomePage /> },
      { path: 'self-assessment', element: <SelfAssessmentPage /> },
      { path: 'interest-subsidy', element: <SubsidyCalculatorPage /> },
      { path: 'calendar', element: <CalendarLookupPage /> },
      { path: 'market', element: <MarketSearchPage /> },
      { path: 'market/:id', element: <ListingDetailPage /> },
      { path: 'auctions', element: <AuctionsPage /> },
      { path: 'notices', element: <PublicNoticesPage /> },
      { path: 'notices/:id', element: <PublicNoticeDetailPage /> },
      { path: 'policies', element: <PublicPoliciesPage /> },
      { path: 'policies/:id', element: <PublicPolicyPage /> },
      { path: 'outreach', element: <PublicOutreachPage /> },
      { path: 'carriers', element: <PublicCarriersPage /> },
      { path: 'programme-calls', element: <PublicCallsPage /> },
      { path: '*', element: <StatusPage kind="notFound" /> },
    ],
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Suspense fallback={<PageLoading fullScreen />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    errorElement: <RouteErrorBoundary />,
    children: [
      {
        // Page errors render inside the layout, so the menu stays usable.
        element: <Outlet />,
        errorElement: <RouteErrorBoundary />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: 'enterprises', element: guard(ENTERPRISE_LIST_ROLES, <EnterpriseListPage />) },
          { path: 'enterprises/:id', element: guard(ENTERPRISE_DETAIL_ROLES, <EnterpriseDetailPage />) },
          { path: 'my-enterprise', element: guard(OWN_ENTERPRISE_ROLES, <MyEnterprisePage />) },
          { path: 'vouchers/my', element: guard(VOUCHER_HOLDER_ROLES, <HolderVouchersPage />) },
          { path: 'vouchers/provider', element: guard(VOUCHER_PROVIDER_ROLES, <ProviderVouchersPage />) },
          { path: 'vouchers/desk', element: guard(VOUCHER_DESK_ROLES, <OfficerVouchersPage />) },
          { path: 'dashboard', element: guard(INDICATOR_ROLES, <IndicatorsDashboardPage />) },
          { path: 'recognitions/register', element: guard(RECOGNITION_REGISTER_ROLES, <RecognitionRegisterPage />) },
          { path: 'recognitions/mine', element: guard(OWN_ENTERPRISE_ROLES, <MyRecognitionsPage />) },
          { path: 'recognitions/apply', element: guard(OWN_ENTERPRISE_ROLES, <RecognitionApplyPage />) },
          { path: 'recognitions/apply/:id', element: guard(OWN_ENTERPRISE_ROLES, <RecognitionApplicationPage />) },
          { path: 'recognitions/review', element: guard(RECOGNITION_REVIEW_ROLES, <RecognitionReviewPage />) },
          { path: 'recognitions/recommendations', element: guard(RECOMMENDATION_ROLES, <RecommendationsPage />) },
          { path: 'supervision', element: guard(SUPERVISION_ROLES, <SupervisionPage />) },
          { path: 'supervision/cases/:id', element: guard([...SUPERVISION_ROLES, ...OWN_ENTERPRISE_ROLES], <SupervisionCasePage />) },
          { path: 'annual-reports', element: guard(OWN_ENTERPRISE_ROLES, <AnnualReportsPage />) },
          { path: 'outreach', element: guard(SUPERVISION_ROLES, <OutreachPage />) },
          { path: 'policies', element: guard(POLICY_ADMIN_ROLES, <PoliciesAdminPage />) },
          { path: 'notices', element: guard(NOTICE_ROLES, <NoticesPage />) },
          { path: 'carriers', element: guard(CARRIER_ROLES, <CarriersPage />) },
          { path: 'carriers/review', element: guard(CARRIER_ROLES, <CarrierReviewPage />) },
          { path: 'carriers/applications/:id', element: guard(CARRIER_ROLES, <CarrierApplicationPage />) },
          { path: 'carriers/stats/:id', element: guard(CARRIER_ROLES, <CarrierStatsPage />) },
          { path: 'carriers/:id', element: guard(CARRIER_ROLES, <CarrierDetailPage />) },
          { path: 'objections', element: guard(OBJECTION_ROLES, <ObjectionsPage />) },
          { path: 'admin/users', element: guard(ADMIN_ROLES, <UsersPage />) },
          { path: 'admin/organizations', element: guard(ADMIN_ROLES, <OrganizationsPage />) },
          { path: 'admin/districts', element: guard(ADMIN_ROLES, <DistrictsPage />) },
          { path: 'admin/calendar', element: guard(ADMIN_ROLES, <CalendarAdminPage />) },
          { path: 'experts', element: guard(EXPERT_POOL_ROLES, <ExpertPoolPage />) },
          { path: 'experts/panels/:applicationId', element: guard(EXPERT_POOL_ROLES, <PanelPage />) },
          { path: 'expert/assignments', element: guard(EXPERT_ROLES, <MyAssignmentsPage />) },
          { path: 'allocations', element: guard(ALLOCATION_ROLES, <AllocationsPage />) },
          { path: 'awards', element: guard(AWARD_ROLES, <AwardsPage />) },
          { path: 'awards/mine', element: guard(OWN_ENTERPRISE_ROLES, <MyAwardsPage />) },
          { path: 'awards/nominations/:id', element: guard([...AWARD_ROLES, ...OWN_ENTERPRISE_ROLES], <AwardsPage />) },
          { path: 'audit', element: guard(AUDIT_ROLES, <AuditPage />) },
          { path: 'payments', element: guard(PAYMENT_DESK_ROLES, <PaymentDeskPage />) },
          { path: 'subsidies/applications', element: guard(FINANCE_CASE_ROLES, <SubsidyApplicationsPage />) },
          { path: 'subsidies/applications/:id', element: guard(FINANCE_CASE_ROLES, <SubsidyApplicationPage />) },
          { path: 'subsidies/assessments', element: guard(FINANCE_CASE_ROLES, <SubsidyAssessmentsPage />) },
          { path: 'loans/bridge', element: guard(FINANCE_CASE_ROLES, <BridgeLoansPage />) },
          { path: 'loans/bridge/:id', element: guard(FINANCE_CASE_ROLES, <BridgeLoanPage />) },
          { path: 'loans/guarantees', element: guard(FINANCE_CASE_ROLES, <GuaranteesPage />) },
          { path: 'loans/guarantees/:id', element: guard(FINANCE_CASE_ROLES, <GuaranteePage />) },
          { path: 'projects', element: guard(PROJECT_FOLLOW_ROLES, <ProjectsPage />) },
          { path: 'projects/mine', element: guard(OWN_ENTERPRISE_ROLES, <MyProjectsPage />) },
          { path: 'admin/payment-limits', element: guard(PAYMENT_LIMIT_ROLES, <PaymentLimitsPage />) },
          { path: 'funds', element: guard(FUND_OFFICE_ROLES, <FundsOfficePage />) },
          { path: 'funds/my', element: guard(FUND_MANAGER_ROLES, <MyFundsPage />) },
          { path: 'funds/reports/:id', element: guard(FUND_REPORT_ROLES, <FundReportPage />) },
          { path: 'techmarket/listings', element: <MarketSearchPage /> },
          { path: 'techmarket/listings/:id', element: <ListingDetailPage /> },
          { path: 'techmarket/my', element: guard(OWN_ENTERPRISE_ROLES, <MyListingsPage />) },
          { path: 'techmarket/moderation', element: guard(TECHMARKET_OFFICER_ROLES, <ModerationPage />) },
          { path: 'techmarket/contracts', element: guard(TECHMARKET_CONTRACT_ROLES, <ContractsPage />) },
          { path: 'techmarket/auctions', element: <AuctionsPage /> },
          { path: 'techmarket/stats', element: guard(TECHMARKET_OFFICER_ROLES, <TechmarketStatsPage />) },
          { path: 'programmes', element: guard(PROGRAMME_OFFICE_ROLES, <ProgrammesPage />) },
          { path: 'programmes/calls/:id/ranking', element: guard(PROGRAMME_OFFICE_ROLES, <ProgrammeRankingPage />) },
          { path: 'programmes/projects', element: guard(PROGRAMME_PROJECT_ROLES, <ProgrammeProjectsPage />) },
          { path: 'programmes/projects/:id', element: guard(PROGRAMME_PROJECT_ROLES, <ProgrammeProjectPage />) },
          { path: 'account', element: <AccountPage /> },
          { path: '403', element: <StatusPage kind="forbidden" /> },
          { path: '*', element: <StatusPage kind="notFound" /> },
        ],
      },
    ],
  },
]);
