import type { Db, Executor } from '../../db/client.js';
import type { OrgKind, Role } from '../../db/schema/index.js';
import { type RequestContext, actorOf } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { hashPassword, passwordProblem } from '../../lib/password.js';
import { recordAudit } from '../audit/index.js';
import { changingPrincipals, clearThrottlesOf, findUserByUsername, revokeUserCredentials } from '../auth/index.js';
import { ORG_KIND_NAMES, ROLE_ORG_KINDS, assertCanAdminister, roleConflict } from './orgs.policy.js';
import * as repo from './orgs.repo.js';

export function presentUser(u: repo.UserRow, organizationName: string) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    organizationId: u.organizationId,
    organizationName,
    roles: u.roles,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil : null,
    lastLoginAt: u.lastLoginAt,
    version: u.version,
  };
}

export function presentOrganization(o: repo.OrganizationRow, districtName: string | null) {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    kindName: ORG_KIND_NAMES[o.kind],
    districtId: o.districtId,
    districtName,
    enterpriseId: o.enterpriseId,
    version: o.version,
  };
}

const auditUser = (u: repo.UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  organizationId: u.organizationId,
  roles: u.roles,
  disabled: u.disabled,
});

// ---- districts -------------------------------------------------------------

export async function createDistrict(opts: { db: Db; ctx: RequestContext; code: string; name: string; sortOrder: number }) {
  assertCanAdminister(actorOf(opts.ctx));
  return opts.db.transaction(async (tx) => {
    const row = await repo.insertDistrict(tx, { code: opts.code, name: opts.name, sortOrder: opts.sortOrder });
    await recordAudit(tx, opts.ctx, { action: 'district.create', objectType: 'district', objectId: row.id, after: row });
    return row;
  });
}

export async function updateDistrict(opts: {
  db: Db;
  ctx: RequestContext;
  id: number;
  patch: { code?: string; name?: string; sortOrder?: number };
}) {
  assertCanAdminister(actorOf(opts.ctx));
  return opts.db.transaction(async (tx) => {
    const before = await repo.findDistrict(tx, opts.id);
    if (!before) {
      throw notFound('区县');
    }
    const set = Object.fromEntries(Object.entries(opts.patch).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length === 0) {
      return before;
    }
    const after = (await repo.updateDistrict(tx, opts.id, set))!;
    await recordAudit(tx, opts.ctx, { action: 'district.update', objectType: 'district', objectId: opts.id, before, after });
    return after;
  });
}

export async function deleteDistrict(opts: { db: Db; ctx: RequestContext; id: number }) {
  assertCanAdminister(actorOf(opts.ctx));
  await opts.db.transaction(async (tx) => {
    const before = await repo.findDistrict(tx, opts.id);
    if (!before) {
      throw notFound('区县');
    }
    if (await repo.districtInUse(tx, opts.id)) {
      throw new AppError('in_use', '该区县下仍有企业或机构，不能删除');
    }
    await repo.deleteDistrict(tx, opts.id);
    await recordAudit(tx, opts.ctx, { action: 'district.delete', objectType: 'district', objectId: opts.id, before });
  });
}

// ---- organisations ---------------------------------------------------------

async function checkOrgShape(db: Executor, kind: OrgKind, districtId: number | null, enterpriseId: number | null) {
  if (districtId !== null && !(await repo.findDistrict(db, districtId))) {
    throw fieldError('districtId', '区县不存在');
  }
  if (kind === 'district_bureau' && districtId === null) {
    throw fieldError('districtId', '区县科技局必须指定所属区县');
  }
  if (kind === 'enterprise') {
    if (enterpriseId === null) {
      throw fieldError('enterpriseId', '企业类机构必须关联企业库中的企业');
    }
    const entDistrict = await repo.findEnterpriseDistrict(db, enterpriseId);
    if (entDistrict === undefined) {
      throw fieldError('enterpriseId', '企业不存在');
    }
    return entDistrict;
  }
  if (enterpriseId !== null) {
    throw fieldError('enterpriseId', '只有企业类机构可以关联企业');
  }
  return districtId;
}

export async function createOrganization(opts: {
  db: Db;
  ctx: RequestContext;
  name: string;
  kind: OrgKind;
  districtId?: number | null;
  enterpriseId?: number | null;
}) {
  assertCanAdminister(actorOf(opts.ctx));
  return opts.db.transaction(async (tx) => {
    const enterpriseId = opts.enterpriseId ?? null;
    const districtId = await checkOrgShape(tx, opts.kind, opts.districtId ?? null, enterpriseId);
    const row = await repo.insertOrganization(tx, { name: opts.name, kind: opts.kind, districtId, enterpriseId });
    await recordAudit(tx, opts.ctx, { action: 'organization.create', objectType: 'organization', objectId: row.id, after: row });
    return row;
  });
}

export async function updateOrganization(opts: {
  db: Db;
  ctx: RequestContext;
  id: number;
  version: number;
  patch: { name?: string; kind?: OrgKind; districtId?: number | null; enterpriseId?: number | null };
}) {
  assertCanAdminister(actorOf(opts.ctx));
  // the principals of its users carry the organisation's name and district
  return changingPrincipals(() =>
    opts.db.transaction(async (tx) => {
      const before = await repo.findOrganization(tx, opts.id);
      if (!before) {
        throw notFound('组织机构');
      }
      const kind = opts.patch.kind ?? before.kind;
      const enterpriseId = opts.patch.enterpriseId !== undefined ? opts.patch.enterpriseId : before.enterpriseId;
      const districtId = await checkOrgShape(
        tx,
        kind,
        opts.patch.districtId !== undefined ? opts.patch.districtId : before.districtId,
        enterpriseId,
      );
      const after = await repo.updateOrganization(tx, opts.id, opts.version, { name: opts.patch.name, kind, districtId, enterpriseId });
      if (!after) {
        throw new AppError('version_conflict', '该组织机构已被他人修改，请刷新后重试', { currentVersion: before.version });
      }
      await recordAudit(tx, opts.ctx, { action: 'organization.update', objectType: 'organization', objectId: opts.id, before, after });
      return after;
    }),
  );
}

