import type { ReactNode } from 'react';
import { LazyStatusPage as StatusPage } from '../components/LazyStatusPage';
import { hasAnyRole, useSession, type RoleCode } from '../lib/session';

/** A 403 page instead of the children when the user has none of the roles. */
export function RequireRole({ roles, children }: { roles: readonly RoleCode[]; children: ReactNode }) {
  const me = useSession();
  return hasAnyRole(me, roles) ? children : <StatusPage kind="forbidden" />;
}
