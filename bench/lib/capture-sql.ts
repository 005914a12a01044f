/**
 * The exact SQL the app runs, captured from the app's own repo functions through a Drizzle logger
 * (not retyped), with the position of each parameter found by passing sentinel values.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Db } from '../../server/src/db/client.js';
import * as schema from '../../server/src/db/schema/index.js';
import type { Actor } from '../../server/src/http/context.js';
import * as authRepo from '../../server/src/modules/auth/auth.repo.js';
import { enterpriseScope, registryScope } from '../../server/src/modules/enterprises/enterprises.policy.js';
import * as repo from '../../server/src/modules/enterprises/enterprises.repo.js';
import { listTimeline } from '../../server/src/modules/timeline/index.js';

export interface CapturedQuery {
  text: string;
  /** Index in the parameter array of each named input. */
  slots: Record<string, number>;
  /** Parameters as captured (constants stay, named slots are overwritten per request). */
  params: unknown[];
  /** Whether the app's driver call used a prepared (named) statement. */
  prepare: boolean;
}

export interface CapturedSql {
  listFirst: CapturedQuery;
  listAfter: CapturedQuery;
  detail: CapturedQuery;
  timeline: CapturedQuery;
  /** Other queries the app runs per request (for the attribution ladder). */
  session: CapturedQuery;
  districtMap: CapturedQuery;
}

/** The city officer (the benchmark's user): bureau-wide scope, so no district condition is added. */
export const OFFICER_ACTOR: Actor = {
  userId: 0,
  username: 'officer',
  displayName: 'bench',
  roles: ['city_officer'],
  organizationId: 0,
  organizationName: 'bench',
  organizationKind: 'bureau',
  districtId: null,
  districtCode: null,
  districtName: null,
  enterpriseId: null,
  via: 'session',
  credentialId: '',
  csrfToken: null,
};

const S = { districtId: 777_001, industry: '__industry__', afterId: 888_001, id: 666_001, tokenHash: '__token__' };

export async function captureSql(client: postgres.Sql): Promise<CapturedSql> {
  let last: { text: string; params: unknown[]; prepare: boolean } | null = null;
  // Drizzle calls client.unsafe(text, params, { prepare }); record exactly that. (Drizzle also
  // installs its date/timestamp parsers on client.options, which the proxy passes through.)
  const spy = new Proxy(client, {
    get(target, key, receiver) {
      if (key === 'unsafe') {
        return (text: string, params: unknown[] = [], opts: { prepare?: boolean } = {}) => {
          last = { text, params, prepare: opts.prepare ?? false };
          return target.unsafe(text, params as postgres.ParameterOrJSON<never>[], opts);
        };
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const db = drizzle(spy, { schema }) as unknown as Db;
  const grab = async (run: () => Promise<unknown>, names: (keyof typeof S)[]): Promise<CapturedQuery> => {
    last = null;
    await run();
    const q = last as { text: string; params: unknown[]; prepare: boolean } | null;
    if (!q) {
      throw new Error('no query captured');
    }
    const slots: Record<string, number> = {};
    for (const n of names) {
      const i = q.params.findIndex((p) => p === S[n]);
      if (i < 0) {
        throw new Error(`parameter ${n} not found in ${q.text}`);
      }
      slots[n] = i;
    }
    return { text: q.text, params: q.params, slots, prepare: q.prepare };
  };
  const filter = { scope: registryScope(OFFICER_ACTOR), districtId: S.districtId, industry: S.industry, sort: 'id', order: 'desc' } as const;
  return {
    // a page of 20 (+1 look-ahead row): the list statement has that size written in it, not as a parameter
    listFirst: await grab(() => repo.listPage(db, { ...filter, limit: 21 }), ['districtId', 'industry']),
    listAfter: await grab(() => repo.listPage(db, { ...filter, limit: 21, after: { value: S.afterId, id: S.afterId } }), ['districtId', 'industry', 'afterId']),
    detail: await grab(() => repo.findById(db, S.id, enterpriseScope(OFFICER_ACTOR)), ['id']),
    timeline: await grab(() => listTimeline(db, S.id), ['id']),
    session: await grab(() => authRepo.findSessionPrincipal(db, S.tokenHash), ['tokenHash']),
    districtMap: await grab(() => repo.districtMap(db), []),
  };
}

/** Parameters for one execution: the captured ones with the named slots replaced. */
export function bind(q: CapturedQuery, values: Record<string, unknown>): unknown[] {
  const p = [...q.params];
  for (const [k, i] of Object.entries(q.slots)) {
    if (!(k in values)) {
      throw new Error(`missing value for ${k}`);
    }
    p[i] = values[k];
  }
  return p;
}
