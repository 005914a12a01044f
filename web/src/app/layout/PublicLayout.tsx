import { Flex, Layout, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { PageLoading } from '../../components/PageLoading';
import { useT, type MessageKey } from '../../lib/i18n';

const link = ({ isActive }: { isActive: boolean }) => ({ color: '#fff', opacity: isActive ? 1 : 0.8, fontWeight: isActive ? 600 : 400 });

/** The same header on every public page. */
const PUBLIC_LINKS: readonly [string, MessageKey][] = [
  ['/public/self-assessment', 'public.selfAssessment'],
  ['/public/interest-subsidy', 'public.interestSubsidy'],
  ['/public/notices', 'public.notices'],
  ['/public/programme-calls', 'public.programmeCalls'],
  ['/public/carriers', 'public.carriers'],
  ['/public/policies', 'public.policies'],
  ['/public/outreach', 'public.outreach'],
  ['/public/market', 'public.market'],
  ['/public/auctions', 'public.auctions'],
  ['/public/calendar', 'public.calendar'],
];

/** The shell of the pages anyone may use without logging in (self-assessment, working-day lookup). */
export function PublicLayout() {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#0f3c8c', paddingInline: 20 }}>
        <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={16}>
          <Link to="/public" aria-label={t('public.home')}>
            <Flex align="center" gap={10}>
              <span className="brand-mark" aria-hidden>
                {t('app.mark')}
              </span>
              <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
                {t('public.title', { app: t('app.name') })}
              </Typography.Text>
            </Flex>
          </Link>
          <Flex component="nav" aria-label={t('public.nav')} gap={16} align="center">
            {PUBLIC_LINKS.map(([to, label]) => (
              <NavLink key={to} to={to} style={link}>
                {t(label)}
              </NavLink>
            ))}
            <Link to="/login" style={{ color: '#fff' }}>
              {t('public.login')}
            </Link>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content id="main-content" style={{ padding: 24, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
