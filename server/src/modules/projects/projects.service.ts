import type { Db, Tx } from '../../db/client.js';
import type { ChangeKind, ChangePayload, KpiProgress } from '../../db/schema/index.js';
import { actorOf, hasRole, type Actor, type RequestContext } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { addWorkingDays } from '../calendar/index.js';
import { casesRepo, lockCase, moveCase, openCase, statusName, instrumentOf, type CaseRow } from '../cases/index.js';
import { balances, postMovement } from '../ledger/index.js';
import { cancelOrderTx, paymentsOfCase, prepareClawback } from '../payments/index.js';
import { PROJECT_BOOK, PROJECT_STATUSES, prepareTranche } from '../programmes/index.js';
import { proposalFor, RESULT_NAMES } from './acceptance-review.js';
import { evidenceFile, evidenceFiles } from './evidence.js';
import { ACCEPTANCE, CHANGE, MIDTERM } from './instruments.js';
import { effectivePlan, type EffectivePlan } from './plan.js';
import * as repo from './projects.repo.js';

const PROGRAMMES = 'programmes';
const BUREAU_READERS = ['city_officer', 'auditor', 'finance_officer'] as const;
export const projectStatusName = (status: string): string => (PROJECT_STATUSES as Record<string, { name: string }>)[status]?.name ?? status;
export const FOLLOWED_STATUSES = ['in_progress', 'accepting', 'completed', 'failed', 'terminated'];
/** Acceptance statuses after the panel scored: the panel's proposal is shown. */
const REVIEWED = ['scored', 'passed', 'passed_conditions', 'failed'];

/** Who sees which projects: bureau readers all, a district officer its district, an enterprise its own, nobody else. */
export function projectScope(actor: Actor): { enterpriseId?: number; districtId?: number } {
  if (hasRole(actor, ...BUREAU_READERS)) {
    return {};
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return { districtId: actor.districtId };
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId !== null) {
    return { enterpriseId: actor.enterpriseId };
  }
  throw forbidden('无权查看科技计划项目的执行情况');
}

function inScope(actor: Actor, c: Pick<CaseRow, 'enterpriseId' | 'districtId'>): boolean {
  const s = projectScope(actor);
  return (s.enterpriseId === undefined || s.enterpriseId === c.enterpriseId) && (s.districtId === undefined || s.districtId === c.districtId);
}

function requireOfficer(actor: Actor) {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('只有市科委业务处室可以办理');
  }
}

async function planOf(db: Db | Tx, projectId: number): Promise<EffectivePlan> {
  const plan = await effectivePlan(db, projectId);
  if (!plan) {
    throw notFound('项目');
  }
  return plan;
}

/** Checks a KPI report against the plan's KPIs: every KPI once, numbers ≥ 0, evidence when required. */
function checkKpis(plan: EffectivePlan, kpis: KpiProgress[], needEvidence: boolean): KpiProgress[] {
  const keys = new Set(plan.kpis.map((k) => k.key));
  const seen = new Set<string>();
  kpis.forEach((k, i) => {
    if (!keys.has(k.key)) {
      throw fieldError(`kpis.${i}.key`, `任务书中没有这一考核指标：${k.key}`);
    }
    if (seen.has(k.key)) {
      throw fieldError(`kpis.${i}.key`, '同一考核指标只能填报一次');
    }
    seen.add(k.key);
    if (needEvidence && !k.evidence?.trim()) {
      throw fieldError(`kpis.${i}.evidence`, '请填写佐证材料（证书编号、检测报告、销售合同等）');
    }
  });
  plan.kpis.forEach((k) => {
    if (!seen.has(k.key)) {
      throw fieldError('kpis', `请填报考核指标“${k.name}”的完成情况`);
    }
  });
  return kpis.map((k) => ({ key: k.key, actual: k.actual, evidence: k.evidence?.trim() || null }));
}

const midpoint = (a: string, b: string) => new Date((Date.parse(`${a}T00:00:00Z`) + Date.parse(`${b}T00:00:00Z`)) / 2).toISOString().slice(0, 10);

// ── mid-term check ───────────────────────────────────────────────────────────────────────────

/**
 * Opens the mid-term check of one in-progress project: due at the middle of the project period,
 * but never sooner than 20 working days from today (the enterprise needs time to report).
 */
