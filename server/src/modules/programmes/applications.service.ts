import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { cases, projectApplications } from '../../db/schema/index.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { actorOf, hasRole } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { businessNow } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { assertCallOpen, assertCaseInScope, casesRepo, lockCase, moveCase, openCase, type CallRow, type CaseRow } from '../cases/index.js';
import { applicationIssues, BUDGET_CATEGORIES, emptyPlan, KPI_KINDS, sumCity, sumSelf, type ApplicationContent, type BudgetCategory } from './form.js';
import { programmesInstrument, PROJECT_TYPES, STATUSES, TRANSITIONS, type ProjectAction, type ProjectStatus } from './instrument.js';
import { attachmentRules } from './attachments.js';
import { lockOwnDraft } from './drafts.js';
import * as repo from './programmes.repo.js';
import type * as s from './programmes.schema.js';

const toYuan = (fen: number) => fen / 100;
const toFen = (yuan: number) => Math.round(yuan * 100);
const statusName = (st: string) => STATUSES[st as ProjectStatus]?.name ?? st;

/** Who may list which applications: the bureau all, a district its own, an enterprise its own; others none. */
export function listScope(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(cases.districtId, actor.districtId);
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId !== null) {
    return eq(cases.enterpriseId, actor.enterpriseId);
  }
  throw forbidden('无权查看项目申报');
}

type ListRow = Awaited<ReturnType<ReturnType<typeof repo.listQuery>['where']>>[number];

export function presentItem(r: ListRow) {
  return {
    id: r.id,
    type: r.type,
    typeName: PROJECT_TYPES[r.type as keyof typeof PROJECT_TYPES] ?? r.type,
    year: r.year,
    title: r.title,
    status: r.status,
    statusName: statusName(r.status),
    callId: r.callId,
    dueOn: r.dueOn,
    panelScore: r.panelScore === null ? null : Number(r.panelScore),
    enterprise: r.enterpriseId !== null ? { id: r.enterpriseId, name: r.enterpriseName ?? '' } : null,
    districtName: r.districtName,
    programme: { id: r.programmeId, name: r.programmeName },
    requested: toYuan(r.requestedFen),
    selfRaised: toYuan(r.selfRaisedFen),
    recommended: r.recommendedFen === null ? null : toYuan(r.recommendedFen),
    approved: r.approvedFen === null ? null : toYuan(r.approvedFen),
    contractNo: r.contractNo,
  };
}

export async function listApplications(opts: { db: Executor; actor: Actor; query: z.infer<typeof s.applicationQuery> }) {
  const q = opts.query;
  const conds: (SQL | undefined)[] = [eq(cases.instrument, repo.INSTRUMENT), listScope(opts.actor)];
  if (q.callId) {
    conds.push(eq(cases.callId, q.callId));
  }
  if (q.programmeId) {
    conds.push(eq(projectApplications.programmeId, q.programmeId));
  }
  if (q.status) {
    conds.push(eq(cases.status, q.status));
  }
  if (q.year) {
    conds.push(eq(cases.year, q.year));
  }
  const rows = await repo
    .listQuery(opts.db)
    .where(and(...conds))
    .orderBy(desc(cases.updatedAt), desc(cases.id))
    .limit(q.limit);
  return { items: rows.map(presentItem) };
}

/** The next steps the actor may take on the case (the page's buttons). */
function actionsFor(actor: Actor, c: CaseRow) {
  return (Object.entries(TRANSITIONS) as [ProjectAction, (typeof TRANSITIONS)[ProjectAction]][])
    .filter(([, t]) => (t.from as readonly string[]).includes(c.status) && !('bySystem' in t && t.bySystem) && (t.roles as readonly string[]).some((r) => actor.roles.includes(r as never)))
    .filter(([a]) => (a === 'submit' ? c.type === 'general' : a === 'submit_direct' ? c.type !== 'general' : true))
    .map(([a, t]) => ({ action: a, name: t.name, needsComment: 'needsComment' in t && !!t.needsComment }));
}

async function loadCall(db: Executor, id: number | null): Promise<repo.CallRowFull> {
  const call = id === null ? undefined : await repo.findCall(db, id);
  if (!call) {
    throw notFound('申报指南');
  }
  return call;
}

function contentOf(c: CaseRow, d: repo.ApplicationDetail): ApplicationContent {
  return { title: c.title, topicCode: d.topicCode, plan: d.plan, budgetLines: d.budgetLines, kpis: d.kpis, milestones: d.milestones, startOn: d.startOn, endOn: d.endOn };
}

