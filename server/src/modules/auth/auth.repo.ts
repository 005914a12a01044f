import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { apiTokens, districts, loginThrottle, organizations, sessions, users } from '../../db/schema/index.js';
import { cached, forgetSessionPrincipals, patchCached, readGeneration, remember } from './session-cache.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0];
}

/** Locks the user row for the login attempt, so concurrent failures count exactly. */
export async function lockUserForLogin(tx: Executor, id: number): Promise<UserRow | undefined> {
  const rows = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return rows[0];
}

export async function setLoginState(
  tx: Executor,
  id: number,
  state: { failedLogins: number; lockedUntil: Date | null; lastLoginAt?: Date },
): Promise<void> {
  await tx.update(users).set(state).where(eq(users.id, id));
}

export async function insertSession(tx: Executor, row: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(row);
}

export async function revokeSession(tx: Executor, tokenHash: string): Promise<void> {
  forgetSessionPrincipals();
  await tx.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

export async function revokeUserCredentials(tx: Executor, userId: number): Promise<void> {
  forgetSessionPrincipals();
  const now = new Date();
  await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

export async function touchSession(db: Executor, tokenHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
  patchCached<SessionPrincipal>(tokenHash, { lastSeenAt: at });
}

export async function touchToken(db: Executor, tokenHash: string, at: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.tokenHash, tokenHash));
}

const principalColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  disabled: users.disabled,
  organizationId: organizations.id,
  organizationName: organizations.name,
  organizationKind: organizations.kind,
  enterpriseId: organizations.enterpriseId,
  districtId: districts.id,
  districtCode: districts.code,
  districtName: districts.name,
};

function sessionPrincipalQuery(db: Executor) {
  return db
    .select({
      ...principalColumns,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(districts, eq(districts.id, organizations.districtId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .limit(1)
    .prepare('session_principal');
}

// Every authenticated request runs this lookup. Built once per database handle: Drizzle's query
// building costs more CPU than PostgreSQL's primary-key lookup (see docs/PERFORMANCE.md), and a
// prepared statement also spares the server the parse and plan.
const sessionPrincipalQueries = new WeakMap<Executor, ReturnType<typeof sessionPrincipalQuery>>();

type SessionPrincipal = Awaited<ReturnType<ReturnType<typeof sessionPrincipalQuery>['execute']>>[number];

/** The principal of a session token if this process holds it in its few-second cache (no database work). */
export function cachedSessionPrincipal(db: Executor, tokenHash: string): SessionPrincipal | undefined {
  return cached<SessionPrincipal>(db, tokenHash);
}

/** The principal of a session token, from the few-second cache of this process when it holds it (session-cache.ts). */
export async function findSessionPrincipal(db: Executor, tokenHash: string): Promise<SessionPrincipal | undefined> {
  const hit = cached<SessionPrincipal>(db, tokenHash);
  if (hit) {
    return hit;
  }
  let q = sessionPrincipalQueries.get(db);
  if (!q) {
    q = sessionPrincipalQuery(db);
    sessionPrincipalQueries.set(db, q);
  }
  const readAt = readGeneration();
  const [row] = await q.execute({ tokenHash });
  if (row) {
    remember(db, tokenHash, row, readAt);
  }
  return row;
}

export async function findTokenPrincipal(db: Executor, tokenHash: string) {
  const rows = await db
    .select({
      ...principalColumns,
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(districts, eq(districts.id, organizations.districtId))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  return rows[0];
}

export async function listTokens(db: Executor, userId: number) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(sql`${apiTokens.id} desc`);
}

export async function insertToken(tx: Executor, row: typeof apiTokens.$inferInsert) {
  const rows = await tx.insert(apiTokens).values(row).returning({ id: apiTokens.id, createdAt: apiTokens.createdAt });
  return rows[0];
}

export async function revokeToken(tx: Executor, userId: number, id: number): Promise<boolean> {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function setPassword(tx: Executor, userId: number, passwordHash: string): Promise<void> {
  forgetSessionPrincipals();
  await tx
    .update(users)
    .set({ passwordHash, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
}

/** Revokes every live API token of the user (after a password change). */
export async function revokeUserTokens(tx: Executor, userId: number): Promise<void> {
  await tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** Ends the user's other browser sessions (after a password change), keeping the current one. */
export async function revokeOtherSessions(tx: Executor, userId: number, keepTokenHash: string | null): Promise<void> {
  forgetSessionPrincipals();
  const others = keepTokenHash === null ? undefined : ne(sessions.tokenHash, keepTokenHash);
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), others));
}

// ---- sign-in throttling per (username, source address) ----------------------

export async function findThrottle(db: Executor, key: string): Promise<{ failures: number; lockedUntil: Date | null } | undefined> {
  const rows = await db
    .select({ failures: loginThrottle.failures, lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(eq(loginThrottle.key, key))
    .limit(1);
  return rows[0];
}

/**
 * Counts one failure of (username, address) under the row's lock; a count whose lock has run out
 * starts again at 1. Returns the count.
 */
export async function countLoginFailure(tx: Executor, key: string, username: string, at: Date): Promise<number> {
  const rows = await tx
    .insert(loginThrottle)
    .values({ key, username, failures: 1, updatedAt: at })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when login_throttle.locked_until is not null then 1 else login_throttle.failures + 1 end`,
        lockedUntil: null,
        updatedAt: at,
      },
    })
    .returning({ failures: loginThrottle.failures });
  return rows[0].failures;
}

export async function lockThrottle(tx: Executor, key: string, until: Date): Promise<void> {
  await tx.update(loginThrottle).set({ lockedUntil: until }).where(eq(loginThrottle.key, key));
}

export async function clearThrottle(tx: Executor, key: string): Promise<void> {
  await tx.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/** The admin's unlock: every address's count and lock for this username. */
export async function clearThrottlesOf(tx: Executor, username: string): Promise<void> {
  await tx.delete(loginThrottle).where(eq(loginThrottle.username, username.toLowerCase()));
}