export async function openMidtermFor(tx: Tx, ctx: RequestContext, projectId: number, earliestDue?: string): Promise<number> {
  const plan = await planOf(tx, projectId);
  const today = businessToday();
  const earliest = earliestDue ?? (await addWorkingDays(today, 20, tx));
  const mid = plan.startOn && plan.endOn ? midpoint(plan.startOn, plan.endOn) : earliest;
  const dueOn = mid > earliest ? mid : earliest;
  const c = await openCase(tx, ctx, { instrument: MIDTERM, type: 'midterm', year: Number(today.slice(0, 4)), title: `${plan.title}（中期检查）`, enterpriseId: plan.enterpriseId, districtId: plan.districtId });
  await casesRepo.updateAtVersion(tx, c.id, c.version, { dueOn });
  await repo.insertMidterm(tx, { id: c.id, projectCaseId: projectId, dueOn });
  return c.id;
}

/** Opens the mid-term check of every in-progress project that has none yet (the officer's one click). */
export async function openMidterms({ db, ctx }: { db: Db; ctx: RequestContext }) {
  requireOfficer(actorOf(ctx));
  return db.transaction(async (tx) => {
    const ids: number[] = [];
    const earliest = await addWorkingDays(businessToday(), 20, tx);
    for (const p of await repo.projectsWithoutMidterm(tx)) {
      ids.push(await openMidtermFor(tx, ctx, p.id, earliest));
    }
    return { opened: ids.length, ids };
  });
}

export interface ReportInput {
  progress?: string;
  summary?: string;
  kpis: KpiProgress[];
  spentFen: number;
}

export async function submitMidterm({ db, ctx, id, input }: { db: Db; ctx: RequestContext; id: number; input: ReportInput }) {
  actorOf(ctx);
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, MIDTERM, '中期检查');
    const m = (await repo.findMidterm(tx, id))!;
    const plan = await planOf(tx, m.projectCaseId);
    const kpis = checkKpis(plan, input.kpis, false);
    if (input.spentFen > plan.approvedAmountFen * 10) {
      throw fieldError('spent', '已支出金额明显超出项目经费，请核对');
    }
    await repo.updateMidterm(tx, id, { progress: input.progress ?? '', kpiProgress: kpis, spentFen: input.spentFen, submittedAt: new Date() });
    await moveCase(tx, ctx, c, { action: 'submit', set: { submittedAt: new Date() } });
  });
  return getFollowUp({ db, actor: actorOf(ctx), id });
}

/** The officer's conclusion: pass (prepares tranche 2 when the programme pays one after the mid-term), return, or fail. */
export async function concludeMidterm({ db, ctx, id, result, comment }: { db: Db; ctx: RequestContext; id: number; result: 'pass' | 'return' | 'fail'; comment?: string }) {
  requireOfficer(actorOf(ctx));
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, MIDTERM, '中期检查');
    const m = (await repo.findMidterm(tx, id))!;
    await moveCase(tx, ctx, c, { action: result, comment: comment ?? null });
    if (result === 'pass') {
      const plan = await planOf(tx, m.projectCaseId);
      if (plan.programme.trancheSplit.length >= 3) {
        const order = await prepareTranche(tx, ctx, m.projectCaseId, 2);
        await repo.updateMidterm(tx, id, { trancheOrderId: order.id });
      }
    }
  });
  return getFollowUp({ db, actor: actorOf(ctx), id });
}

// ── acceptance ───────────────────────────────────────────────────────────────────────────────

/** Starts the acceptance: the project case moves to 验收中 (start_acceptance) and the acceptance case opens, in one transaction. */
export async function startAcceptance({ db, ctx, projectId }: { db: Db; ctx: RequestContext; projectId: number }) {
  requireOfficer(actorOf(ctx));
  const id = await db.transaction(async (tx) => {
    const project = await lockCase(tx, ctx, projectId, PROGRAMMES, '项目');
    const plan = await planOf(tx, projectId);
    await moveCase(tx, ctx, project, { action: 'start_acceptance' });
    const today = businessToday();
    const c = await openCase(tx, ctx, { instrument: ACCEPTANCE, type: 'acceptance', year: Number(today.slice(0, 4)), title: `${plan.title}（验收）`, enterpriseId: plan.enterpriseId, districtId: plan.districtId });
    await casesRepo.updateAtVersion(tx, c.id, c.version, { dueOn: await addWorkingDays(today, 20, tx) });
    await repo.insertAcceptance(tx, { id: c.id, projectCaseId: projectId });
    return c.id;
  });
  return getFollowUp({ db, actor: actorOf(ctx), id });
}

