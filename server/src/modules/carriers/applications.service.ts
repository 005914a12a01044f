import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { carrierApplications, carriers, cases, districts } from '../../db/schema/index.js';
import { actorOf, hasRole, type Actor, type RequestContext } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { businessNow, businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { assertCaseInScope, casesRepo, instrumentOf, lockCase, moveCase, openCase, statusName, type CaseRow } from '../cases/index.js';
import { evaluateCriteria } from './criteria.js';
import { assertOperates, carrierScopeWhere } from './carriers.policy.js';
import * as repo from './carriers.repo.js';
import type { ApplicationForm } from './carriers.schema.js';
import { presentSummary } from './carriers.service.js';
import { actionsFor, caseHead, eventsOf } from './case-view.js';
import { RECOGNITION_ACTIONS } from './instrument.js';

const INSTRUMENTS = ['makerspace', 'incubator'] as const;

/** Field-level refusal of a form that does not meet the criteria (checked on submit). */
function assertCriteria(kind: 'makerspace' | 'incubator', f: ApplicationForm): void {
  const unmet = evaluateCriteria(kind, f).filter((c) => !c.met);
  if (f.publicAreaM2 > f.areaM2) {
    unmet.unshift({ field: 'publicAreaM2', label: '公共服务面积', required: '不超过场地面积', actual: `${f.publicAreaM2}平方米`, met: false });
  }
  if (unmet.length) {
    throw new AppError('validation_failed', '申请未达到认定条件', {
      fields: unmet.map((c) => ({ field: `form.${c.field}`, message: `${c.label}应${c.required}（现为${c.actual}）` })),
    });
  }
}

async function readApplication(db: Db, actor: Actor, id: number) {
  const c = await casesRepo.findCase(db, id);
  if (!c || !(INSTRUMENTS as readonly string[]).includes(c.instrument)) {
    throw notFound('认定申请');
  }
  assertCaseInScope({ actor, requestId: '', ip: '' }, c, '认定申请');
  if (hasRole(actor, 'expert')) {
    throw notFound('认定申请');
  }
  return c;
}

async function present(db: Db, actor: Actor, c: CaseRow) {
  const [app] = await db.select().from(carrierApplications).where(eq(carrierApplications.id, c.id));
  const summary = (await repo.carrierSummary(db, app.carrierId))!;
  const form = app.form as ApplicationForm;
  return {
    ...caseHead(c),
    carrier: presentSummary(summary),
    form,
    criteria: evaluateCriteria(c.instrument as 'makerspace' | 'incubator', form).map(({ field: _f, ...rest }) => rest),
    certificateNo: app.certificateNo,
    actions: actionsFor(actor, c, RECOGNITION_ACTIONS),
    events: await eventsOf(db, c),
  };
}

export async function getApplication(db: Db, actor: Actor, id: number) {
  return present(db, actor, await readApplication(db, actor, id));
}

/** The operator opens a recognition application for one of its makerspaces or incubators (a draft). */
export async function openApplication(db: Db, ctx: RequestContext, carrierId: number, input: { year?: number; form: ApplicationForm }) {
  const actor = actorOf(ctx);
  const id = await db.transaction(async (tx) => {
    const carrier = await repo.findCarrier(tx, carrierId, true);
    assertOperates(actor, carrier);
    const row = carrier as typeof carriers.$inferSelect;
    if (row.kind === 'platform') {
      throw new AppError('validation_failed', '科技创新服务平台不参加众创空间/孵化器认定', { fields: [{ field: 'carrierId', message: '仅众创空间和孵化器可申请市级认定' }] });
    }
    if (row.exitedOn) {
      throw new AppError('invalid_state', '该载体已退出，不能申请认定');
    }
    if ((await repo.liveMunicipal(tx, carrierId)).length) {
      throw new AppError('conflict', '该载体已持有有效的市级认定');
    }
    const open = await tx
      .select({ id: cases.id })
      .from(carrierApplications)
      .innerJoin(cases, eq(cases.id, carrierApplications.id))
      .where(and(eq(carrierApplications.carrierId, carrierId), inArray(cases.status, ['draft', 'returned', 'submitted', 'district_passed', 'expert_review', 'scored', 'city_passed', 'in_notice'])));
    if (open.length) {
      throw new AppError('conflict', `该载体已有一份进行中的认定申请（编号${open[0].id}）`);
    }
    const year = input.year ?? Number(businessToday().slice(0, 4));
    const c = await openCase(tx, ctx, { instrument: row.kind, type: 'municipal', year, title: `${year}年度市级${row.kind === 'makerspace' ? '众创空间' : '科技企业孵化器'}认定申请：${row.name}`, organizationId: row.organizationId, districtId: row.districtId });
    await tx.insert(carrierApplications).values({ id: c.id, carrierId, form: input.form });
    await recordAudit(tx, ctx, { action: `${row.kind}_case.create`, objectType: `${row.kind}_case`, objectId: c.id, after: { carrierId, form: input.form } });
    return c.id;
  });
  return getApplication(db, actor, id);
}

export async function updateApplication(db: Db, ctx: RequestContext, id: number, form: ApplicationForm) {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, undefined, '认定申请');
    if (!(INSTRUMENTS as readonly string[]).includes(c.instrument)) {
      throw notFound('认定申请');
    }
    if (!hasRole(actor, 'carrier_operator') || actor.organizationId !== c.organizationId) {
      throw forbidden('仅申请单位可修改申请表');
    }
    if (!['draft', 'returned'].includes(c.status)) {
      throw new AppError('invalid_state', `申请当前状态为“${statusName(instrumentOf(c.instrument), c.status)}”，不能修改`);
    }
    const [before] = await tx.select().from(carrierApplications).where(eq(carrierApplications.id, id));
    await tx.update(carrierApplications).set({ form }).where(eq(carrierApplications.id, id));
    await casesRepo.touchCase(tx, id);
    await recordAudit(tx, ctx, { action: `${c.instrument}_case.update`, objectType: `${c.instrument}_case`, objectId: id, before: before.form, after: form });
  });
  return getApplication(db, actor, id);
}

