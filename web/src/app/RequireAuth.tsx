import { Navigate, useLocation } from 'react-router';
import type { ReactNode } from 'react';
import { PageLoading } from '../components/PageLoading';
import { LazyStatusPage as StatusPage } from '../components/LazyStatusPage';
import { SessionContext } from '../lib/session';
import { useMe } from '../features/auth/api/get-me';

/** Renders its children for a signed-in user, else sends them to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) {
    return <PageLoading fullScreen />;
  }
  if (me.isError) {
    return <StatusPage kind="error" detail={me.error.message} />;
  }
  if (!me.data) {
    const redirect = location.pathname + location.search + location.hash;
    return <Navigate to={`/login?redirect=${encodeURIComponent(redirect)}`} replace />;
  }
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}
