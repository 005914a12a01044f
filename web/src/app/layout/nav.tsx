import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FundOutlined,
  HomeOutlined,
  IssuesCloseOutlined,
  NotificationOutlined,
  ExperimentOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
  WalletOutlined,
  SolutionOutlined,
  SafetyCertificateOutlined,
  FormOutlined,
  FileSearchOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n';
import type { RoleCode } from '../../lib/session';

export interface NavItem {
  path: string;
  label: MessageKey;
  description: MessageKey;
  icon: ReactNode;
  /** Who sees it; undefined = every signed-in user. */
  roles?: readonly RoleCode[];
  group?: 'admin';
}

export const ENTERPRISE_LIST_ROLES: readonly RoleCode[] = ['city_admin', 'city_officer', 'district_officer', 'auditor'];
export const ADMIN_ROLES: readonly RoleCode[] = ['city_admin'];
export const AUDIT_ROLES: readonly RoleCode[] = ['auditor', 'city_admin'];
export const OWN_ENTERPRISE_ROLES: readonly RoleCode[] = ['enterprise_user'];
export const TECHMARKET_OFFICER_ROLES: readonly RoleCode[] = ['city_admin', 'city_officer', 'district_officer', 'auditor'];
export const TECHMARKET_CONTRACT_ROLES: readonly RoleCode[] = [...TECHMARKET_OFFICER_ROLES, 'enterprise_user'];
export const VOUCHER_HOLDER_ROLES: readonly RoleCode[] = ['enterprise_user'];
export const VOUCHER_PROVIDER_ROLES: readonly RoleCode[] = ['provider'];
export const INDICATOR_ROLES: readonly RoleCode[] = ['city_admin', 'city_officer', 'district_officer', 'auditor'];
export const VOUCHER_DESK_ROLES: readonly RoleCode[] = ['city_officer', 'district_officer', 'auditor', 'city_admin'];
export const RECOGNITION_REGISTER_ROLES: readonly RoleCode[] = ['city_admin', 'city_officer', 'district_officer', 'auditor'];
export const RECOGNITION_REVIEW_ROLES: readonly RoleCode[] = ['city_admin', 'city_officer', 'district_officer', 'auditor'];
export const NOTICE_ROLES: readonly RoleCode[] = ['city_officer', 'city_admin', 'auditor'];
export const OBJECTION_ROLES: readonly RoleCode[] = ['city_officer', 'city_admin', 'auditor', 'district_officer'];
export const EXPERT_POOL_ROLES: readonly RoleCode[] = ['city_officer', 'city_admin', 'auditor'];
export const EXPERT_ROLES: readonly RoleCode[] = ['expert'];
export const ALLOCATION_ROLES: readonly RoleCode[] = ['city_officer', 'finance_officer', 'district_officer', 'auditor', 'city_admin'];
export const AWARD_ROLES: readonly RoleCode[] = ['city_officer', 'district_officer', 'auditor', 'city_admin'];
export const PROGRAMME_OFFICE_ROLES: readonly RoleCode[] = ['city_officer', 'city_admin', 'auditor'];
export const PROGRAMME_PROJECT_ROLES: readonly RoleCode[] = ['city_officer', 'city_admin', 'auditor', 'district_officer', 'enterprise_user'];
export const PAYMENT_DESK_ROLES: readonly RoleCode[] = ['finance_officer', 'city_officer', 'auditor'];
export const CARRIER_ROLES: readonly RoleCode[] = ['city_admin', 'city_officer', 'district_officer', 'auditor', 'carrier_operator'];
export const PAYMENT_LIMIT_ROLES: readonly RoleCode[] = ['city_admin', 'auditor'];
export const FUND_OFFICE_ROLES: readonly RoleCode[] = ['city_officer', 'finance_officer', 'city_admin', 'auditor'];
export const FUND_MANAGER_ROLES: readonly RoleCode[] = ['fund_manager'];
export const FUND_REPORT_ROLES: readonly RoleCode[] = [...FUND_OFFICE_ROLES, ...FUND_MANAGER_ROLES];
export const FINANCE_CASE_ROLES: readonly RoleCode[] = ['city_admin', 'city_officer', 'district_officer', 'auditor', 'enterprise_user'];
export const PROJECT_FOLLOW_ROLES: readonly RoleCode[] = ['city_officer', 'district_officer', 'auditor', 'finance_officer'];