/** One step of the workflow from the application page; the criteria are checked when the operator submits. */
export async function actOnApplication(db: Db, ctx: RequestContext, id: number, input: { action: string; comment?: string }) {
  const actor = actorOf(ctx);
  if (!(RECOGNITION_ACTIONS as readonly string[]).includes(input.action)) {
    throw new AppError('validation_failed', '不支持的操作', { fields: [{ field: 'action', message: `操作应为 ${RECOGNITION_ACTIONS.join('、')} 之一（公示与认定在公示管理中办理）` }] });
  }
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, undefined, '认定申请');
    if (!(INSTRUMENTS as readonly string[]).includes(c.instrument)) {
      throw notFound('认定申请');
    }
    if (input.action === 'submit') {
      const [app] = await tx.select().from(carrierApplications).where(eq(carrierApplications.id, id));
      assertCriteria(c.instrument as 'makerspace' | 'incubator', app.form as ApplicationForm);
    }
    await moveCase(tx, ctx, c, { action: input.action, comment: input.comment, set: input.action === 'submit' ? { submittedAt: businessNow() } : undefined });
  });
  return getApplication(db, actor, id);
}

/** Applications in the actor's scope (officers: their queue; the operator: its own). */
export async function listApplications(db: Db, actor: Actor, q: { year?: number; status?: string }) {
  const where: (SQL | undefined)[] = [inArray(cases.instrument, [...INSTRUMENTS]), carrierScopeWhere(actor), q.year ? eq(cases.year, q.year) : undefined, q.status ? eq(cases.status, q.status) : undefined];
  const rows = await db
    .select({ c: cases, carrierId: carriers.id, carrierName: carriers.name, districtName: districts.name, certificateNo: carrierApplications.certificateNo })
    .from(carrierApplications)
    .innerJoin(cases, eq(cases.id, carrierApplications.id))
    .innerJoin(carriers, eq(carriers.id, carrierApplications.carrierId))
    .innerJoin(districts, eq(districts.id, carriers.districtId))
    .where(and(...where))
    .orderBy(desc(cases.id))
    .limit(500);
  return {
    items: rows.map((r) => ({ ...caseHead(r.c), carrierId: r.carrierId, carrierName: r.carrierName, districtName: r.districtName, certificateNo: r.certificateNo })).map(({ next: _n, ...rest }) => rest),
  };
}
