import { createContext, useContext } from 'react';
import type { ResponseOf } from './api';

export type Me = ResponseOf<'/api/auth/me', 'get'>;
export type RoleCode =
  | 'city_admin'
  | 'city_officer'
  | 'district_officer'
  | 'enterprise_user'
  | 'provider'
  | 'expert'
  | 'carrier_operator'
  | 'fund_manager'
  | 'auditor'
  | 'finance_officer';

export const ALL_ROLES: readonly RoleCode[] = [
  'city_admin',
  'city_officer',
  'district_officer',
  'enterprise_user',
  'provider',
  'expert',
  'carrier_operator',
  'fund_manager',
  'auditor',
  'finance_officer',
];

/** The signed-in user, provided by the authenticated layout. */
export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) {
    throw new Error('useSession() used outside the authenticated layout');
  }
  return me;
}

/** The signed-in user when the page sits in the authenticated layout; null on the public pages. */
export function useOptionalSession(): Me | null {
  return useContext(SessionContext);
}

export function isRoleCode(code: string): code is RoleCode {
  return (ALL_ROLES as readonly string[]).includes(code);
}

export function hasAnyRole(me: Pick<Me, 'roles'>, roles: readonly RoleCode[] | undefined): boolean {
  return !roles || me.roles.some((r) => (roles as readonly string[]).includes(r));
}