export async function submitAcceptance({ db, ctx, id, input }: { db: Db; ctx: RequestContext; id: number; input: ReportInput }) {
  actorOf(ctx);
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, ACCEPTANCE, '验收');
    const a = (await repo.findAcceptance(tx, id))!;
    const plan = await planOf(tx, a.projectCaseId);
    const kpis = checkKpis(plan, input.kpis, false);
    if (!input.summary?.trim()) {
      throw fieldError('summary', '请填写项目执行总结');
    }
    // every KPI's actual value needs its evidence as a file (certificate, test report, contract…)
    const withFiles = new Set((await evidenceFiles(tx, id)).map((f) => f.kpi));
    const missing = plan.kpis.flatMap((k, i) => (withFiles.has(k.key) ? [] : [{ field: `kpis.${i}.evidence`, message: `请上传考核指标“${k.name}”完成值的佐证材料` }]));
    if (missing.length) {
      throw new AppError('validation_failed', missing[0].message, { fields: missing });
    }
    await repo.updateAcceptance(tx, id, { summary: input.summary.trim(), kpiActuals: kpis, spentFen: input.spentFen, submittedAt: new Date() });
    await moveCase(tx, ctx, c, { action: 'submit', set: { submittedAt: new Date() } });
  });
  return getFollowUp({ db, actor: actorOf(ctx), id });
}

const RESULT_ACTION = { pass: 'conclude_pass', pass_conditions: 'conclude_conditions', fail: 'conclude_fail' } as const;

/**
 * The acceptance conclusion after the panel: pass (or pass with conditions) completes the project
 * (accept, signed by the panel) and prepares the last tranche; fail moves it to 验收不通过 (fail),
 * cancels tranches not yet approved, releases what is still committed to the programme-year
 * budget and claws back the paid money the enterprise did not spend (paid − reported spending).
 */
export async function concludeAcceptance({ db, ctx, id, result, comment }: { db: Db; ctx: RequestContext; id: number; result: keyof typeof RESULT_ACTION; comment?: string }) {
  requireOfficer(actorOf(ctx));
  await assertFollowsProposal(db, actorOf(ctx), id, result, comment);
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, ACCEPTANCE, '验收');
    const a = (await repo.findAcceptance(tx, id))!;
    await moveCase(tx, ctx, c, { action: RESULT_ACTION[result], comment: comment ?? null });
    const project = await lockCase(tx, ctx, a.projectCaseId, PROGRAMMES, '项目');
    const plan = await planOf(tx, a.projectCaseId);
    const today = businessToday();
    if (result !== 'fail') {
      await moveCase(tx, ctx, project, { action: 'accept', bySystem: true, comment: comment ?? null });
      const order = await prepareTranche(tx, ctx, a.projectCaseId, plan.programme.trancheSplit.length);
      await repo.updateAcceptance(tx, id, { result, conditions: result === 'pass_conditions' ? (comment ?? '') : null, concludedOn: today, trancheOrderId: order.id });
      return;
    }
    await moveCase(tx, ctx, project, { action: 'fail', bySystem: true, comment: comment ?? null });
    for (const o of await paymentsOfCase(tx, a.projectCaseId)) {
      if (o.status === 'prepared' && o.payable === 'project_tranche') {
        await cancelOrderTx(tx, ctx, o.id, '项目验收不通过，停止拨款');
      }
    }
    const scope = await repo.budgetScopeOf(tx, a.projectCaseId);
    if (scope === null) {
      throw new AppError('invalid_state', '找不到该项目的立项预算账户，不能办理验收不通过');
    }
    const [committed] = await balances(tx, PROJECT_BOOK, { scope: a.projectCaseId, kinds: ['committed'] });
    const releasedFen = committed?.balanceFen ?? 0;
    if (releasedFen > 0) {
      await postMovement(tx, {
        book: PROJECT_BOOK,
        kind: 'release',
        valueDate: today,
        idempotencyKey: `release:${a.projectCaseId}`,
        memo: `${plan.title}验收不通过，未拨付资金退回计划预算`,
        actorId: ctx.actor?.userId ?? null,
        entries: [
          { account: { kind: 'committed', scope: a.projectCaseId }, amountFen: -releasedFen },
          { account: { kind: 'budget', scope }, amountFen: releasedFen },
        ],
      });
    }
    const paid = (await balances(tx, PROJECT_BOOK, { scope: a.projectCaseId, kinds: ['paid'] })).reduce((s, b) => s + b.balanceFen, 0);
    const unspent = Math.max(0, paid - Math.min(a.spentFen ?? 0, paid));
    let clawbackOrderId: number | null = null;
    if (unspent > 0) {
      const order = await prepareClawback(tx, ctx, {
        payable: 'project_tranche',
        caseId: a.projectCaseId,
        payer: { type: 'enterprise', id: plan.enterpriseId, name: plan.enterpriseName },
        amountFen: unspent,
        reason: `${plan.title}：验收不通过，收回已拨付未使用资金`,
        debit: { kind: 'paid', scope: a.projectCaseId, owner: { type: 'enterprise', id: plan.enterpriseId } },
        credit: { kind: 'budget', scope },
        idempotencyKey: `clawback:${a.projectCaseId}`,
      });
      clawbackOrderId = order.id;
    }
    await repo.updateAcceptance(tx, id, { result, concludedOn: today, releasedFen, clawbackOrderId });
    await recordAudit(tx, ctx, { action: 'project.acceptance_failed', objectType: 'project_case', objectId: a.projectCaseId, after: { releasedFen, clawbackFen: unspent, clawbackOrderId } });
  });
  return getFollowUp({ db, actor: actorOf(ctx), id });
}

