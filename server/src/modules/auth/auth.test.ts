import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, loginAs, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { SESSION_CACHE_MS } from './session-cache.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('login', () => {
  it('when the password is right, then it answers the user and a CSRF token with an HttpOnly SameSite cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username: 'officer' }, csrfToken: expect.any(String) });
    const cookie = res.cookies.find((c) => c.name === 'kc_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('when the password is wrong, then 401 invalid_credentials in Chinese', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer', password: 'nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
    expect(res.json().error.message).toMatch(/用户名或密码错误/);
  });

  it('when five consecutive failures happen, then the account is locked, the right password is refused, and the lock is audited', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'binjiang', password: 'wrong-password' } });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'binjiang', password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('account_locked');
    const auditor = await loginAs(t.app, 'auditor');
    const audit = await auditor.request('GET', '/api/audit?objectType=user&limit=50');
    expect(audit.json().items.some((r: { action: string; after: { username: string } }) => r.action === 'auth.locked' && r.after.username === 'binjiang')).toBe(true);
  });

  it('when the lock has passed, then the right password works again', async () => {
    await t.deps.database.db.execute(sql`update login_throttle set locked_until = now() - interval '1 second' where username = 'binjiang'`);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'binjiang', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
  });
});

describe('login answers reveal nothing and lock no one out from elsewhere', () => {
  const attempt = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  const shape = (res: Awaited<ReturnType<typeof attempt>>) => {
    const e = res.json().error as { code: string; message: string; details: { lockedUntil?: string } | null };
    return { status: res.statusCode, code: e.code, message: e.message.replace(/至 .*$/, '至 …'), details: e.details ? Object.keys(e.details) : null };
  };

  it('when an unknown user and a wrong password are tried five times each, then every answer is the same', async () => {
    const unknown = [];
    const wrong = [];
    for (let i = 0; i < 5; i++) {
      unknown.push(shape(await attempt('nobody-here', 'Wrong#Pass2026', '10.1.0.1')));
      wrong.push(shape(await attempt('xihu', 'Wrong#Pass2026', '10.1.0.2')));
    }
    expect(wrong).toEqual(unknown);
    expect(unknown.map((a) => a.status)).toEqual([401, 401, 401, 401, 423]);
    expect(unknown[0]).toEqual({ status: 401, code: 'invalid_credentials', message: '用户名或密码错误', details: null });
  });

  it('when an account is locked from one address, then its owner still signs in from another', async () => {
    for (let i = 0; i < 5; i++) {
      await attempt('enterprise', 'Wrong#Pass2026', '10.2.0.66');
    }
    expect((await attempt('enterprise', TEST_PASSWORD, '10.2.0.66')).statusCode).toBe(423);
    expect((await attempt('enterprise', TEST_PASSWORD, '10.2.0.7')).statusCode).toBe(200);
  });

  it('when the current password is guessed wrong five times, then the change is locked (423) even with the right one', async () => {
    const s = await loginAs(t.app, 'xihu');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await s.request('POST', '/api/auth/password', { currentPassword: `Guess#${i}abc`, newPassword: 'Another#Pass2026' })).statusCode);
    }
    expect(codes).toEqual([400, 400, 400, 400, 423]);
    const right = await s.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Another#Pass2026' });
    expect(right.statusCode).toBe(423);
    await t.deps.database.db.execute(sql`delete from login_throttle where username = 'xihu'`); // later tests sign xihu in from here
  });
});

