import { Flex, Layout, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { PageLoading } from '../../components/PageLoading';
import { useT } from '../../lib/i18n';

const link = ({ isActive }: { isActive: boolean }) => ({ color: '#fff', opacity: isActive ? 1 : 0.8, fontWeight: isActive ? 600 : 400 });

/** The same header on every public page. */
const PUBLIC_LINKS: readonly [string, string][] = [
  ['/public/self-assessment', '认定自评'],
  ['/public/interest-subsidy', '贴息测算'],
  ['/public/notices', '认定公示'],
  ['/public/programme-calls', '项目指南'],
  ['/public/carriers', '创新载体'],
  ['/public/policies', '政策库'],
  ['/public/outreach', '科技下乡'],
  ['/public/market', '技术市场'],
  ['/public/auctions', '技术拍卖'],
  ['/public/calendar', '工作日查询'],
];

/** The shell of the pages anyone may use without logging in (self-assessment, working-day lookup). */
export function PublicLayout() {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#0f3c8c', paddingInline: 20 }}>
        <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={16}>
          <Flex align="center" gap={10}>
            <span className="brand-mark" aria-hidden>
              科
            </span>
            <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
              {t('app.name')} · 公共服务
            </Typography.Text>
          </Flex>
          <Flex component="nav" aria-label="公共服务" gap={16} align="center">
            {PUBLIC_LINKS.map(([to, label]) => (
              <NavLink key={to} to={to} style={link}>
                {label}
              </NavLink>
            ))}
            <Link to="/login" style={{ color: '#fff' }}>
              登录
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
