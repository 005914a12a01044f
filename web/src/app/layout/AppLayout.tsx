import { Layout } from 'antd';
import { Suspense, useEffect, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { PageLoading } from '../../components/PageLoading';
import { useT } from '../../lib/i18n';
import { AppHeader } from './AppHeader';
import { SideMenu } from './SideMenu';

export function AppLayout() {
  const t = useT();
  const [collapsed, setCollapsed] = useState(false);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After in-app navigation, keyboard and screen-reader users continue from the new page's content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('main-content')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {t('nav.skipToContent')}
      </a>
      <Layout.Header style={{ background: '#0f3c8c', paddingInline: 20, position: 'sticky', top: 0, zIndex: 10 }}>
        <AppHeader />
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={208}
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          className="app-sider"
          // Sticky under the header and as tall as the window: a long menu (系统管理 at the end)
          // scrolls inside the sider instead of running under the fixed collapse arrow at 1366×768.
          style={{ borderInlineEnd: '1px solid #f0f0f0', position: 'sticky', top: 64, height: 'calc(100vh - 64px)' }}
        >
          <SideMenu />
        </Layout.Sider>
        <Layout.Content id="main-content" tabIndex={-1} style={{ padding: 24, minWidth: 0, outline: 'none' }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
