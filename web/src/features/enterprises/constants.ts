import type { BodyOf } from '../../lib/api';
import type { MessageKey } from '../../lib/i18n';
import type { RoleCode } from '../../lib/session';
import { industryMessages } from './messages';

type EnterpriseBody = BodyOf<'/api/enterprises', 'post'>;
export type Industry = EnterpriseBody['industry'];
export type EnterpriseSize = NonNullable<EnterpriseBody['size']>;

/** The eight technical domains of the high-tech enterprise rules, plus 其他 (server: INDUSTRIES). */
export const INDUSTRIES = Object.keys(industryMessages) as readonly Industry[];

export const SIZES: readonly EnterpriseSize[] = ['micro', 'small', 'medium', 'large'];

export const SIZE_LABELS: Record<EnterpriseSize, MessageKey> = {
  micro: 'size.micro',
  small: 'size.small',
  medium: 'size.medium',
  large: 'size.large',
};

/** Mirrors enterprises.policy.ts, to offer only the buttons that will work. */
export const CREATE_ROLES: readonly RoleCode[] = ['city_officer', 'district_officer'];
export const EDIT_ROLES: readonly RoleCode[] = ['city_officer', 'district_officer', 'enterprise_user'];
/** What an enterprise user may change on its own record (SELF_EDITABLE on the server). */
export const SELF_EDITABLE: readonly string[] = [
  'address',
  'website',
  'employees',
  'contactName',
  'contactPhone',
  'legalRepName',
  'legalRepPhone',
  'legalRepIdNumber',
  'size',
  'registeredCapital',
];

export function isIndustry(v: string | null): v is Industry {
  return v !== null && (INDUSTRIES as readonly string[]).includes(v);
}

export function isSize(v: string | null): v is EnterpriseSize {
  return v !== null && (SIZES as readonly string[]).includes(v);
}
