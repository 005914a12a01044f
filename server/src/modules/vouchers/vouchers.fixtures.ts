/** Test factories for the vouchers module (used by its tests, never by the app). */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { districts, enterprises, organizations, users, type Role } from '../../db/schema/index.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { createHolder, registerProvider } from './participants.service.js';
import { createPolicy } from './vouchers.service.js';
import { PiiCipher } from '../../lib/pii.js';
import { TEST_PII_KEY } from '../../test/harness.js';

export async function actorFor(db: Db, username: string): Promise<Actor> {
  const [r] = await db
    .select({
      u: users,
      o: organizations,
      dCode: districts.code,
      dName: districts.name,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(districts, eq(districts.id, organizations.districtId))
    .where(eq(users.username, username));
  if (!r) {
    throw new Error(`no user ${username}`);
  }
  return {
    userId: r.u.id,
    username: r.u.username,
    displayName: r.u.displayName,
    roles: r.u.roles as Role[],
    organizationId: r.o.id,
    organizationName: r.o.name,
    organizationKind: r.o.kind,
    districtId: r.o.districtId,
    districtCode: r.dCode,
    districtName: r.dName,
    enterpriseId: r.o.enterpriseId,
    via: 'session',
    credentialId: 'test',
    csrfToken: null,
  };
}

export const ctxOf = (actor: Actor): RequestContext => ({
  actor,
  requestId: 'test',
  ip: '127.0.0.1',
});

export interface World {
  officer: RequestContext;
  policyId: number;
  holderIds: number[];
  providerId: number;
}

/** A fresh policy (valid until 2099), `holders` enterprise holders and one approved provider. */
export async function makeWorld(
  db: Db,
  opts: {
    holders: number;
    budget?: number;
    enterpriseCap?: number;
    offset?: number;
    year?: number;
  },
): Promise<World> {
  const officer = ctxOf(await actorFor(db, 'officer'));
  const policy = await createPolicy({
    db,
    ctx: officer,
    input: {
      year: opts.year ?? 2098,
      name: `测试政策${Math.random().toString(36).slice(2, 7)}`,
      budget: opts.budget ?? 1_000_000,
      enterpriseCap: opts.enterpriseCap ?? 100_000,
      teamCap: 30_000,
      coverageRatio: 0.5,
      validUntil: '2099-12-31',
      categories: ['testing', 'rd_design', 'consulting', 'ip', 'tech_transfer'],
    },
  });
  const ents = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .orderBy(enterprises.id)
    .limit(opts.holders)
    .offset(opts.offset ?? 0);
  const holderIds: number[] = [];
  for (const e of ents) {
    const { findHolderByEnterprise } = await import('./vouchers.repo.js');
    const existing = await findHolderByEnterprise(db, e.id);
    holderIds.push(
      existing
        ? existing.id
        : (
            await createHolder({
              db,
              ctx: officer,
              input: { kind: 'enterprise', enterpriseId: e.id },
            })
          ).id,
    );
  }
  const [d] = await db.select({ id: districts.id }).from(districts).limit(1);
  const provider = await registerProvider({
    db,
    ctx: officer,
    pii: new PiiCipher(TEST_PII_KEY),
    input: {
      name: `测试检测中心${Math.random().toString(36).slice(2, 7)}`,
      districtId: d.id,
      categories: ['testing', 'rd_design', 'consulting', 'ip', 'tech_transfer'],
    },
  });
  return { officer, policyId: policy.id, holderIds, providerId: provider.id };
}
