import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { carrierFirms, carriers, enterprises, type CarrierKind } from '../../db/schema/index.js';
import { actorOf, hasRole, type Actor, type RequestContext } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { instrumentOf, statusName } from '../cases/index.js';
import { GRADE_NAMES, KIND_NAMES, LEVEL_NAMES } from './carriers.rules.js';
import { assertOperates, assertSeesCarrier, carrierScopeWhere } from './carriers.policy.js';
import * as repo from './carriers.repo.js';
import type { z } from 'zod';
import type * as s from './carriers.schema.js';

export const PARK_KIND_NAMES = { high_tech_zone: '国家高新区', town: '特色小镇', science_city: '科技城', cluster: '产业集聚区' } as const;

type SummaryRow = Awaited<ReturnType<typeof repo.listCarriers>>[number];
export const presentSummary = (r: SummaryRow) => ({
  id: r.id,
  kind: r.kind,
  kindName: KIND_NAMES[r.kind],
  name: r.name,
  districtId: r.districtId,
  districtName: r.districtName,
  parkId: r.parkId,
  parkName: r.parkName,
  areaM2: r.areaM2,
  operatorName: r.operatorName,
  municipalSince: r.municipalSince,
  nationalSince: r.nationalSince,
  exitedOn: r.exitedOn,
});

export async function listParks(db: Db) {
  const rows = await repo.listParks(db);
  return { items: rows.map((p) => ({ ...p, kindName: PARK_KIND_NAMES[p.kind] })) };
}

function filters(q: z.infer<typeof s.listQuery>) {
  return [q.kind ? eq(carriers.kind, q.kind) : undefined, q.districtId ? eq(carriers.districtId, q.districtId) : undefined, q.parkId ? eq(carriers.parkId, q.parkId) : undefined, q.q ? repo.nameLike(q.q) : undefined];
}

export async function listCarriers(db: Db, actor: Actor, q: z.infer<typeof s.listQuery>) {
  const rows = await repo.listCarriers(db, [carrierScopeWhere(actor), ...filters(q)]);
  return { items: rows.map(presentSummary) };
}

/** The public list: carriers holding a live municipal or national recognition. */
export async function listPublicCarriers(db: Db, q: z.infer<typeof s.listQuery>) {
  const rows = await repo.listCarriers(db, [repo.recognisedNow, ...filters(q)]);
  return {
    items: rows.map((r) => {
      const { exitedOn: _exited, ...rest } = presentSummary(r);
      return { ...rest, address: r.address, services: r.services, municipalReference: r.municipalReference, nationalReference: r.nationalReference };
    }),
  };
}

export async function getCarrier(db: Db, actor: Actor, id: number) {
  const row = await repo.findCarrier(db, id);
  assertSeesCarrier(actor, row);
  const summary = (await repo.carrierSummary(db, id))!;
  const [recs, firms, { apps, stats }, assessments] = [await repo.recognitionsOf(db, id), await repo.firmCounts(db, id), await repo.casesOfCarrier(db, id), await repo.assessmentsWhere(db, eq(carriers.id, id))];
  return {
    ...presentSummary(summary),
    organizationId: row.organizationId,
    address: row.address,
    services: row.services,
    managers: row.managers,
    foundedOn: row.foundedOn,
    description: row.description,
    exitReason: row.exitReason,
    version: row.version,
    recognitions: recs.map((r) => ({ id: r.id, level: r.level, levelName: LEVEL_NAMES[r.level], kind: r.kind, reference: r.reference, issuer: r.issuer, recognisedOn: r.recognisedOn, revokedOn: r.revokedOn, revokeReason: r.revokeReason, caseId: r.caseId })),
    firms,
    applications: apps.map((a) => ({ ...a, statusName: statusName(instrumentOf(a.instrument), a.status) })),
    stats: stats.map((a) => ({ ...a, statusName: statusName(instrumentOf(a.instrument), a.status) })),
    assessments: assessments.map(presentAssessment),
  };
}

export function presentAssessment(r: Awaited<ReturnType<typeof repo.assessmentsWhere>>[number]) {
  return {
    id: r.a.id,
    carrierId: r.a.carrierId,
    carrierName: r.carrierName,
    year: r.a.year,
    kind: r.a.kind as 'annual' | 'acceptance',
    items: r.a.items,
    score: Number(r.a.score),
    grade: r.a.grade,
    gradeName: GRADE_NAMES[r.a.grade],
    comment: r.a.comment,
    subsidy: r.a.subsidyFen / 100,
    paymentOrderId: r.a.paymentOrderId,
    assessedOn: r.a.assessedOn,
    exited: r.exitedOn !== null,
  };
}

async function checkPlace(db: Db, input: { districtId?: number; parkId?: number | null }) {
  if (input.districtId !== undefined && !(await repo.districtExists(db, input.districtId))) {
    throw fieldError('districtId', '区县不存在');
  }
  if (input.parkId !== undefined && input.parkId !== null && !(await repo.parkExists(db, input.parkId))) {
    throw fieldError('parkId', '园区不存在');
  }
}