/** A conclusion other than the panel's proposal needs the officer's written reason. */
async function assertFollowsProposal(db: Db, actor: Actor, id: number, result: keyof typeof RESULT_ACTION, comment?: string) {
  const a = await repo.findAcceptance(db, id);
  const plan = a ? await effectivePlan(db, a.projectCaseId) : null;
  const proposal = plan ? await proposalFor(db, actor, id, plan) : null;
  if (proposal && proposal.result !== result && !comment?.trim()) {
    throw fieldError('comment', `专家组建议结论为“${proposal.resultName}”，作出“${RESULT_NAMES[result]}”的结论须写明理由`);
  }
}

// ── change cases ─────────────────────────────────────────────────────────────────────────────

export interface ChangeInput {
  kind: ChangeKind;
  reason: string;
  endOn?: string;
  budgetLines?: NonNullable<ChangePayload['budgetLines']>;
  kpis?: NonNullable<ChangePayload['kpis']>;
}

const MAX_EXTENSION_DAYS = 366;

function requested(plan: EffectivePlan, input: ChangeInput): { requested: ChangePayload; previous: ChangePayload } {
  switch (input.kind) {
    case 'extension': {
      if (!input.endOn) {
        throw fieldError('endOn', '请填写延期后的结束日期');
      }
      if (plan.endOn && input.endOn <= plan.endOn) {
        throw fieldError('endOn', `延期后的结束日期应晚于现结束日期（${plan.endOn}）`);
      }
      if (plan.endOn && Date.parse(input.endOn) - Date.parse(plan.endOn) > MAX_EXTENSION_DAYS * 86_400_000) {
        throw fieldError('endOn', '项目延期一般不超过一年');
      }
      return { requested: { endOn: input.endOn }, previous: { endOn: plan.endOn ?? undefined } };
    }
    case 'budget_shift': {
      const lines = input.budgetLines ?? [];
      if (lines.length === 0) {
        throw fieldError('budgetLines', '请填写调整后的预算');
      }
      const city = lines.reduce((s, l) => s + l.cityFen, 0);
      if (city !== plan.approvedAmountFen) {
        throw fieldError('budgetLines', `调整后的市财政资助合计应等于立项金额（${(plan.approvedAmountFen / 100).toLocaleString('zh-CN')}元），现为${(city / 100).toLocaleString('zh-CN')}元`);
      }
      return { requested: { budgetLines: lines }, previous: { budgetLines: plan.budgetLines } };
    }
    case 'kpi_change': {
      const kpis = input.kpis ?? [];
      if (kpis.length === 0) {
        throw fieldError('kpis', '请填写调整后的考核指标');
      }
      if (new Set(kpis.map((k) => k.key)).size !== kpis.length) {
        throw fieldError('kpis', '考核指标代码不能重复');
      }
      return { requested: { kpis }, previous: { kpis: plan.kpis } };
    }
  }
}

