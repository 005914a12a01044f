import { SettingOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../../lib/i18n';
import { hasAnyRole, useSession } from '../../lib/session';
import { NAV_ITEMS, activeNavPath } from './nav';

type MenuItem = Required<MenuProps>['items'][number];

/** Items are links, so Tab reaches them and they open in a new tab on middle-click. */
export function SideMenu() {
  const t = useT();
  const me = useSession();
  const { pathname } = useLocation();
  const visible = NAV_ITEMS.filter((i) => hasAnyRole(me, i.roles));
  const toItem = (i: (typeof visible)[number]): MenuItem => ({
    key: i.path,
    icon: i.icon,
    label: <Link to={i.path}>{t(i.label)}</Link>,
  });
  const admin = visible.filter((i) => i.group === 'admin');
  const items: MenuItem[] = [
    ...visible.filter((i) => !i.group && i.path !== '/account').map(toItem),
    ...(admin.length
      ? [{ key: 'admin', icon: <SettingOutlined />, label: t('nav.admin'), children: admin.map(toItem) } satisfies MenuItem]
      : []),
    ...visible.filter((i) => i.path === '/account').map(toItem),
  ];
  const selected = activeNavPath(pathname);
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        defaultOpenKeys={['admin']}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );
}
