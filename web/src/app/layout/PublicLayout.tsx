import { Flex, Layout, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { PageLoading } from '../../components/PageLoading';
import { useT, type MessageKey } from '../../lib/i18n';

const link = ({ isActive }: { isActive: boolean }) => ({ color: '#fff', opacity: isActive ? 1 : 0.8, fontWeight: isActive ? 600 : 400, whiteSpace: 'nowrap' as const });

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
      {/* the header grows to two rows where the links do not fit on one (English, narrow screens) */}
      <Layout.Header style={{ background: '#0f3c8c', paddingInline: 20, height: 'auto', minHeight: 64, lineHeight: '32px', paddingBlock: 16 }}>
        <Flex align="center" justify="space-between" gap={16} wrap>
          <Link to="/public" data-testid="public-home">
            <Flex align="center" gap={10}>
              <span className="brand-mark" aria-hidden>
                {t('app.mark')}
              </span>
              <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
                {t('public.title', { app: t('app.name') })}
              </Typography.Text>
            </Flex>
          </Link>
          <Flex component="nav" aria-label={t('public.nav')} gap="0 16px" align="center" wrap>
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