export async function presentApplication(db: Executor, actor: Actor, c: CaseRow) {
  const d = await repo.findDetail(db, c.id);
  if (!d) {
    throw notFound('项目申报');
  }
  const call = await loadCall(db, c.callId);
  const [row] = await repo.listQuery(db).where(eq(cases.id, c.id));
  const events = await casesRepo.listEvents(db, c.id);
  const attachments = await casesRepo.listAttachments(db, c.id);
  const names = programmesInstrument.transitions;
  return {
    ...presentItem(row),
    topicCode: d.topicCode,
    plan: d.plan,
    budgetLines: d.budgetLines.map((l) => ({ category: l.category, categoryName: BUDGET_CATEGORIES[l.category as BudgetCategory] ?? l.category, city: toYuan(l.cityFen), self: toYuan(l.selfFen), note: l.note })),
    kpis: d.kpis,
    milestones: d.milestones,
    startOn: d.startOn,
    endOn: d.endOn,
    moderationReason: d.moderationReason,
    approvedOn: d.approvedOn,
    contractSignedOn: d.contractSignedOn,
    call: { id: call.id, title: call.title, ceiling: toYuan(call.detail.ceilingFen), closesOn: call.closesOn, topics: call.detail.topics.map((t) => ({ code: t.code, title: t.title })) },
    trancheSplit: call.programme.trancheSplit,
    issues: c.status === 'draft' || c.status === 'returned' ? applicationIssues(contentOf(c, d), { ceilingFen: call.detail.ceilingFen, topics: call.detail.topics }) : [],
    actions: actionsFor(actor, c),
    attachments: attachments.map((a) => ({ id: a.id, code: a.code, fileName: a.fileName, mimeType: a.mimeType, size: a.size, createdAt: a.createdAt.toISOString() })),
    attachmentRules: attachmentRules(),
    canWithdraw: c.status === 'draft' && hasRole(actor, 'enterprise_user') && actor.enterpriseId === c.enterpriseId,
    events: events.map((e) => ({
      action: e.action,
      actionName: e.action === 'create' ? '创建申报' : (names[e.action]?.name ?? e.action),
      toStatusName: statusName(e.toStatus),
      comment: e.comment,
      actorLabel: e.actorLabel,
      occurredAt: e.occurredAt.toISOString(),
    })),
  };
}

export async function getApplication(opts: { db: Executor; actor: Actor; id: number }) {
  const c = await casesRepo.findCase(opts.db, opts.id);
  if (!c || c.instrument !== repo.INSTRUMENT) {
    throw notFound('项目申报');
  }
  assertCaseInScope({ actor: opts.actor, requestId: '', ip: '' }, c, '项目申报');
  if (hasRole(opts.actor, 'expert')) {
    throw notFound('项目申报'); // experts read the case in their workspace (the kernel's expert view)
  }
  return presentApplication(opts.db, opts.actor, c);
}

export async function createApplication(opts: { db: Db; ctx: RequestContext; input: z.infer<typeof s.createApplicationBody> }) {
  const actor = actorOf(opts.ctx);
  if (!hasRole(actor, 'enterprise_user') || actor.enterpriseId === null) {
    throw forbidden('仅企业用户可申报项目');
  }
  const enterpriseId = actor.enterpriseId;
  return opts.db.transaction(async (tx) => {
    const call = await repo.findCall(tx, opts.input.callId);
    if (!call) {
      throw fieldError('callId', '申报指南不存在');
    }
    assertCallOpen(call as CallRow);
    if (call.detail.invitedOnly && !(await repo.isInvited(tx, call.id, enterpriseId))) {
      throw new AppError('forbidden', '该指南为主动设计项目，仅受邀单位可申报');
    }
    const ent = await repo.enterpriseOf(tx, enterpriseId);
    if (!ent) {
      throw notFound('企业');
    }
    const c = await openCase(tx, opts.ctx, { instrument: repo.INSTRUMENT, type: call.type, year: call.year, title: opts.input.title, callId: call.id, enterpriseId, districtId: ent.districtId });
    await repo.insertDetail(tx, {
      id: c.id,
      programmeId: call.detail.programmeId,
      programmeYearId: call.detail.programmeYearId,
      topicCode: call.detail.topics.length === 1 ? call.detail.topics[0].code : null,
      plan: emptyPlan(),
      budgetLines: [],
      kpis: [],
      milestones: [],
    });
    await recordAudit(tx, opts.ctx, { action: 'project_case.create', objectType: 'project_case', objectId: c.id, after: { callId: call.id, title: c.title } });
    return presentApplication(tx, actor, c);
  });
}