// ---- users -----------------------------------------------------------------

async function checkRolesFitOrg(db: Executor, organizationId: number, roles: Role[]) {
  const conflict = roleConflict(roles);
  if (conflict) {
    throw fieldError('roles', conflict, 'role_conflict');
  }
  const org = await repo.findOrganization(db, organizationId);
  if (!org) {
    throw fieldError('organizationId', '组织机构不存在');
  }
  const unfit = roles.filter((r) => !ROLE_ORG_KINDS[r].includes(org.kind));
  if (unfit.length) {
    throw fieldError('roles', `角色与所属机构类型（${ORG_KIND_NAMES[org.kind]}）不符：${unfit.join(', ')}`);
  }
  return org;
}

export async function createUser(opts: {
  db: Db;
  ctx: RequestContext;
  username: string;
  displayName: string;
  organizationId: number;
  roles: Role[];
  password: string;
}) {
  assertCanAdminister(actorOf(opts.ctx));
  const problem = passwordProblem(opts.password, { username: opts.username });
  if (problem) {
    throw fieldError('password', problem, 'weak_password');
  }
  const passwordHash = await hashPassword(opts.password);
  return opts.db.transaction(async (tx) => {
    const org = await checkRolesFitOrg(tx, opts.organizationId, opts.roles);
    if (await findUserByUsername(tx, opts.username)) {
      throw fieldError('username', '用户名已存在', 'username_exists');
    }
    const row = await repo.insertUser(tx, {
      username: opts.username,
      displayName: opts.displayName,
      organizationId: opts.organizationId,
      roles: [...new Set(opts.roles)],
      passwordHash,
    });
    await recordAudit(tx, opts.ctx, { action: 'user.create', objectType: 'user', objectId: row.id, after: auditUser(row) });
    return presentUser(row, org.name);
  });
}

export async function updateUser(opts: {
  db: Db;
  ctx: RequestContext;
  id: number;
  version: number;
  patch: { displayName?: string; organizationId?: number; roles?: Role[]; disabled?: boolean; unlock?: true };
}) {
  const actor = actorOf(opts.ctx);
  assertCanAdminister(actor);
  if (opts.id === actor.userId && (opts.patch.disabled === true || (opts.patch.roles && !opts.patch.roles.includes('city_admin')))) {
    throw fieldError(opts.patch.disabled ? 'disabled' : 'roles', '不能停用自己或移除自己的管理员角色');
  }
  return changingPrincipals(() =>
    opts.db.transaction(async (tx) => {
      const before = await repo.findUser(tx, opts.id);
      if (!before) {
        throw notFound('用户');
      }
      const organizationId = opts.patch.organizationId ?? before.organizationId;
      const roles = opts.patch.roles ? [...new Set(opts.patch.roles)] : before.roles;
      const org = await checkRolesFitOrg(tx, organizationId, roles);
      const after = await repo.updateUser(tx, opts.id, opts.version, {
        displayName: opts.patch.displayName,
        organizationId,
        roles,
        disabled: opts.patch.disabled,
        ...(opts.patch.unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
      });
      if (!after) {
        throw new AppError('version_conflict', '该用户已被他人修改，请刷新后重试', { currentVersion: before.version });
      }
      if (opts.patch.unlock) {
        await clearThrottlesOf(tx, after.username);
      }
      // Disabling, moving or re-roling a user ends its sessions and tokens: they carried the old rights.
      const rightsChanged =
        (after.disabled && !before.disabled) || after.organizationId !== before.organizationId || roles.join() !== before.roles.join();
      if (rightsChanged) {
        await revokeUserCredentials(tx, opts.id);
      }
      await recordAudit(tx, opts.ctx, {
        action: opts.patch.unlock ? 'user.unlock' : 'user.update',
        objectType: 'user',
        objectId: opts.id,
        before: auditUser(before),
        after: auditUser(after),
      });
      return presentUser(after, org.name);
    }),
  );
}

export async function resetUserPassword(opts: { db: Db; ctx: RequestContext; id: number; password: string }) {
  assertCanAdminister(actorOf(opts.ctx));
  const target = await repo.findUser(opts.db, opts.id);
  if (!target) {
    throw notFound('用户');
  }
  const problem = passwordProblem(opts.password, { username: target.username });
  if (problem) {
    throw fieldError('password', problem, 'weak_password');
  }
  const passwordHash = await hashPassword(opts.password);
  await changingPrincipals(() =>
    opts.db.transaction(async (tx) => {
      const before = await repo.findUser(tx, opts.id);
      if (!before) {
        throw notFound('用户');
      }
      await repo.updateUser(tx, opts.id, null, { passwordHash, lockedUntil: null, failedLogins: 0 });
      await clearThrottlesOf(tx, before.username);
      await revokeUserCredentials(tx, opts.id);
      await recordAudit(tx, opts.ctx, { action: 'user.password_reset', objectType: 'user', objectId: opts.id });
    }),
  );
}