/** The enterprise asks for a change of its in-progress project; one open change at a time. */
export async function requestChange({ db, ctx, projectId, input }: { db: Db; ctx: RequestContext; projectId: number; input: ChangeInput }) {
  const actor = actorOf(ctx);
  if (!hasRole(actor, 'enterprise_user')) {
    throw forbidden('变更申请由项目承担单位提出');
  }
  const id = await db.transaction(async (tx) => {
    const project = await lockCase(tx, ctx, projectId, PROGRAMMES, '项目');
    if (project.status !== 'in_progress') {
      throw new AppError('invalid_state', `项目当前为“${projectStatusName(project.status)}”，只有执行中的项目可以申请变更`);
    }
    const open = (await repo.changesOf(tx, projectId)).find((ch) => ch.status === 'submitted');
    if (open) {
      throw new AppError('conflict', '该项目已有一项变更申请待审批，请待审批后再提出', { changeId: open.change.id });
    }
    const plan = await planOf(tx, projectId);
    const { requested: req, previous } = requested(plan, input);
    const today = businessToday();
    const c = await openCase(tx, ctx, { instrument: CHANGE, type: input.kind, year: Number(today.slice(0, 4)), title: `${plan.title}（${instrumentOf(CHANGE).types[input.kind]}）`, enterpriseId: plan.enterpriseId, districtId: plan.districtId });
    await casesRepo.updateAtVersion(tx, c.id, c.version, { dueOn: await addWorkingDays(today, 10, tx) });
    await repo.insertChange(tx, { id: c.id, projectCaseId: projectId, kind: input.kind, reason: input.reason, requested: req, previous });
    return c.id;
  });
  return getFollowUp({ db, actor, id });
}

export async function decideChange({ db, ctx, id, approve, comment }: { db: Db; ctx: RequestContext; id: number; approve: boolean; comment?: string }) {
  requireOfficer(actorOf(ctx));
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, CHANGE, '变更申请');
    await moveCase(tx, ctx, c, { action: approve ? 'approve' : 'reject', comment: comment ?? null });
    if (approve) {
      await repo.markApplied(tx, id);
    }
  });
  return getFollowUp({ db, actor: actorOf(ctx), id });
}

const presentPayload = (p: ChangePayload) => ({
  ...(p.endOn ? { endOn: p.endOn } : {}),
  ...(p.budgetLines ? { budgetLines: p.budgetLines.map((l) => ({ category: l.category, city: l.cityFen / 100, self: l.selfFen / 100, note: l.note ?? '' })) } : {}),
  ...(p.kpis ? { kpis: p.kpis } : {}),
});

// ── reading ──────────────────────────────────────────────────────────────────────────────────

