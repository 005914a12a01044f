import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { holderScope } from './vouchers.policy.js';
import * as repo from './vouchers.repo.js';

/**
 * The reads every booking makes (its key, holder, policy, provider), batched like the writes:
 * the lookups that arrive while one statement of a kind is in flight go together in the next one
 * (no timer: an idle loader reads at once). A booking costs a share of four statements instead of four.
 */
class Loader<V> {
  private queue: { key: string; done: (v: V | undefined) => void; fail: (e: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly fetch: (keys: string[]) => Promise<Map<string, V>>,
    private readonly idle?: () => void,
  ) {}

  load(key: string): Promise<V | undefined> {
    return new Promise((done, fail) => {
      this.queue.push({ key, done, fail });
      if (!this.running) {
        this.running = true;
        void this.drain();
      }
    });
  }

  private async drain() {
    while (this.queue.length) {
      const batch = this.queue.splice(0, 256);
      try {
        const found = await this.fetch([...new Set(batch.map((b) => b.key))]);
        batch.forEach((b) => b.done(found.get(b.key)));
      } catch (err) {
        batch.forEach((b) => b.fail(err));
      }
    }
    this.running = false;
    this.idle?.();
  }
}

interface Loaders {
  keys: Loader<Awaited<ReturnType<typeof repo.findIdempotencyKeys>>[number]>;
  policies: Loader<repo.PolicyRow>;
  providers: Loader<repo.ProviderWithNames>;
  /** Per user: a holder is read in the reader's scope, the same for all lookups of one user. */
  holders: Map<number, Loader<repo.HolderWithNames>>;
}

const loaders = new WeakMap<Db, Loaders>();
const byId = <V extends { id: number }>(rows: V[]) => new Map(rows.map((r) => [String(r.id), r]));
const ids = (keys: string[]) => keys.map(Number);

function loadersOf(db: Db): Loaders {
  let l = loaders.get(db);
  if (!l) {
    l = {
      keys: new Loader(async (keys) => {
        const pairs = keys.map((k) => {
          const at = k.indexOf('\n');
          return { scope: k.slice(0, at), key: k.slice(at + 1) };
        });
        return new Map((await repo.findIdempotencyKeys(db, pairs)).map((r) => [`${r.scope}\n${r.key}`, r]));
      }),
      policies: new Loader(async (keys) => byId(await repo.findPolicies(db, ids(keys)))),
      providers: new Loader(async (keys) => byId(await repo.findProviders(db, ids(keys)))),
      holders: new Map(),
    };
    loaders.set(db, l);
  }
  return l;
}

export const loadIdempotencyKey = (db: Db, scope: string, key: string) => loadersOf(db).keys.load(`${scope}\n${key}`);
export const loadPolicy = (db: Db, id: number) => loadersOf(db).policies.load(String(id));
export const loadProvider = (db: Db, id: number) => loadersOf(db).providers.load(String(id));

/** The holder if the actor may see it (its holder scope; a provider has none: 403). */
export function loadHolder(db: Db, actor: Actor, id: number): Promise<repo.HolderWithNames | undefined> {
  const scope = holderScope(actor);
  const l = loadersOf(db);
  let loader = l.holders.get(actor.userId);
  if (!loader) {
    loader = new Loader(
      async (keys) => byId(await repo.findHolders(db, ids(keys), scope)),
      () => l.holders.delete(actor.userId),
    );
    l.holders.set(actor.userId, loader);
  }
  return loader.load(String(id));
}