/** An operator registers a carrier it runs (its profile; recognition comes by application). */
export async function createCarrier(db: Db, ctx: RequestContext, input: z.infer<typeof s.carrierBody>) {
  const actor = actorOf(ctx);
  if (!hasRole(actor, 'carrier_operator')) {
    throw forbidden('仅载体运营机构可登记载体');
  }
  await checkPlace(db, input);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(carriers)
      .values({ ...input, parkId: input.parkId ?? null, foundedOn: input.foundedOn ?? null, description: input.description ?? null, organizationId: actor.organizationId })
      .returning();
    await recordAudit(tx, ctx, { action: 'carrier.create', objectType: 'carrier', objectId: row.id, after: row });
    return row.id;
  });
  return getCarrier(db, actor, id);
}

export async function updateCarrier(db: Db, ctx: RequestContext, id: number, input: z.infer<typeof s.carrierPatch>) {
  const actor = actorOf(ctx);
  await checkPlace(db, input);
  await db.transaction(async (tx) => {
    const row = await repo.findCarrier(tx, id, true);
    assertOperates(actor, row);
    if (row.version !== input.version) {
      throw new AppError('version_conflict', '载体信息已被他人修改，请刷新后重试');
    }
    const { version: _v, ...patch } = input;
    const [after] = await tx
      .update(carriers)
      .set({ ...patch, version: row.version + 1, updatedAt: sql`now()` })
      .where(eq(carriers.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: 'carrier.update', objectType: 'carrier', objectId: id, before: row, after });
  });
  return getCarrier(db, actor, id);
}

// ── incubated firms ─────────────────────────────────────────────────────────────────────────
const FIRM_STATUS_NAMES = { incubating: '在孵', graduated: '已毕业', exited: '已退出' } as const;
const firmStatus = (f: typeof carrierFirms.$inferSelect) => (f.graduatedOn ? ('graduated' as const) : f.exitedOn ? ('exited' as const) : ('incubating' as const));
const presentFirm = (f: typeof carrierFirms.$inferSelect) => ({
  id: f.id,
  carrierId: f.carrierId,
  enterpriseId: f.enterpriseId,
  firmName: f.firmName,
  enteredOn: f.enteredOn,
  graduatedOn: f.graduatedOn,
  exitedOn: f.exitedOn,
  status: firmStatus(f),
  statusName: FIRM_STATUS_NAMES[firmStatus(f)],
});

export async function listFirms(db: Db, actor: Actor, id: number) {
  assertSeesCarrier(actor, await repo.findCarrier(db, id));
  return { items: (await repo.firmsOf(db, id)).map(presentFirm) };
}

export async function addFirm(db: Db, ctx: RequestContext, id: number, input: z.infer<typeof s.firmBody>) {
  const actor = actorOf(ctx);
  if (input.enteredOn > businessToday()) {
    throw fieldError('enteredOn', '入孵日期不能晚于今天');
  }
  return db.transaction(async (tx) => {
    const carrier = await repo.findCarrier(tx, id, true);
    assertOperates(actor, carrier);
    let firmName = input.firmName;
    if (input.enterpriseId) {
      const [ent] = await tx.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, input.enterpriseId));
      if (!ent) {
        throw fieldError('enterpriseId', '企业库中没有该企业');
      }
      firmName = ent.name;
    }
    const [row] = await tx.insert(carrierFirms).values({ carrierId: id, enterpriseId: input.enterpriseId ?? null, firmName, enteredOn: input.enteredOn }).returning();
    await recordAudit(tx, ctx, { action: 'carrier_firm.enter', objectType: 'carrier', objectId: id, after: row });
    return presentFirm(row);
  });
}

/** A firm graduates (毕业) or exits (退出) on a date not before its entry. */
export async function endFirm(db: Db, ctx: RequestContext, id: number, firmId: number, input: z.infer<typeof s.firmPatch>) {
  const actor = actorOf(ctx);
  if (input.on > businessToday()) {
    throw fieldError('on', '日期不能晚于今天');
  }
  return db.transaction(async (tx) => {
    const carrier = await repo.findCarrier(tx, id, true);
    assertOperates(actor, carrier);
    const [firm] = await tx.select().from(carrierFirms).where(and(eq(carrierFirms.id, firmId), eq(carrierFirms.carrierId, id))).for('update');
    if (!firm) {
      throw notFound('在孵企业');
    }
    if (firm.graduatedOn || firm.exitedOn) {
      throw new AppError('invalid_state', '该企业已毕业或退出');
    }
    if (input.on < firm.enteredOn) {
      throw fieldError('on', `日期不能早于入孵日期 ${firm.enteredOn}`);
    }
    const [row] = await tx
      .update(carrierFirms)
      .set(input.outcome === 'graduated' ? { graduatedOn: input.on } : { exitedOn: input.on })
      .where(eq(carrierFirms.id, firmId))
      .returning();
    await recordAudit(tx, ctx, { action: `carrier_firm.${input.outcome === 'graduated' ? 'graduate' : 'exit'}`, objectType: 'carrier', objectId: id, before: firm, after: row });
    return presentFirm(row);
  });
}

export const kindName = (k: CarrierKind) => KIND_NAMES[k];
