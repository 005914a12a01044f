import type { OrgKind, Role } from '../../db/schema/index.js';
import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

export const ROLE_NAMES: Record<Role, string> = {
  city_admin: '市科委管理员',
  city_officer: '市科委业务处室',
  district_officer: '区县科技局',
  enterprise_user: '企业用户',
  provider: '服务机构',
  expert: '评审专家',
  carrier_operator: '孵化器/众创空间',
  fund_manager: '合作基金管理人',
  auditor: '审计/监督',
  finance_officer: '计划财务处（支付复核）',
};

export const ORG_KIND_NAMES: Record<OrgKind, string> = {
  bureau: '市科委',
  district_bureau: '区县科技局',
  enterprise: '企业',
  provider: '服务机构',
  expert_org: '专家',
  carrier: '创新载体',
  fund: '合作基金',
  supervision: '监督机构',
};

/** Which organisation kinds a role may belong to. */
export const ROLE_ORG_KINDS: Record<Role, OrgKind[]> = {
  city_admin: ['bureau'],
  city_officer: ['bureau'],
  district_officer: ['district_bureau'],
  enterprise_user: ['enterprise'],
  provider: ['provider'],
  expert: ['expert_org'],
  carrier_operator: ['carrier'],
  fund_manager: ['fund'],
  auditor: ['supervision', 'bureau'],
  finance_officer: ['bureau'],
};

/**
 * Separation of duties: the admin administers and never does business, and the auditor reads and
 * never writes, so neither role is combined with any other on one account (the admin's own included).
 * Returns a Chinese message naming the conflict, or null.
 */
export function roleConflict(roles: readonly Role[]): string | null {
  const distinct = [...new Set(roles)];
  for (const exclusive of ['city_admin', 'auditor'] as const) {
    if (distinct.includes(exclusive) && distinct.length > 1) {
      const others = distinct.filter((r) => r !== exclusive).map((r) => ROLE_NAMES[r]);
      return `职责分离：${ROLE_NAMES[exclusive]}角色不能与其他角色（${others.join('、')}）兼任`;
    }
  }
  return null;
}

/** Users, organisations and districts are administered by the city admin only. */
export function assertCanAdminister(actor: Actor): void {
  if (!hasRole(actor, 'city_admin')) {
    throw forbidden('仅系统管理员可管理用户、组织机构和区县');
  }
}

/** Directory reads: the admin, the auditor and city officers (who assign work to people). */
export function assertCanReadDirectory(actor: Actor): void {
  if (!hasRole(actor, 'city_admin', 'auditor', 'city_officer')) {
    throw forbidden('无权查看用户与组织机构');
  }
}
