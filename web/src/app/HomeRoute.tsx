import { lazy } from 'react';
import { useT } from '../lib/i18n';
import { hasAnyRole, useSession } from '../lib/session';
import { NAV_ITEMS } from './layout/nav';

const HomePage = lazy(() => import('../features/home/components/HomePage'));

/** The home page is a feature; the shortcuts it shows come from the app's navigation table. */
export function HomeRoute() {
  const t = useT();
  const me = useSession();
  const shortcuts = NAV_ITEMS.filter((i) => i.path !== '/' && hasAnyRole(me, i.roles)).map((i) => ({
    path: i.path,
    title: t(i.label),
    description: t(i.description),
    icon: i.icon,
  }));
  return <HomePage shortcuts={shortcuts} />;
}
