import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { carrierNationalCases, carriers, cases, districts } from '../../db/schema/index.js';
import { actorOf, type Actor, type RequestContext } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { lockCase, moveCase, openCase, registerInstrument } from '../cases/index.js';
import { KIND_NAMES } from './carriers.rules.js';
import { assertCityOfficer, assertSeesCarrier, carrierScopeWhere } from './carriers.policy.js';
import * as repo from './carriers.repo.js';
import type * as s from './carriers.schema.js';
import { caseHead, eventsOf } from './case-view.js';
import { recordNationalStatus } from './recognition.service.js';

/** The upper body that decides national status. */
export const NATIONAL_BODY = '中华人民共和国科学技术部';
export const NATIONAL_NAMES = { incubator: '国家级科技企业孵化器', makerspace: '纳入国家级科技企业孵化器管理服务体系的众创空间' } as const;

/**
 * "Recommend, then record": the city recommends a recognised municipal incubator or makerspace
 * to 科技部 (the case opens as recommended); the upper body's result is recorded with its
 * document number — recognised issues the national recognition from the result's date.
 */
registerInstrument({
  code: 'carrier_national',
  name: '国家级孵化载体推荐上报',
  objectType: 'carrier_national_case',
  types: NATIONAL_NAMES,
  statuses: {
    recommended: { name: '已推荐上报，待上级认定', next: '登记科技部认定结果' },
    recognised: { name: '上级已认定', next: null },
    not_recognised: { name: '上级未予认定', next: null },
  },
  initialStatus: 'recommended',
  transitions: {
    record_recognised: { name: '登记上级认定结果：已认定', from: ['recommended'], to: 'recognised', roles: ['city_officer'] },
    record_not_recognised: { name: '登记上级认定结果：未予认定', from: ['recommended'], to: 'not_recognised', roles: ['city_officer'] },
  },
  href: () => '/carriers/review?tab=national',
});

type NationalRow = typeof carrierNationalCases.$inferSelect;
type CaseRowT = typeof cases.$inferSelect;

function present(c: CaseRowT, n: NationalRow, carrier: { name: string; districtName: string }) {
  const head = caseHead(c);
  return {
    ...head,
    type: c.type as 'incubator' | 'makerspace',
    typeName: NATIONAL_NAMES[c.type as 'incubator' | 'makerspace'],
    carrierId: n.carrierId,
    carrierName: carrier.name,
    districtName: carrier.districtName,
    recommendedOn: n.recommendedOn,
    recommendDocNo: n.recommendDocNo,
    resultDocNo: n.resultDocNo,
    resultOn: n.resultOn,
    resultIssuer: n.resultIssuer,
  };
}

async function rows(db: Db, where: (SQL | undefined)[]) {
  return db
    .select({ c: cases, n: carrierNationalCases, name: carriers.name, districtName: districts.name })
    .from(carrierNationalCases)
    .innerJoin(cases, eq(cases.id, carrierNationalCases.id))
    .innerJoin(carriers, eq(carriers.id, carrierNationalCases.carrierId))
    .innerJoin(districts, eq(districts.id, carriers.districtId))
    .where(and(...where))
    .orderBy(desc(carrierNationalCases.recommendedOn), desc(cases.id))
    .limit(500);
}

/** Recommendations in the actor's scope (a district officer: its district's carriers). */
export async function listNational(db: Db, actor: Actor, q: z.infer<typeof s.nationalQuery>) {
  const scope = carrierScopeWhere(actor);
  const found = await rows(db, [scope, q.year ? eq(cases.year, q.year) : undefined, q.status ? eq(cases.status, q.status) : undefined, q.carrierId ? eq(carrierNationalCases.carrierId, q.carrierId) : undefined]);
  return { items: found.map((r) => present(r.c, r.n, { name: r.name, districtName: r.districtName })) };
}

export async function getNational(db: Db, actor: Actor, id: number) {
  const [r] = await rows(db, [eq(carrierNationalCases.id, id), carrierScopeWhere(actor)]);
  if (!r) {
    throw notFound('推荐上报');
  }
  return { ...present(r.c, r.n, { name: r.name, districtName: r.districtName }), events: await eventsOf(db, r.c) };
}

