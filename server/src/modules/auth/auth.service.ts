import type { Db } from '../../db/client.js';
import { AppError, fieldError, forbidden } from '../../http/errors.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { hashPassword, passwordProblem, randomToken, sha256, verifyPassword } from '../../lib/password.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './auth.repo.js';
import { changingPrincipals } from './session-cache.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
// A valid hash to verify against when the user does not exist, so timing does not reveal usernames.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const lockedError = (until: Date) =>
  new AppError('account_locked', `连续登录失败次数过多，已暂停从此地址登录该账户至 ${until.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`, {
    lockedUntil: until.toISOString(),
  });
// One answer for an unknown user and a wrong password: no count of attempts left, nothing else.
const invalidCredentials = () => new AppError('invalid_credentials', '用户名或密码错误');

/**
 * Failures are counted per (username, source address), for names that exist and names that do not
 * alike, so the answers cannot tell them apart and an anonymous caller locks an account only for
 * itself, never for its owner elsewhere.
 */
export function throttleKey(username: string, ip: string): string {
  return sha256(`${username.trim().toLowerCase()}\n${ip}`);
}

type FailOutcome = { kind: 'wrong' } | { kind: 'locked'; until: Date };

/**
 * Records one failed proof of the password for (username, ip) — counted, audited when the user
 * exists, and locked at the fifth — and answers what the caller is told.
 */
async function failAttempt(
  db: Db,
  ctx: RequestContext,
  username: string,
  user: repo.UserRow | undefined,
  action: 'auth.login_failed' | 'auth.password_check_failed',
): Promise<FailOutcome> {
  const key = throttleKey(username, ctx.ip);
  return db.transaction(async (tx): Promise<FailOutcome> => {
    const at = new Date();
    const failed = await repo.countLoginFailure(tx, key, username.trim().toLowerCase(), at);
    const locked = failed >= MAX_FAILED_LOGINS ? new Date(at.getTime() + LOCK_MINUTES * 60_000) : null;
    if (locked) {
      await repo.lockThrottle(tx, key, locked);
    }
    const actorCtx: RequestContext = { ...ctx, actor: null };
    const objectId = user ? user.id : 0;
    const about = { username: user?.username ?? username.slice(0, 64), known: !!user, failedLogins: failed };
    await recordAudit(tx, actorCtx, { action, objectType: 'user', objectId, after: about });
    if (locked) {
      if (user) {
        // shown to the admin (who can lift it); it does not stop sign-ins from other addresses
        await repo.setLoginState(tx, user.id, { failedLogins: failed, lockedUntil: locked });
      }
      await recordAudit(tx, actorCtx, { action: 'auth.locked', objectType: 'user', objectId, after: { ...about, lockedUntil: locked.toISOString() } });
      return { kind: 'locked', until: locked };
    }
    return { kind: 'wrong' };
  });
}

async function assertNotThrottled(db: Db, username: string, ip: string): Promise<void> {
  const t = await repo.findThrottle(db, throttleKey(username, ip));
  if (t?.lockedUntil && t.lockedUntil > new Date()) {
    throw lockedError(t.lockedUntil);
  }
}

export async function login(opts: {
  db: Db;
  ctx: RequestContext;
  username: string;
  password: string;
  absoluteMs: number;
}): Promise<{ sessionToken: string; csrfToken: string; user: { id: number; username: string; displayName: string } }> {
  const { db, ctx } = opts;
  await assertNotThrottled(db, opts.username, ctx.ip);
  const user = await repo.findUserByUsername(db, opts.username);
  const passwordOk = (await verifyPassword(opts.password, user?.passwordHash ?? DUMMY_HASH)) && !!user;
  if (!user || !passwordOk) {
    const outcome = await failAttempt(db, ctx, opts.username, user, 'auth.login_failed');
    throw outcome.kind === 'locked' ? lockedError(outcome.until) : invalidCredentials();
  }
  // only who knows the password learns that the account is disabled
  if (user.disabled) {
    throw new AppError('account_disabled', '账户已停用，请联系管理员');
  }
  return db.transaction(async (tx) => {
    const fresh = await repo.lockUserForLogin(tx, user.id);
    if (!fresh) {
      throw invalidCredentials();
    }
    const at = new Date();
    await repo.setLoginState(tx, fresh.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: at });
    await repo.clearThrottle(tx, throttleKey(opts.username, ctx.ip));
    const sessionToken = randomToken();
    const csrfToken = randomToken(24);
    await repo.insertSession(tx, {
      tokenHash: sha256(sessionToken),
      userId: fresh.id,
      csrfToken,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + opts.absoluteMs),
      ip: ctx.ip,
    });
    await recordAudit(tx, { ...ctx, actor: null }, {
      action: 'auth.login',
      objectType: 'user',
      objectId: fresh.id,
      after: { username: fresh.username },
      actor: { id: fresh.id, name: fresh.username },
    });
    return { sessionToken, csrfToken, user: { id: fresh.id, username: fresh.username, displayName: fresh.displayName } };
  });
}

