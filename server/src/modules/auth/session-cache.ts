/**
 * Session principals, cached in this process for at most SESSION_CACHE_MS.
 *
 * Every signed-in request needs its principal (user, roles, organisation, district). Reading it
 * costs a database round trip per request; the cache saves it for the requests of the next few
 * seconds. Revocation stays exact within this process: every write that changes what a principal
 * says (logout, password change or reset, disabling, new roles or organisation, an organisation's
 * own change) runs in `changingPrincipals`, which forgets the cache before the transaction and again
 * after its commit, and a read that started before a forget is not stored. Another app process on the same database
 * sees such a change after at most SESSION_CACHE_MS: that is the revocation delay across processes
 * (documented in docs/ARCHITECTURE.md). Idle and absolute timeouts are checked on every request
 * against the cached times, and the idle touch updates the cached entry too.
 */
export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry<P> {
  db: object;
  principal: P;
  until: number;
}

let generation = 0;
const entries = new Map<string, Entry<unknown>>();

/** The generation to pass back to `remember`: a forget in between makes the read unstorable. */
export function readGeneration(): number {
  return generation;
}

export function cached<P>(db: object, tokenHash: string, now = Date.now()): P | undefined {
  const entry = entries.get(tokenHash);
  if (!entry || entry.db !== db || entry.until <= now) {
    return undefined;
  }
  return entry.principal as P;
}

export function remember<P>(db: object, tokenHash: string, principal: P, readAt: number, now = Date.now()): void {
  if (readAt !== generation) {
    return;
  }
  if (entries.size >= MAX_ENTRIES) {
    entries.clear();
  }
  entries.set(tokenHash, { db, principal, until: now + SESSION_CACHE_MS });
}

/** Updates a cached principal in place (the idle touch moves lastSeenAt). */
export function patchCached<P>(tokenHash: string, patch: Partial<P>): void {
  const entry = entries.get(tokenHash);
  if (entry) {
    entry.principal = { ...(entry.principal as P), ...patch };
  }
}

/** Drops every cached principal: call inside the writing transaction and again after its commit. */
export function forgetSessionPrincipals(): void {
  generation++;
  entries.clear();
}

/** Runs a write that changes principals (a whole transaction) and forgets the cache before and after it. */
export async function changingPrincipals<T>(write: () => Promise<T>): Promise<T> {
  forgetSessionPrincipals();
  try {
    return await write();
  } finally {
    forgetSessionPrincipals();
  }
}
