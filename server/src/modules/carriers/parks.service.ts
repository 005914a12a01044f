import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enterpriseParks, enterprises, parks } from '../../db/schema/index.js';
import { actorOf, hasRole, type Actor, type RequestContext } from '../../http/context.js';
import { fieldError, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { assertCityOfficer } from './carriers.policy.js';
import * as repo from './carriers.repo.js';

export function assertCanSeeParkFigures(actor: Actor): void {
  if (!hasRole(actor, 'city_officer', 'city_admin', 'auditor', 'district_officer')) {
    throw forbidden('无权查看园区统计');
  }
}

/** An enterprise's park (one at most), kept beside the registry in enterprise_parks. */
export async function setEnterprisePark(db: Db, ctx: RequestContext, enterpriseId: number, parkId: number | null) {
  assertCityOfficer(actorOf(ctx));
  if (parkId !== null && !(await repo.parkExists(db, parkId))) {
    throw fieldError('parkId', '园区不存在');
  }
  await db.transaction(async (tx) => {
    const [ent] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, enterpriseId)).for('update');
    if (!ent) {
      throw notFound('企业');
    }
    const [before] = await tx.select().from(enterpriseParks).where(eq(enterpriseParks.enterpriseId, enterpriseId));
    if (parkId === null) {
      await tx.delete(enterpriseParks).where(eq(enterpriseParks.enterpriseId, enterpriseId));
    } else {
      await tx.insert(enterpriseParks).values({ enterpriseId, parkId }).onConflictDoUpdate({ target: enterpriseParks.enterpriseId, set: { parkId } });
    }
    await recordAudit(tx, ctx, { action: 'enterprise.park', objectType: 'enterprise', objectId: enterpriseId, before: before ?? null, after: { parkId } });
  });
  return getEnterprisePark(db, actorOf(ctx), enterpriseId);
}

/** An enterprise's park for its profile page (officers; a district officer only its district's enterprises). */
export async function getEnterprisePark(db: Db, actor: Actor, enterpriseId: number) {
  assertCanSeeParkFigures(actor);
  const [row] = await db
    .select({ districtId: enterprises.districtId, parkId: enterpriseParks.parkId, parkName: parks.name })
    .from(enterprises)
    .leftJoin(enterpriseParks, eq(enterpriseParks.enterpriseId, enterprises.id))
    .leftJoin(parks, eq(parks.id, enterpriseParks.parkId))
    .where(eq(enterprises.id, enterpriseId));
  if (!row || (hasRole(actor, 'district_officer') && !hasRole(actor, 'city_officer', 'city_admin', 'auditor') && row.districtId !== actor.districtId)) {
    throw notFound('企业');
  }
  return { enterpriseId, parkId: row.parkId, parkName: row.parkName };
}

/** The enterprises of a park (a district officer sees its district's). */
export async function listParkEnterprises(db: Db, actor: Actor, parkId: number) {
  assertCanSeeParkFigures(actor);
  if (!(await repo.parkExists(db, parkId))) {
    throw notFound('园区');
  }
  const scope = hasRole(actor, 'district_officer') && !hasRole(actor, 'city_officer') ? eq(enterprises.districtId, actor.districtId ?? -1) : undefined;
  const rows = await db
    .select({ id: enterprises.id, name: enterprises.name, districtId: enterprises.districtId })
    .from(enterpriseParks)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseParks.enterpriseId))
    .where(and(eq(enterpriseParks.parkId, parkId), scope))
    .orderBy(asc(enterprises.id))
    .limit(2000);
  return { items: rows };
}