/** The signed-in actor of a browser session; a Bearer token is refused (403) with the given reason. */
function sessionActor(ctx: RequestContext, reason: string): Actor & { via: 'session' } {
  const actor = ctx.actor;
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  if (actor.via !== 'session') {
    throw forbidden(reason);
  }
  return actor as Actor & { via: 'session' };
}

export async function logout({ db, ctx }: { db: Db; ctx: RequestContext }): Promise<void> {
  const actor = ctx.actor;
  if (!actor || actor.via !== 'session') {
    return;
  }
  await changingPrincipals(() =>
    db.transaction(async (tx) => {
      await repo.revokeSession(tx, actor.credentialId);
      await recordAudit(tx, ctx, { action: 'auth.logout', objectType: 'user', objectId: actor.userId });
    }),
  );
}

export async function changePassword(opts: {
  db: Db;
  ctx: RequestContext;
  currentPassword: string;
  newPassword: string;
}): Promise<void> {
  const actor = sessionActor(opts.ctx, '修改密码须在浏览器会话中进行，API 令牌不能修改密码');
  // the current password is a secret like any other: its wrong guesses count and lock like sign-ins
  await assertNotThrottled(opts.db, actor.username, opts.ctx.ip);
  const user = await repo.findUserByUsername(opts.db, actor.username);
  if (!user || !(await verifyPassword(opts.currentPassword, user.passwordHash))) {
    const outcome = await failAttempt(opts.db, opts.ctx, actor.username, user, 'auth.password_check_failed');
    throw outcome.kind === 'locked' ? lockedError(outcome.until) : fieldError('currentPassword', '当前密码不正确');
  }
  const problem = passwordProblem(opts.newPassword, { username: user.username });
  if (problem) {
    throw fieldError('newPassword', problem, 'weak_password');
  }
  if (opts.newPassword === opts.currentPassword) {
    throw fieldError('newPassword', '新密码不能与当前密码相同', 'weak_password');
  }
  const hash = await hashPassword(opts.newPassword);
  await changingPrincipals(() =>
    opts.db.transaction(async (tx) => {
      await repo.setPassword(tx, user.id, hash);
      // Every other session and every API token dies with the old password: a leaked credential must
      // not outlive the change made to shut it out.
      await repo.revokeOtherSessions(tx, user.id, actor.credentialId);
      await repo.revokeUserTokens(tx, user.id);
      await recordAudit(tx, opts.ctx, { action: 'user.password_changed', objectType: 'user', objectId: user.id });
    }),
  );
}

export async function createApiToken(opts: { db: Db; ctx: RequestContext; name: string; expiresInDays?: number }) {
  // A token minting tokens would let a leaked one outlive its own revocation.
  const actor = sessionActor(opts.ctx, 'API 令牌不能创建新的令牌，请在浏览器会话中创建');
  const secret = `kc_${randomToken(30)}`;
  const expiresAt = opts.expiresInDays ? new Date(Date.now() + opts.expiresInDays * 86_400_000) : null;
  return opts.db.transaction(async (tx) => {
    const row = await repo.insertToken(tx, {
      userId: actor.userId,
      name: opts.name,
      prefix: secret.slice(0, 8),
      tokenHash: sha256(secret),
      expiresAt,
    });
    await recordAudit(tx, opts.ctx, {
      action: 'api_token.create',
      objectType: 'api_token',
      objectId: row.id,
      after: { name: opts.name, prefix: secret.slice(0, 8), expiresAt },
    });
    return { id: row.id, name: opts.name, token: secret, prefix: secret.slice(0, 8), createdAt: row.createdAt, expiresAt };
  });
}

export async function revokeApiToken(opts: { db: Db; ctx: RequestContext; id: number }): Promise<void> {
  const actor = opts.ctx.actor;
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  await opts.db.transaction(async (tx) => {
    if (!(await repo.revokeToken(tx, actor.userId, opts.id))) {
      throw new AppError('not_found', '令牌不存在或已撤销');
    }
    await recordAudit(tx, opts.ctx, { action: 'api_token.revoke', objectType: 'api_token', objectId: opts.id });
  });
}
