import type { BodyOf } from '../../lib/api';
import type { MessageKey } from '../../lib/i18n';

export type OrgKind = BodyOf<'/api/organizations', 'post'>['kind'];

export const ORG_KINDS: readonly OrgKind[] = [
  'bureau',
  'district_bureau',
  'enterprise',
  'provider',
  'expert_org',
  'carrier',
  'fund',
  'supervision',
];

export const ORG_KIND_LABELS: Record<OrgKind, MessageKey> = {
  bureau: 'orgKind.bureau',
  district_bureau: 'orgKind.district_bureau',
  enterprise: 'orgKind.enterprise',
  provider: 'orgKind.provider',
  expert_org: 'orgKind.expert_org',
  carrier: 'orgKind.carrier',
  fund: 'orgKind.fund',
  supervision: 'orgKind.supervision',
};