export const SUPERVISION_ROLES: readonly RoleCode[] = ['city_officer', 'district_officer', 'auditor', 'city_admin'];
export const RECOMMENDATION_ROLES: readonly RoleCode[] = ['city_officer', 'district_officer', 'auditor', 'city_admin'];
export const POLICY_ADMIN_ROLES: readonly RoleCode[] = ['city_officer', 'auditor', 'city_admin'];
/** The side menu, the home page shortcuts and the route guards all read this one table. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', description: 'nav.homeDesc', icon: <HomeOutlined /> },
  { path: '/dashboard', label: 'nav.dashboard', description: 'nav.dashboardDesc', icon: <DashboardOutlined />, roles: INDICATOR_ROLES },
  { path: '/enterprises', label: 'nav.enterprises', description: 'nav.enterprisesDesc', icon: <BankOutlined />, roles: ENTERPRISE_LIST_ROLES },
  { path: '/my-enterprise', label: 'nav.myEnterprise', description: 'nav.myEnterpriseDesc', icon: <ShopOutlined />, roles: OWN_ENTERPRISE_ROLES },
  { path: '/vouchers/my', label: 'nav.vouchersMy', description: 'nav.vouchersMyDesc', icon: <WalletOutlined />, roles: VOUCHER_HOLDER_ROLES },
  { path: '/vouchers/provider', label: 'nav.vouchersProvider', description: 'nav.vouchersProviderDesc', icon: <SolutionOutlined />, roles: VOUCHER_PROVIDER_ROLES },
  { path: '/vouchers/desk', label: 'nav.vouchersDesk', description: 'nav.vouchersDeskDesc', icon: <FundOutlined />, roles: VOUCHER_DESK_ROLES },
  { path: '/notices', label: 'nav.notices', description: 'nav.noticesDesc', icon: <NotificationOutlined />, roles: NOTICE_ROLES },
  { path: '/objections', label: 'nav.objections', description: 'nav.objectionsDesc', icon: <IssuesCloseOutlined />, roles: OBJECTION_ROLES },
  { path: '/admin/users', label: 'nav.users', description: 'nav.usersDesc', icon: <TeamOutlined />, roles: ADMIN_ROLES, group: 'admin' },
  { path: '/admin/organizations', label: 'nav.organizations', description: 'nav.organizationsDesc', icon: <ApartmentOutlined />, roles: ADMIN_ROLES, group: 'admin' },
  { path: '/admin/districts', label: 'nav.districts', description: 'nav.districtsDesc', icon: <EnvironmentOutlined />, roles: ADMIN_ROLES, group: 'admin' },
  { path: '/admin/calendar', label: 'nav.calendar', description: 'nav.calendarDesc', icon: <CalendarOutlined />, roles: ADMIN_ROLES, group: 'admin' },
  { path: '/recognitions/apply', label: 'nav.recognitionApply', description: 'nav.recognitionApplyDesc', icon: <FormOutlined />, roles: OWN_ENTERPRISE_ROLES },
  { path: '/recognitions/review', label: 'nav.recognitionReview', description: 'nav.recognitionReviewDesc', icon: <FileSearchOutlined />, roles: RECOGNITION_REVIEW_ROLES },
  { path: '/recognitions/register', label: 'nav.recognitionRegister', description: 'nav.recognitionRegisterDesc', icon: <SafetyCertificateOutlined />, roles: RECOGNITION_REGISTER_ROLES },
  { path: '/recognitions/mine', label: 'nav.myRecognitions', description: 'nav.myRecognitionsDesc', icon: <SafetyCertificateOutlined />, roles: OWN_ENTERPRISE_ROLES },
  { path: '/recognitions/recommendations', label: 'nav.recommendations', description: 'nav.recommendationsDesc', icon: <SafetyCertificateOutlined />, roles: RECOMMENDATION_ROLES },
  { path: '/supervision', label: 'nav.supervision', description: 'nav.supervisionDesc', icon: <FileSearchOutlined />, roles: SUPERVISION_ROLES },
  { path: '/annual-reports', label: 'nav.annualReports', description: 'nav.annualReportsDesc', icon: <FormOutlined />, roles: OWN_ENTERPRISE_ROLES },
  { path: '/outreach', label: 'nav.outreach', description: 'nav.outreachDesc', icon: <EnvironmentOutlined />, roles: SUPERVISION_ROLES },
  { path: '/policies', label: 'nav.policies', description: 'nav.policiesDesc', icon: <AuditOutlined />, roles: POLICY_ADMIN_ROLES },
  { path: '/techmarket/listings', label: 'nav.techmarket', description: 'nav.techmarketDesc', icon: <ExperimentOutlined /> },
  { path: '/techmarket/my', label: 'nav.techmarketMine', description: 'nav.techmarketMineDesc', icon: <ExperimentOutlined />, roles: OWN_ENTERPRISE_ROLES },
  { path: '/techmarket/moderation', label: 'nav.techmarketModeration', description: 'nav.techmarketModerationDesc', icon: <ExperimentOutlined />, roles: TECHMARKET_OFFICER_ROLES },
  { path: '/techmarket/contracts', label: 'nav.techmarketContracts', description: 'nav.techmarketContractsDesc', icon: <ExperimentOutlined />, roles: TECHMARKET_CONTRACT_ROLES },
  { path: '/techmarket/auctions', label: 'nav.techmarketAuctions', description: 'nav.techmarketAuctionsDesc', icon: <ExperimentOutlined /> },
  { path: '/techmarket/stats', label: 'nav.techmarketStats', description: 'nav.techmarketStatsDesc', icon: <ExperimentOutlined />, roles: TECHMARKET_OFFICER_ROLES },
  { path: '/experts', label: 'nav.experts', description: 'nav.expertsDesc', icon: <TeamOutlined />, roles: EXPERT_POOL_ROLES },
  { path: '/expert/assignments', label: 'nav.expertTasks', description: 'nav.expertTasksDesc', icon: <SolutionOutlined />, roles: EXPERT_ROLES },
  { path: '/allocations', label: 'nav.allocations', description: 'nav.allocationsDesc', icon: <AccountBookOutlined />, roles: ALLOCATION_ROLES },
  { path: '/awards', label: 'nav.awards', description: 'nav.awardsDesc', icon: <SafetyCertificateOutlined />, roles: AWARD_ROLES },
  { path: '/awards/mine', label: 'nav.myAwards', description: 'nav.myAwardsDesc', icon: <SafetyCertificateOutlined />, roles: OWN_ENTERPRISE_ROLES },
  { path: '/projects', label: 'nav.projects', description: 'nav.projectsDesc', icon: <FileSearchOutlined />, roles: PROJECT_FOLLOW_ROLES },
  { path: '/projects/mine', label: 'nav.myProjects', description: 'nav.myProjectsDesc', icon: <FormOutlined />, roles: OWN_ENTERPRISE_ROLES },
  { path: '/programmes', label: 'nav.programmes', description: 'nav.programmesDesc', icon: <ExperimentOutlined />, roles: PROGRAMME_OFFICE_ROLES },
  { path: '/programmes/projects', label: 'nav.programmeProjects', description: 'nav.programmeProjectsDesc', icon: <FormOutlined />, roles: PROGRAMME_PROJECT_ROLES },
  { path: '/carriers', label: 'nav.carriers', description: 'nav.carriersDesc', icon: <ApartmentOutlined />, roles: CARRIER_ROLES },
  { path: '/carriers/review', label: 'nav.carrierReview', description: 'nav.carrierReviewDesc', icon: <FileSearchOutlined />, roles: CARRIER_ROLES },
  { path: '/payments', label: 'nav.paymentDesk', description: 'nav.paymentDeskDesc', icon: <AccountBookOutlined />, roles: PAYMENT_DESK_ROLES },
  { path: '/subsidies/applications', label: 'nav.interestSubsidies', description: 'nav.interestSubsidiesDesc', icon: <AccountBookOutlined />, roles: FINANCE_CASE_ROLES },
  { path: '/subsidies/assessments', label: 'nav.performanceAssessments', description: 'nav.performanceAssessmentsDesc', icon: <FileSearchOutlined />, roles: FINANCE_CASE_ROLES },
  { path: '/loans/bridge', label: 'nav.bridgeLoans', description: 'nav.bridgeLoansDesc', icon: <BankOutlined />, roles: FINANCE_CASE_ROLES },
  { path: '/loans/guarantees', label: 'nav.guarantees', description: 'nav.guaranteesDesc', icon: <SafetyCertificateOutlined />, roles: FINANCE_CASE_ROLES },
  { path: '/admin/payment-limits', label: 'nav.paymentLimits', description: 'nav.paymentLimitsDesc', icon: <AccountBookOutlined />, roles: PAYMENT_LIMIT_ROLES, group: 'admin' },
  { path: '/funds', label: 'nav.funds', description: 'nav.fundsDesc', icon: <FundOutlined />, roles: FUND_OFFICE_ROLES },
  { path: '/funds/my', label: 'nav.fundsMy', description: 'nav.fundsMyDesc', icon: <FundOutlined />, roles: FUND_MANAGER_ROLES },
  { path: '/audit', label: 'nav.audit', description: 'nav.auditDesc', icon: <AuditOutlined />, roles: AUDIT_ROLES },
  { path: '/account', label: 'nav.account', description: 'nav.accountDesc', icon: <UserOutlined /> },
];

/** The nav entry a path belongs to: the longest matching prefix. */
export function activeNavPath(pathname: string): string | undefined {
  return NAV_ITEMS.map((i) => i.path)
    .filter((p) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(p + '/')))
    .sort((a, b) => b.length - a.length)[0];
}