/** The city recommends a carrier with a live municipal recognition of its kind (and no national one, no open recommendation). */
export async function recommendNational(db: Db, ctx: RequestContext, carrierId: number, input: z.infer<typeof s.recommendBody>) {
  const actor = actorOf(ctx);
  assertCityOfficer(actor);
  const today = businessToday();
  const recommendedOn = input.recommendedOn ?? today;
  if (recommendedOn > today) {
    throw fieldError('recommendedOn', `推荐日期不能晚于今天（${today}）`);
  }
  const id = await db.transaction(async (tx) => {
    const carrier = await repo.findCarrier(tx, carrierId, true);
    assertSeesCarrier(actor, carrier);
    if (carrier.kind === 'platform') {
      throw fieldError('carrierId', '科技创新服务平台没有国家级认定，不推荐上报');
    }
    if (carrier.exitedOn) {
      throw new AppError('invalid_state', '该载体已退出，不能推荐上报');
    }
    if (!(await repo.liveMunicipal(tx, carrierId)).length) {
      throw new AppError('invalid_state', `须先认定为市级${KIND_NAMES[carrier.kind]}，才能推荐上报国家级`);
    }
    const open = await tx
      .select({ id: cases.id, status: cases.status })
      .from(carrierNationalCases)
      .innerJoin(cases, eq(cases.id, carrierNationalCases.id))
      .where(and(eq(carrierNationalCases.carrierId, carrierId), inArray(cases.status, ['recommended', 'recognised'])));
    if (open.some((o) => o.status === 'recommended')) {
      throw new AppError('conflict', `该载体已推荐上报，待上级认定（编号${open[0].id}）`);
    }
    const c = await openCase(tx, ctx, {
      instrument: 'carrier_national',
      type: carrier.kind,
      year: Number(recommendedOn.slice(0, 4)),
      title: `推荐${carrier.name}为${NATIONAL_NAMES[carrier.kind]}`,
      organizationId: carrier.organizationId,
      districtId: carrier.districtId,
    });
    const [row] = await tx
      .insert(carrierNationalCases)
      .values({ id: c.id, carrierId, recommendedOn, recommendDocNo: input.docNo?.trim() || null })
      .returning();
    await recordAudit(tx, ctx, { action: 'carrier_national.recommend', objectType: 'carrier_national_case', objectId: c.id, after: row });
    return c.id;
  });
  return getNational(db, actor, id);
}

/**
 * Records the upper body's result with its document number and date: recognised → the national
 * recognition is issued from that date (the live path; the register and the indicators follow);
 * not recognised → the case ends. One transaction, audited, a case event carrying the number.
 */
export async function recordNationalResult(db: Db, ctx: RequestContext, id: number, input: z.infer<typeof s.nationalResultBody>) {
  const actor = actorOf(ctx);
  assertCityOfficer(actor);
  const today = businessToday();
  if (input.resultOn > today) {
    throw fieldError('resultOn', `认定日期不能晚于今天（${today}）`);
  }
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, 'carrier_national', '推荐上报');
    const [n] = await tx.select().from(carrierNationalCases).where(eq(carrierNationalCases.id, id));
    if (c.status !== 'recommended') {
      throw new AppError('invalid_state', '该推荐已登记上级认定结果');
    }
    if (input.resultOn < n.recommendedOn) {
      throw fieldError('resultOn', `认定日期不能早于推荐上报日期 ${n.recommendedOn}`);
    }
    const issuer = input.issuer?.trim() || NATIONAL_BODY;
    if (input.recognised) {
      const carrier = await repo.findCarrier(tx, n.carrierId, true);
      await recordNationalStatus(tx, ctx, carrier!, { reference: input.docNo, issuer, recognisedOn: input.resultOn, caseId: id });
    }
    await tx.update(carrierNationalCases).set({ resultDocNo: input.docNo.trim(), resultOn: input.resultOn, resultIssuer: issuer }).where(eq(carrierNationalCases.id, id));
    const note = `${issuer}${input.recognised ? '认定' : '未予认定'}（${input.docNo.trim()}，${input.resultOn}）${input.comment ? `。${input.comment}` : ''}`;
    await moveCase(tx, ctx, c, { action: input.recognised ? 'record_recognised' : 'record_not_recognised', comment: note, set: { decidedAt: new Date() } });
  });
  return getNational(db, actor, id);
}