describe('session', () => {
  it('when a cookie-authenticated write lacks x-csrf-token, then 403 csrf_invalid', async () => {
    const s = await loginAs(t.app, 'officer');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_invalid');
  });

  it('when logged out, then the cookie no longer authenticates', async () => {
    const s = await loginAs(t.app, 'officer');
    expect((await s.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    const me = await s.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(401);
  });

  it('when idle longer than the idle timeout, then the session has expired', async () => {
    const s = await loginAs(t.app, 'officer');
    await t.deps.database.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${s.userId} and revoked_at is null`);
    const me = await s.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('session_expired');
  });

  it('when past the absolute lifetime, then the session has expired even if active', async () => {
    const s = await loginAs(t.app, 'officer');
    await t.deps.database.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${s.userId} and revoked_at is null`);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('when an admin disables a user, then its sessions end', async () => {
    const victim = await loginAs(t.app, 'provider');
    // a request first, so this process holds the victim's principal in its session cache
    expect((await victim.request('GET', '/api/auth/me')).statusCode).toBe(200);
    const admin = await loginAs(t.app, 'admin');
    const list = await admin.request('GET', '/api/users?q=provider');
    const user = list.json().items.find((u: { username: string }) => u.username === 'provider');
    const res = await admin.request('PATCH', `/api/users/${user.id}`, { version: user.version, disabled: true });
    expect(res.statusCode).toBe(200);
    expect((await victim.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'provider', password: TEST_PASSWORD } });
    expect(again.statusCode).toBe(403);
  });

  it('when another process revokes a session in the database, then this process refuses it once its cache entry is SESSION_CACHE_MS old', async () => {
    const s = await loginAs(t.app, 'officer');
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(200);
    // what a logout on another app process leaves in the database; nothing forgets this process's cache
    await t.deps.database.db.execute(sql`update sessions set revoked_at = now() where user_id = ${s.userId} and revoked_at is null`);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + SESSION_CACHE_MS + 1);
      const me = await s.request('GET', '/api/auth/me');
      expect(me.statusCode).toBe(401);
      expect(me.json().error.code).toBe('session_expired');
    } finally {
      vi.useRealTimers();
    }
  });

  it('when a user logs out, then a request on the same cookie right after is refused although the principal was cached', async () => {
    const s = await loginAs(t.app, 'officer');
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await s.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('me answers roles and the organisation with its district', async () => {
    const s = await loginAs(t.app, 'xihu');
    const me = await s.request('GET', '/api/auth/me');
    expect(me.json()).toMatchObject({ roles: ['district_officer'], organization: { name: '西湖区科技局', district: { name: '西湖区', code: '330106' } } });
  });
});

describe('API tokens', () => {
  it('when created, then the token authenticates without CSRF; when revoked, then it is refused', async () => {
    const s = await loginAs(t.app, 'officer');
    const created = await s.request('POST', '/api/auth/tokens', { name: '数据对接' });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth })).json().via).toBe('token');
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: auth,
      payload: { uscc: '91330106MA2CFXXXX1', name: 'x', district: '西湖区', registeredOn: '2015-01-01', industry: '电子信息' },
    });
    expect(write.statusCode).toBe(400); // validation, not CSRF
    const list = await s.request('GET', '/api/auth/tokens');
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect((await s.request('DELETE', `/api/auth/tokens/${created.json().id}`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth })).statusCode).toBe(401);
  });
});

describe('API token lifecycle', () => {
  it('when a Bearer token asks for a new token, then 403 and no token is made', async () => {
    const s = await loginAs(t.app, 'officer');
    const token = (await s.request('POST', '/api/auth/tokens', { name: '对接一' })).json().token as string;
    const before = (await s.request('GET', '/api/auth/tokens')).json().items.length;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { authorization: `Bearer ${token}` }, payload: { name: '自我繁殖' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/令牌/);
    expect((await s.request('GET', '/api/auth/tokens')).json().items.length).toBe(before);
  });

  it('when a Bearer token tries to change the password, then 403', async () => {
    const s = await loginAs(t.app, 'officer');
    const token = (await s.request('POST', '/api/auth/tokens', { name: '对接二' })).json().token as string;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { authorization: `Bearer ${token}` },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Token#Change2026' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('when the user changes its password, then its API tokens stop working', async () => {
    const s = await loginAs(t.app, 'expert');
    const token = (await s.request('POST', '/api/auth/tokens', { name: '对接三' })).json().token as string;
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth })).statusCode).toBe(200);
    expect((await s.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Scholar#New2026' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth })).statusCode).toBe(401);
    expect((await s.request('POST', '/api/auth/password', { currentPassword: 'Scholar#New2026', newPassword: TEST_PASSWORD })).statusCode).toBe(200);
  });
});

describe('passwords', () => {
  it('when the new password is weak, then 400 with the rule in Chinese', async () => {
    const s = await loginAs(t.app, 'expert');
    const res = await s.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'abcdefgh' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'newPassword' });
  });
});

describe('weak passwords', () => {
  it.each(['Password1', 'P@ssw0rd!', 'Admin@123', 'Qwerty123!', 'Aaaaaaaa1'])('when the new password is %s, then 400 weak_password', async (pw) => {
    const s = await loginAs(t.app, 'expert');
    const res = await s.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: pw });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'weak_password', details: { fields: [{ field: 'newPassword' }] } });
  });

  it('when the new password contains the username, then 400 weak_password', async () => {
    const s = await loginAs(t.app, 'expert');
    const res = await s.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'My-Expert#2026' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/用户名/);
  });
});

describe('password change', () => {
  it('when a user changes its password, then its other sessions end and the current one goes on', async () => {
    const other = await loginAs(t.app, 'auditor');
    const current = await loginAs(t.app, 'auditor');
    const res = await current.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Changed@2026x' });
    expect(res.statusCode).toBe(200);
    expect((await current.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await other.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const back = await current.request('POST', '/api/auth/password', { currentPassword: 'Changed@2026x', newPassword: TEST_PASSWORD });
    expect(back.statusCode).toBe(200);
  });
});
