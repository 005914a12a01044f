import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';

interface Org {
  id: number;
  name: string;
  kind: string;
  districtId: number | null;
  enterpriseId: number | null;
  version: number;
}
interface User {
  id: number;
  username: string;
  roles: string[];
  disabled: boolean;
  version: number;
}

let t: TestApp;
let admin: Session;
let bureau: Org;
let xihuBureau: Org;
const PASSWORD = 'Kc#Admin2026';
const chinese = /[\u4e00-\u9fff]/;
let serial = 0;

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  const orgs = (await admin.request('GET', '/api/organizations')).json<{ items: (Org & { districtName: string | null })[] }>().items;
  bureau = orgs.find((o) => o.kind === 'bureau')!;
  xihuBureau = orgs.find((o) => o.kind === 'district_bureau' && o.districtName === '西湖区')!;
});
afterAll(async () => {
  await t.close();
});

async function createUser(overrides: Record<string, unknown> = {}): Promise<User> {
  serial++;
  const res = await admin.request('POST', '/api/users', {
    username: `staff${serial}`,
    displayName: `科员${serial}`,
    organizationId: bureau.id,
    roles: ['city_officer'],
    password: PASSWORD,
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const login = (username: string, password = PASSWORD) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('districts', () => {
  it('when the admin creates a district, then 201 and anyone can list it', async () => {
    const res = await admin.request('POST', '/api/districts', { code: '330112', name: '临平区', sortOrder: 14 });
    expect(res.statusCode).toBe(201);
    const list = await t.app.inject({ method: 'GET', url: '/api/districts' });
    expect(list.json().items).toContainEqual({ id: res.json().id, code: '330112', name: '临平区', sortOrder: 14 });
  });

  it('when the code or the name is taken, then 409 naming the field', async () => {
    const byCode = await admin.request('POST', '/api/districts', { code: '330106', name: '新西湖区' });
    expect(byCode.statusCode).toBe(409);
    expect(byCode.json().error.details.fields[0].field).toBe('code');
    const byName = await admin.request('POST', '/api/districts', { code: '330199', name: '西湖区' });
    expect(byName.statusCode).toBe(409);
    expect(byName.json().error.details.fields[0].field).toBe('name');
  });

  it('when the code is not 6 digits, then 400 in Chinese', async () => {
    const res = await admin.request('POST', '/api/districts', { code: '33011', name: '某区' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'code', message: expect.stringMatching(chinese) });
  });

  it('when only the name is patched, then the sort order is kept', async () => {
    const created = (await admin.request('POST', '/api/districts', { code: '330113', name: '钱塘区', sortOrder: 15 })).json();
    const res = await admin.request('PATCH', `/api/districts/${created.id}`, { name: '钱塘新区' });
    expect(res.json()).toMatchObject({ name: '钱塘新区', sortOrder: 15 });
  });

  it('when the patch is empty, then 200 with nothing changed and nothing audited', async () => {
    const [{ n: before }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    const res = await admin.request('PATCH', '/api/districts/1', {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 1, code: '330102', sortOrder: 1 });
    const [{ n: after }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    expect(after).toBe(before);
    expect((await admin.request('PATCH', '/api/districts/99999', { name: '无此区' })).statusCode).toBe(404);
  });

  it('when a district is unused, then it can be deleted; when it holds enterprises, then 409 in_use', async () => {
    const created = (await admin.request('POST', '/api/districts', { code: '330114', name: '待删区' })).json();
    expect((await admin.request('DELETE', `/api/districts/${created.id}`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/districts' })).json().items.map((d: { id: number }) => d.id)).not.toContain(created.id);
    const xihu = await admin.request('DELETE', `/api/districts/${xihuBureau.districtId}`);
    expect(xihu.statusCode).toBe(409);
    expect(xihu.json().error.code).toBe('in_use');
  });
});

describe('organisations', () => {
  it('when a provider is created, then 201 with the kind in Chinese', async () => {
    const res = await admin.request('POST', '/api/organizations', { name: '杭州知识产权服务中心', kind: 'provider', districtId: xihuBureau.districtId });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'provider', kindName: '服务机构', districtName: '西湖区', version: 1 });
  });

  it.each([
    ['a district bureau without a district', { kind: 'district_bureau' }, 'districtId'],
    ['an enterprise organisation without an enterprise', { kind: 'enterprise' }, 'enterpriseId'],
    ['a provider linked to an enterprise', { kind: 'provider', enterpriseId: 1 }, 'enterpriseId'],
    ['an unknown district', { kind: 'provider', districtId: 99999 }, 'districtId'],
    ['an unknown enterprise', { kind: 'enterprise', enterpriseId: 99999 }, 'enterpriseId'],
  ])('when the shape is inconsistent (%s), then 400 on that field', async (_why, shape, field) => {
    const res = await admin.request('POST', '/api/organizations', { name: '不一致的机构', ...shape });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ field, message: expect.stringMatching(chinese) });
  });

  it('when an enterprise organisation is created, then its district is the enterprise’s', async () => {
    const enterprise = (await t.deps.database.rows<{ id: number; district_id: number }>(sql`select id, district_id from enterprises where id = 2`))[0];
    const res = await admin.request('POST', '/api/organizations', { name: '企业账户机构', kind: 'enterprise', enterpriseId: enterprise.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ enterpriseId: enterprise.id, districtId: enterprise.district_id });
  });

  it('when patched with a stale version, then 409 version_conflict', async () => {
    const org = (await admin.request('POST', '/api/organizations', { name: '改名前机构', kind: 'carrier' })).json<Org>();
    const ok = await admin.request('PATCH', `/api/organizations/${org.id}`, { version: org.version, name: '改名后机构' });
    expect(ok.json()).toMatchObject({ name: '改名后机构', version: 2 });
    const stale = await admin.request('PATCH', `/api/organizations/${org.id}`, { version: org.version, name: '又改名' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
  });

  it('when listed by kind or searched with wildcards, then filters apply literally', async () => {
    const bureaus = (await admin.request('GET', '/api/organizations?kind=district_bureau')).json().items as Org[];
    expect(bureaus.length).toBeGreaterThanOrEqual(13);
    bureaus.forEach((o) => expect(o.kind).toBe('district_bureau'));
    expect((await admin.request('GET', '/api/organizations?q=%25')).json().items).toEqual([]);
  });
});

describe('users', () => {
  it('when a user is created, then 201 and the user can log in', async () => {
    const user = await createUser();
    expect(user).toMatchObject({ roles: ['city_officer'], disabled: false, version: 1 });
    expect((await login(user.username)).statusCode).toBe(200);
  });

  it.each([
    ['shorter than 8', 'Ab1#xyz'],
    ['only lowercase', 'abcdefghij'],
    ['two classes', 'abcdefg123'],
  ])('when the password is weak (%s), then 400 weak_password on password', async (_why, password) => {
    const res = await admin.request('POST', '/api/users', { username: 'weakling', displayName: '弱口令', organizationId: bureau.id, roles: ['city_officer'], password });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('weak_password');
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'password', message: expect.stringMatching(chinese) });
  });

  it('when the username exists, then 409 username_exists', async () => {
    const res = await admin.request('POST', '/api/users', { username: 'officer', displayName: '重名', organizationId: bureau.id, roles: ['city_officer'], password: PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'username_exists', details: { fields: [{ field: 'username' }] } });
  });

  it.each([
    ['district officer in the bureau', 'bureau', ['district_officer']],
    ['city officer in a district bureau', 'district', ['city_officer']],
    ['enterprise user in a district bureau', 'district', ['enterprise_user']],
  ])('when a role does not fit the organisation kind (%s), then 400 on roles', async (_why, org, roles) => {
    const res = await admin.request('POST', '/api/users', {
      username: 'misfit',
      displayName: '错配',
      organizationId: org === 'bureau' ? bureau.id : xihuBureau.id,
      roles,
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('roles');
  });

  it('when a user is disabled, then its sessions end and it cannot log in; enabled again, it can', async () => {
    const user = await createUser();
    const session = await loginAs(t.app, user.username, PASSWORD);
    const res = await admin.request('PATCH', `/api/users/${user.id}`, { version: user.version, disabled: true });
    expect(res.json()).toMatchObject({ disabled: true, version: 2 });
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const refused = await login(user.username);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('account_disabled');
    await admin.request('PATCH', `/api/users/${user.id}`, { version: 2, disabled: false });
    expect((await login(user.username)).statusCode).toBe(200);
  });

  it('when a user’s roles change, then its sessions end (they carried the old rights)', async () => {
    const user = await createUser();
    const session = await loginAs(t.app, user.username, PASSWORD);
    await admin.request('PATCH', `/api/users/${user.id}`, { version: user.version, roles: ['auditor'] });
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('when patched with a stale version, then 409 version_conflict and nothing changes', async () => {
    const user = await createUser();
    expect((await admin.request('PATCH', `/api/users/${user.id}`, { version: 1, displayName: '第一次' })).statusCode).toBe(200);
    const stale = await admin.request('PATCH', `/api/users/${user.id}`, { version: 1, disabled: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await login(user.username)).statusCode).toBe(200);
  });

  it('when the admin tries to disable itself, then 400 and it stays signed in', async () => {
    const me = (await admin.request('GET', '/api/users?q=admin')).json().items.find((u: User) => u.username === 'admin');
    expect((await admin.request('PATCH', `/api/users/${me.id}`, { version: me.version, disabled: true })).statusCode).toBe(400);
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('when the admin gives itself a business role, then 400 role_conflict and its roles stay as they were', async () => {
    const me = (await admin.request('GET', '/api/users?q=admin')).json().items.find((u: User) => u.username === 'admin');
    const res = await admin.request('PATCH', `/api/users/${me.id}`, { version: me.version, roles: ['city_admin', 'city_officer'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'role_conflict', details: { fields: [{ field: 'roles' }] } });
    expect(res.json().error.message).toMatch(chinese);
    const after = (await admin.request('GET', '/api/users?q=admin')).json().items.find((u: User) => u.username === 'admin');
    expect(after.roles).toEqual(['city_admin']);
  });

  it('when a user is created or re-roled with the admin or auditor role beside another, then 400 role_conflict', async () => {
    const both = await admin.request('POST', '/api/users', {
      username: 'dual-role',
      displayName: '兼任',
      organizationId: bureau.id,
      roles: ['auditor', 'city_officer'],
      password: PASSWORD,
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.code).toBe('role_conflict');
    const user = await createUser();
    const res = await admin.request('PATCH', `/api/users/${user.id}`, { version: user.version, roles: ['city_officer', 'city_admin'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('role_conflict');
  });

  it('when an account stored with the admin and a business role signs in, then it acts only as the admin', async () => {
    const user = await createUser({ roles: ['city_admin'] });
    await t.deps.database.db.execute(sql`update users set roles = array['city_admin', 'city_officer']::text[] where id = ${user.id}`);
    const session = await loginAs(t.app, user.username, PASSWORD);
    expect((await session.request('GET', '/api/auth/me')).json().roles).toEqual(['city_admin']);
  });

  it('when a password is reset, then old sessions end, the old password fails and the new one works; a weak one is refused', async () => {
    const user = await createUser();
    const session = await loginAs(t.app, user.username, PASSWORD);
    expect((await admin.request('POST', `/api/users/${user.id}/password`, { password: 'weak' })).statusCode).toBe(400);
    expect((await admin.request('POST', `/api/users/${user.id}/password`, { password: 'New#Pass2026' })).statusCode).toBe(200);
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login(user.username)).statusCode).toBe(401);
    expect((await login(user.username, 'New#Pass2026')).statusCode).toBe(200);
  });

  it('when a locked user is unlocked, then the right password works again', async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) {
      await login(user.username, 'wrong-password');
    }
    expect((await login(user.username)).statusCode).toBe(423);
    const current = (await admin.request('GET', `/api/users?q=${user.username}`)).json().items[0] as User & { lockedUntil: string | null };
    expect(current.lockedUntil).not.toBeNull();
    expect((await admin.request('PATCH', `/api/users/${user.id}`, { version: current.version, unlock: true })).statusCode).toBe(200);
    expect((await login(user.username)).statusCode).toBe(200);
  });

  it('when searched with wildcards, then they match literally', async () => {
    expect((await admin.request('GET', '/api/users?q=%25')).json().items).toEqual([]);
    expect((await admin.request('GET', '/api/users?q=_')).json().items).toEqual([]);
  });

  it('when someone other than the admin administers users, orgs or districts, then 403', async () => {
    const officer = await loginAs(t.app, 'officer');
    expect((await officer.request('POST', '/api/users', { username: 'sneaky', displayName: 'x', organizationId: bureau.id, roles: ['city_admin'], password: PASSWORD })).statusCode).toBe(403);
    expect((await officer.request('POST', '/api/organizations', { name: '私设机构', kind: 'provider' })).statusCode).toBe(403);
    expect((await officer.request('POST', '/api/districts', { code: '330199', name: '私设区' })).statusCode).toBe(403);
  });
});