/** One follow-up case (mid-term, acceptance or change) as the pages show it. */
export async function getFollowUp({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const c = await casesRepo.findCase(db, id);
  if (!c || ![MIDTERM, ACCEPTANCE, CHANGE].includes(c.instrument) || !inScope(actor, c)) {
    throw notFound('事项');
  }
  const def = instrumentOf(c.instrument);
  const base = { id: c.id, instrument: c.instrument, type: c.type, typeName: def.types[c.type] ?? c.type, status: c.status, statusName: statusName(def, c.status), dueOn: c.dueOn, title: c.title, panelScore: c.panelScore === null ? null : Number(c.panelScore), version: c.version };
  const events = (await casesRepo.listEvents(db, id)).map((e) => ({ action: e.action, toStatus: statusName(def, e.toStatus), comment: e.comment, actor: e.actorLabel, at: e.occurredAt.toISOString() }));
  if (c.instrument === MIDTERM) {
    const m = (await repo.findMidterm(db, id))!;
    return { ...base, projectId: m.projectCaseId, report: { progress: m.progress, summary: null, kpis: m.kpiProgress, spent: m.spentFen === null ? null : m.spentFen / 100 }, result: null, trancheOrderId: m.trancheOrderId, clawbackOrderId: null, change: null, events, evidence: [], proposal: null };
  }
  if (c.instrument === ACCEPTANCE) {
    const a = (await repo.findAcceptance(db, id))!;
    const plan = await effectivePlan(db, a.projectCaseId);
    const proposal = plan && REVIEWED.includes(c.status) ? await proposalFor(db, actor, id, plan) : null;
    const report = { progress: null, summary: a.summary, kpis: a.kpiActuals, spent: a.spentFen === null ? null : a.spentFen / 100 };
    return { ...base, projectId: a.projectCaseId, report, result: a.result, trancheOrderId: a.trancheOrderId, clawbackOrderId: a.clawbackOrderId, change: null, events, evidence: await evidenceFiles(db, id), proposal };
  }
  const ch = (await repo.findChange(db, id))!;
  const change = { kind: ch.kind, reason: ch.reason, requested: presentPayload(ch.requested), previous: presentPayload(ch.previous), applied: ch.appliedAt !== null };
  return { ...base, projectId: ch.projectCaseId, report: null, result: null, trancheOrderId: null, clawbackOrderId: null, change, events, evidence: [], proposal: null };
}

/** One evidence file of an acceptance case, for whoever reads the case. */
export async function readEvidence({ db, actor, id, attachmentId }: { db: Db; actor: Actor; id: number; attachmentId: number }) {
  const c = await casesRepo.findCase(db, id);
  if (!c || c.instrument !== ACCEPTANCE || !inScope(actor, c)) {
    throw notFound('佐证材料');
  }
  return evidenceFile(db, id, attachmentId);
}

export async function listProjects({ db, actor, query }: { db: Db; actor: Actor; query: { status?: string; year?: number; limit: number } }) {
  const scope = projectScope(actor);
  const rows = await repo.listProjectCases(db, { ...scope, statuses: query.status ? [query.status] : FOLLOWED_STATUSES, year: query.year, limit: query.limit });
  const f = await repo.followUps(db, rows.map((r) => r.id));
  const mid = instrumentOf(MIDTERM);
  const acc = instrumentOf(ACCEPTANCE);
  return {
    items: rows.map((r) => {
      const m = f.midterms.find((x) => x.projectCaseId === r.id);
      const a = f.acceptances.find((x) => x.projectCaseId === r.id);
      const changes = f.changes.filter((x) => x.projectCaseId === r.id);
      return {
        id: r.id,
        title: r.title,
        year: r.year,
        enterpriseName: r.enterpriseName ?? '',
        status: r.status,
        statusName: projectStatusName(r.status),
        midterm: m ? { id: m.id, status: m.status, statusName: statusName(mid, m.status), dueOn: m.caseDueOn ?? m.dueOn } : null,
        acceptance: a ? { id: a.id, status: a.status, statusName: statusName(acc, a.status), dueOn: a.caseDueOn } : null,
        changes: { total: changes.length, pending: changes.filter((x) => x.status === 'submitted').length, lastId: changes.at(-1)?.id ?? null },
      };
    }),
  };
}

/** A project as the follow-up pages show it: the plan in force, its follow-up cases, its payments and balances. */
export async function getProject({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const c = await casesRepo.findCase(db, id);
  if (!c || c.instrument !== PROGRAMMES || !inScope(actor, c)) {
    throw notFound('项目');
  }
  const plan = await effectivePlan(db, id);
  if (!plan) {
    throw notFound('项目');
  }
  const f = await repo.followUps(db, [id]);
  const followUps = await Promise.all([...f.midterms, ...f.acceptances, ...f.changes].map((x) => getFollowUp({ db, actor, id: x.id })));
  const bal = await balances(db, PROJECT_BOOK, { scope: id, kinds: ['committed', 'paid'] });
  const sum = (k: string) => bal.filter((b) => b.kind === k).reduce((s, b) => s + b.balanceFen, 0) / 100;
  return {
    id,
    title: plan.title,
    status: c.status,
    statusName: projectStatusName(c.status),
    enterprise: { id: plan.enterpriseId, name: plan.enterpriseName },
    programme: plan.programme,
    contractNo: plan.contractNo,
    approved: plan.approvedAmountFen / 100,
    committed: sum('committed'),
    paid: sum('paid'),
    startOn: plan.startOn,
    endOn: plan.endOn,
    kpis: plan.kpis,
    budgetLines: plan.budgetLines.map((l) => ({ category: l.category, city: l.cityFen / 100, self: l.selfFen / 100, note: l.note ?? '' })),
    changesApplied: plan.changes,
    followUps: followUps.sort((a, b) => a.id - b.id),
    payments: (await paymentsOfCase(db, id)).map((p) => ({ id: p.id, direction: p.direction, amount: p.amount, purpose: p.purpose, status: p.status, statusName: p.statusName, paidOn: p.paidOn })),
  };
}