/** Saves the draft (anything structurally valid; the issues list says what submit still needs). */
export async function updateApplication(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof s.contentBody> }) {
  const actor = actorOf(opts.ctx);
  const i = opts.input;
  return opts.db.transaction(async (tx) => {
    const c = await lockOwnDraft(tx, opts.ctx, opts.id);
    const budgetLines = i.budgetLines.map((l) => ({ category: l.category, cityFen: toFen(l.city), selfFen: toFen(l.self), note: l.note }));
    const kpis = i.kpis.map((k) => ({ key: k.key, name: k.name || KPI_KINDS[k.key as keyof typeof KPI_KINDS].name, unit: k.unit, target: k.target }));
    await repo.updateDetail(tx, c.id, {
      topicCode: i.topicCode,
      plan: i.plan,
      budgetLines,
      kpis,
      milestones: i.milestones,
      startOn: i.startOn,
      endOn: i.endOn,
      requestedFen: sumCity(budgetLines),
      selfRaisedFen: sumSelf(budgetLines),
    });
    const title = i.title.trim() || c.title;
    const [moved] = await tx
      .update(cases)
      .set({ title, updatedAt: new Date() })
      .where(eq(cases.id, c.id))
      .returning();
    await casesRepo.touchCase(tx, c.id);
    await recordAudit(tx, opts.ctx, { action: 'project_case.update', objectType: 'project_case', objectId: c.id, after: { title, requestedFen: sumCity(budgetLines) } });
    return presentApplication(tx, actor, moved);
  });
}

export async function submitApplication(opts: { db: Db; ctx: RequestContext; id: number }) {
  const actor = actorOf(opts.ctx);
  return opts.db.transaction(async (tx) => {
    const c = await lockOwnDraft(tx, opts.ctx, opts.id);
    const d = (await repo.findDetail(tx, c.id, true))!;
    const call = await loadCall(tx, c.callId);
    if (c.status === 'draft') {
      assertCallOpen(call as CallRow);
    }
    const issues = applicationIssues(contentOf(c, d), { ceilingFen: call.detail.ceilingFen, topics: call.detail.topics });
    if (issues.length) {
      throw new AppError('validation_failed', `申报书尚有${issues.length}处问题：${issues[0].message}`, { fields: issues });
    }
    const moved = await moveCase(tx, opts.ctx, c, { action: c.type === 'general' ? 'submit' : 'submit_direct', set: { submittedAt: businessNow() } });
    return presentApplication(tx, actor, moved);
  });
}

/** District recommendation and the bureau's formal check: kernel moves with the reviewer's opinion. */
export async function reviewApplication(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof s.reviewBody> }) {
  const actor = actorOf(opts.ctx);
  return opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.ctx, opts.id, repo.INSTRUMENT, '项目申报');
    const moved = await moveCase(tx, opts.ctx, c, { action: opts.input.action, comment: opts.input.comment ?? null });
    if (opts.input.action === 'district_recommend' || opts.input.action === 'district_return') {
      await repo.updateDetail(tx, c.id, { districtOpinion: opts.input.comment?.trim() || null });
    }
    return presentApplication(tx, actor, moved);
  });
}

/** 撤回: the enterprise deletes its own draft (never submitted); the audit row keeps what it was. */
export async function withdrawApplication(opts: { db: Db; ctx: RequestContext; id: number }) {
  await opts.db.transaction(async (tx) => {
    const c = await lockOwnDraft(tx, opts.ctx, opts.id);
    if (c.status !== 'draft') {
      throw new AppError('invalid_state', '已提交过的申报不能撤回删除，请修改后重新提交');
    }
    await repo.deleteDetail(tx, c.id);
    if (!(await casesRepo.deleteDraftCase(tx, c.id, 'draft'))) {
      throw new AppError('invalid_state', '申报状态已变化，请刷新后重试');
    }
    await recordAudit(tx, opts.ctx, { action: 'project_case.withdraw', objectType: 'project_case', objectId: c.id, before: { title: c.title, callId: c.callId, status: c.status } });
  });
}
