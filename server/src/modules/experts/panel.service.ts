import { randomInt } from 'node:crypto';
import type { Db, Executor, Tx } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { casesRepo, instrumentOf, lockCase, moveCase, panelReviewStatuses, typeName, type CaseRow, type InstrumentDef, type PanelConfig } from '../cases/index.js';
import { actorOf } from './experts.service.js';
import { assertCanDraw, assertCanReadPanel, assertIsExpert } from './experts.policy.js';
import * as repo from './experts.repo.js';
import { CATEGORY_NAMES, MEMBER_STATUS_NAMES, type DrawLogEntry, type ScoreInput } from './experts.schema.js';
import { conflictsOf, drawPanel, type PanelRules, type PoolExpert } from './panel.draw.js';
import { materialsOf } from './panel.materials.js';
import { checkScores, meanScore } from './scoring.js';

type StoredRules = PanelRules & { replaces?: number };

const poolEntry = (e: repo.ExpertRow, loads: Map<number, number>): PoolExpert => ({ id: e.id, category: e.category, fields: e.fields, active: e.active, load: loads.get(e.id) ?? 0 });

function panelOf(def: InstrumentDef): PanelConfig {
  if (!def.panel) {
    throw new AppError('invalid_state', `${def.name}不设专家评审环节`);
  }
  return def.panel;
}

/**
 * Experts excluded for the applicant: declared links (employer, shareholding, former employer,
 * relative) matched by enterprise, credit code or name, the expert's own organisation, and — from
 * the registry's shareholdings — a declared link to an enterprise that holds shares in the
 * applicant or in which the applicant holds shares.
 */
async function conflictsFor(tx: Executor, c: CaseRow, experts: repo.ExpertRow[], today: string): Promise<Map<number, string>> {
  if (c.enterpriseId === null) {
    return new Map();
  }
  const ent = await repo.findEnterprise(tx, c.enterpriseId);
  if (!ent) {
    throw notFound('申报企业');
  }
  const conflicts = conflictsOf(ent, await repo.linksMatching(tx, ent), experts, today);
  for (const l of await repo.linksToShareholdingNeighbours(tx, ent.id)) {
    if (!conflicts.has(l.expertId)) {
      conflicts.set(l.expertId, `关联单位“${l.companyName}”与申报企业存在股权关系（企业库股东信息）`);
    }
  }
  return conflicts;
}

function unsatisfiable(message: string, rule: string): AppError {
  return new AppError('panel_unsatisfiable', `无法组成评审专家组：${message}`, { rule });
}

/** Draws the panel of a case ready for expert review (city officer), and moves the case into review. */
export async function drawCasePanel(opts: { db: Db; ctx: RequestContext; caseId: number; instrument?: string; reason?: string; size?: number }) {
  const actor = actorOf(opts.ctx);
  assertCanDraw(actor);
  await opts.db.transaction(async (tx) => {
    await repo.lockDraws(tx);
    const app = await lockCase(tx, opts.ctx, opts.caseId, opts.instrument);
    const def = instrumentOf(app.instrument);
    const panel = panelOf(def);
    if (app.status !== panel.readyStatus) {
      throw new AppError('invalid_state', `只有“${def.statuses[panel.readyStatus]?.name ?? panel.readyStatus}”的申报才能抽取评审专家`);
    }
    const today = businessToday();
    if (!(await panel.required(tx, app))) {
      throw new AppError('invalid_state', `${typeName(def, app.type)}不设专家评审环节`);
    }
    const base = panel.rules(app.type);
    if (opts.size !== undefined && opts.size < base.size) {
      throw new AppError('validation_failed', `评审组不少于${base.size}人`, { fields: [{ field: 'size', message: `评审组不少于${base.size}人` }] });
    }
    const rules: PanelRules = { ...base, size: opts.size ?? base.size };
    const experts = await repo.allExperts(tx);
    const loads = await repo.loads(tx, panelReviewStatuses());
    const conflicts = await conflictsFor(tx, app, experts, today);
    const seed = randomInt(0, 2 ** 31 - 1);
    const result = drawPanel({ pool: experts.map((e) => poolEntry(e, loads)), conflicts, rules, seed, preferFields: await panel.preferFields(tx, app) });
    if (!result.ok) {
      throw unsatisfiable(result.message, result.rule);
    }
    const names = new Map(experts.map((e) => [e.id, e.name]));
    const draw = await repo.insertDraw(tx, {
      caseId: app.id,
      kind: 'draw',
      reason: opts.reason?.trim() || '随机抽取评审专家',
      seed: String(seed),
      rules,
      selected: result.selected.map((s) => ({ expertId: s.id, name: names.get(s.id) ?? '', category: s.category, fieldMatch: s.fieldMatch })),
      excluded: result.excluded.map((x) => ({ expertId: x.id, name: names.get(x.id) ?? '', reason: x.reason })),
      drawnBy: actor.userId,
    });
    const members = await repo.insertMembers(
      tx,
      result.selected.map((s) => ({ caseId: app.id, drawId: draw.id, expertId: s.id })),
    );
    await recordAudit(tx, opts.ctx, { action: 'panel.draw', objectType: def.objectType, objectId: app.id, after: { drawId: draw.id, seed, rules, members: members.map((m) => m.expertId) } });
    await moveCase(tx, opts.ctx, app, { action: panel.drawAction, comment: `抽取评审专家${members.length}名` });
  });
  return getPanel({ db: opts.db, actor, caseId: opts.caseId, instrument: opts.instrument });
}

/** Replaces one live, unscored member with a fresh draw from the rest of the pool (city officer); the reason is logged. */
export async function redrawMember(opts: { db: Db; ctx: RequestContext; caseId: number; instrument?: string; expertId: number; reason: string }) {
  const actor = actorOf(opts.ctx);
  assertCanDraw(actor);
  await opts.db.transaction(async (tx) => {
    await repo.lockDraws(tx);
    const app = await lockCase(tx, opts.ctx, opts.caseId, opts.instrument);
    const def = instrumentOf(app.instrument);
    const panel = panelOf(def);
    if (app.status !== panel.reviewStatus) {
      throw new AppError('invalid_state', '只有专家评审中的申报才能替换评审专家');
    }
    const members = await repo.lockMembers(tx, app.id);
    const target = members.find((m) => m.expertId === opts.expertId && m.status !== 'replaced');
    if (!target) {
      throw new AppError('validation_failed', '该专家不在本评审组中', { fields: [{ field: 'expertId', message: '该专家不在本评审组中' }] });
    }
    if (target.status === 'scored') {
      throw new AppError('invalid_state', '该专家已评分，不能替换');
    }
    const draws = await repo.listDraws(tx, app.id);
    const first = draws.find((d) => d.d.kind === 'draw');
    const stored = (first?.d.rules ?? panel.rules(app.type)) as StoredRules;
    const rules: PanelRules = { size: stored.size, minTechnicalRatio: stored.minTechnicalRatio, minFinance: stored.minFinance, loadCap: stored.loadCap };
    const experts = await repo.allExperts(tx);
    const byId = new Map(experts.map((e) => [e.id, e]));
    const loads = await repo.loads(tx, panelReviewStatuses());
    const keep = members.filter((m) => m.status !== 'replaced' && m.id !== target.id).map((m) => poolEntry(byId.get(m.expertId)!, loads));
    // nobody who has sat on this panel before is drawn again
    const barred = new Map(members.map((m) => [m.expertId, m.id === target.id ? `replaced: ${opts.reason}` : 'replaced earlier'] as const));
    const conflicts = await conflictsFor(tx, app, experts, businessToday());
    const seed = randomInt(0, 2 ** 31 - 1);
    const result = drawPanel({ pool: experts.map((e) => poolEntry(e, loads)), conflicts, rules, seed, preferFields: await panel.preferFields(tx, app), keep, barred });
    if (!result.ok) {
      throw unsatisfiable(result.message, result.rule);
    }
    if (!(await repo.updateMember(tx, target.id, target.status, { status: 'replaced' }))) {
      throw new AppError('version_conflict', '评审组已被他人更新，请刷新后重试');
    }
    const draw = await repo.insertDraw(tx, {
      caseId: app.id,
      kind: 'redraw',
      reason: opts.reason,
      seed: String(seed),
      rules: { ...rules, replaces: target.expertId } satisfies StoredRules,
      selected: result.selected.map((s) => ({ expertId: s.id, name: byId.get(s.id)?.name ?? '', category: s.category, fieldMatch: s.fieldMatch })),
      excluded: result.excluded.map((x) => ({ expertId: x.id, name: byId.get(x.id)?.name ?? '', reason: x.reason })),
      drawnBy: actor.userId,
    });
    const added = await repo.insertMembers(
      tx,
      result.selected.map((s) => ({ caseId: app.id, drawId: draw.id, expertId: s.id })),
    );
    await recordAudit(tx, opts.ctx, {
      action: 'panel.redraw',
      objectType: def.objectType,
      objectId: app.id,
      before: { expertId: target.expertId, status: target.status },
      after: { drawId: draw.id, seed, reason: opts.reason, added: added.map((m) => m.expertId) },
    });
  });
  return getPanel({ db: opts.db, actor, caseId: opts.caseId, instrument: opts.instrument });
}

const num = (v: string | null) => (v === null ? null : Number(v));

function presentMember(r: { m: repo.MemberRow; e: repo.ExpertRow }) {
  return {
    id: r.m.id,
    expertId: r.e.id,
    name: r.e.name,
    organization: r.e.organization,
    title: r.e.title,
    category: r.e.category,
    categoryName: CATEGORY_NAMES[r.e.category],
    status: r.m.status,
    statusName: MEMBER_STATUS_NAMES[r.m.status],
    declaredAt: r.m.declaredAt,
    conflictNote: r.m.conflictNote,
    scores: (r.m.scores as Record<string, number> | null) ?? null,
    total: num(r.m.total),
    comment: r.m.comment,
    scoredAt: r.m.scoredAt,
  };
}

function presentDraw(r: { d: repo.DrawRow; drawnByName: string | null }): DrawLogEntry {
  const rules = r.d.rules as StoredRules;
  return {
    id: r.d.id,
    kind: r.d.kind,
    reason: r.d.reason,
    seed: r.d.seed,
    rules: { size: rules.size, minTechnicalRatio: rules.minTechnicalRatio, minFinance: rules.minFinance, loadCap: rules.loadCap },
    selected: r.d.selected as DrawLogEntry['selected'],
    excluded: r.d.excluded as DrawLogEntry['excluded'],
    replacedExpertId: rules.replaces ?? null,
    drawnBy: r.d.drawnBy,
    drawnByName: r.drawnByName,
    drawnAt: r.d.drawnAt,
  };
}

/** The panel of an application: members with their status and scores, and every draw with its reason. */
export async function getPanel(opts: { db: Db; actor: Actor; caseId: number; instrument?: string }) {
  assertCanReadPanel(opts.actor);
  const app = await casesRepo.findCase(opts.db, opts.caseId);
  if (!app || (opts.instrument !== undefined && app.instrument !== opts.instrument)) {
    throw notFound('申报');
  }
  const def = instrumentOf(app.instrument);
  const labels = await casesRepo.caseLabels(opts.db, [app.id]);
  const [members, draws] = await Promise.all([repo.listMembers(opts.db, app.id), repo.listDraws(opts.db, app.id)]);
  const first = draws.find((d) => d.d.kind === 'draw');
  const rules = (first?.d.rules as StoredRules | undefined) ?? panelOf(def).rules(app.type);
  return {
    applicationId: app.id,
    applicationStatus: app.status,
    type: app.type,
    enterpriseName: labels.get(app.id)?.applicantName ?? '',
    rules: { size: rules.size, minTechnicalRatio: rules.minTechnicalRatio, minFinance: rules.minFinance, loadCap: rules.loadCap },
    panelScore: num(app.panelScore),
    members: members.map(presentMember),
    draws: draws.map(presentDraw),
  };
}

// ── the expert's own workspace ────────────────────────────────────────────────────────────────

export async function listAssignments(opts: { db: Db; actor: Actor }) {
  assertIsExpert(opts.actor);
  const rows = await repo.listOwnAssignments(opts.db, opts.actor.userId);
  return {
    items: rows.map((r) => ({
      memberId: r.m.id,
      applicationId: r.app.id,
      instrument: r.app.instrument,
      type: r.app.type,
      typeName: typeName(instrumentOf(r.app.instrument), r.app.type),
      year: r.app.year,
      enterpriseName: r.enterpriseName ?? '',
      enterpriseUscc: r.enterpriseUscc ?? '',
      applicationStatus: r.app.status,
      status: r.m.status,
      statusName: MEMBER_STATUS_NAMES[r.m.status],
      live: r.app.status === instrumentOf(r.app.instrument).panel?.reviewStatus && (r.m.status === 'assigned' || r.m.status === 'accepted'),
      dueOn: r.app.dueOn,
      declaredAt: r.m.declaredAt,
      total: num(r.m.total),
      scoredAt: r.m.scoredAt,
    })),
  };
}

async function ownSeat(db: Executor, actor: Actor, memberId: number) {
  assertIsExpert(actor);
  const seat = await repo.findOwnMember(db, memberId, actor.userId);
  if (!seat) {
    throw notFound('评审任务');
  }
  return seat;
}

/** The expert declares, before anything else, whether it has a conflict of interest with the applicant. */
export async function declare(opts: { db: Db; ctx: RequestContext; memberId: number; noConflict: boolean; note?: string }) {
  const actor = actorOf(opts.ctx);
  await opts.db.transaction(async (tx) => {
    const seat = await ownSeat(tx, actor, opts.memberId);
    const app = await lockCase(tx, opts.ctx, seat.m.caseId);
    if (app.status !== instrumentOf(app.instrument).panel?.reviewStatus) {
      throw new AppError('invalid_state', '该申报已不在专家评审阶段');
    }
    if (seat.m.status !== 'assigned') {
      throw new AppError('invalid_state', '您已就该申报作出声明');
    }
    const status = opts.noConflict ? 'accepted' : 'conflict';
    const saved = await repo.updateMember(tx, seat.m.id, 'assigned', { status, declaredAt: new Date(), conflictNote: opts.noConflict ? (opts.note ?? null) : (opts.note ?? '') });
    if (!saved) {
      throw new AppError('version_conflict', '您已就该申报作出声明');
    }
    await recordAudit(tx, opts.ctx, {
      action: opts.noConflict ? 'panel.declare_no_conflict' : 'panel.declare_conflict',
      objectType: 'panel_member',
      objectId: seat.m.id,
      before: { status: 'assigned' },
      after: { status, applicationId: app.id, note: opts.note ?? null },
    });
  });
  return caseOrStatus(opts.db, actor, opts.memberId);
}

async function caseOrStatus(db: Db, actor: Actor, memberId: number) {
  const seat = await ownSeat(db, actor, memberId);
  return { memberId: seat.m.id, status: seat.m.status, statusName: MEMBER_STATUS_NAMES[seat.m.status] };
}

async function sheetOf(db: Executor, c: CaseRow) {
  return panelOf(instrumentOf(c.instrument)).scoreSheet(db, c);
}

/** The case an expert reviews (only after declaring no conflict): the application and the engine's bands. */
export async function getCase(opts: { db: Db; actor: Actor; memberId: number }) {
  const seat = await ownSeat(opts.db, opts.actor, opts.memberId);
  if (seat.m.status === 'assigned') {
    throw new AppError('conflict_not_declared', '请先声明与申报企业不存在利益冲突，再查看申报材料');
  }
  if (seat.m.status === 'conflict') {
    throw forbidden('您已申报存在利益冲突，不能查看该申报材料');
  }
  const app = await casesRepo.findCase(opts.db, seat.m.caseId);
  const ent = app?.enterpriseId ? await repo.findEnterprise(opts.db, app.enterpriseId) : null;
  if (!app || !ent) {
    throw notFound('申报');
  }
  const def = instrumentOf(app.instrument);
  const panel = panelOf(def);
  const [sheet, view, materials] = await Promise.all([panel.scoreSheet(opts.db, app), panel.expertView(opts.db, app), materialsOf(opts.db, seat.m, app)]);
  return {
    memberId: seat.m.id,
    status: seat.m.status,
    statusName: MEMBER_STATUS_NAMES[seat.m.status],
    application: { id: app.id, type: app.type, typeName: typeName(def, app.type), year: app.year, status: app.status, applicationDate: view.applicationDate, dueOn: app.dueOn, data: view.data },
    enterprise: ent,
    materials,
    assessment: sheet.assessment,
    scoring: { mode: sheet.mode as 'hnte' | 'items' | 'total', items: sheet.items, maxTotal: sheet.maxTotal },
    myScore: { scores: (seat.m.scores as Record<string, number> | null) ?? null, total: num(seat.m.total), comment: seat.m.comment, scoredAt: seat.m.scoredAt },
  };
}

/**
 * Records an expert's scores (hnte: each item within the band the engine computes on the
 * application's data; other types: a total 0–100 and a comment). When every live member has
 * scored, the panel score (mean of the totals) is set, hnte is re-assessed with it, and the
 * application moves to 'scored' — in the same transaction.
 */
export async function score(opts: { db: Db; ctx: RequestContext; memberId: number; input: ScoreInput }) {
  const actor = actorOf(opts.ctx);
  await opts.db.transaction(async (tx) => {
    const seat = await ownSeat(tx, actor, opts.memberId);
    const app = await lockCase(tx, opts.ctx, seat.m.caseId);
    const panel = panelOf(instrumentOf(app.instrument));
    const members = await repo.lockMembers(tx, app.id);
    const me = members.find((m) => m.id === seat.m.id)!;
    if (me.status === 'assigned') {
      throw new AppError('conflict_not_declared', '请先声明与申报企业不存在利益冲突，再评分');
    }
    if (app.status !== panel.reviewStatus) {
      throw new AppError('invalid_state', '该申报已不在专家评审阶段');
    }
    if (me.status === 'conflict') {
      throw forbidden('您已申报存在利益冲突，不能评分');
    }
    if (me.status !== 'accepted') {
      throw new AppError('invalid_state', '您已提交评分，不能重复评分');
    }
    const checked = checkScores(await sheetOf(tx, app), opts.input);
    const saved = await repo.updateMember(tx, me.id, 'accepted', {
      status: 'scored',
      scores: checked.scores,
      total: checked.total.toFixed(2),
      comment: opts.input.comment || null,
      scoredAt: new Date(),
    });
    if (!saved) {
      throw new AppError('version_conflict', '评分已提交，请刷新');
    }
    await recordAudit(tx, opts.ctx, { action: 'panel.score', objectType: 'panel_member', objectId: me.id, before: { status: 'accepted' }, after: { caseId: app.id, scores: checked.scores, total: checked.total, comment: opts.input.comment ?? null } });
    const live = members.map((m) => (m.id === me.id ? saved : m)).filter((m) => m.status !== 'replaced');
    if (live.every((m) => m.status === 'scored')) {
      await closePanel(tx, opts.ctx, app, panel, meanScore(live.map((m) => Number(m.total))));
    }
  });
  return getCase({ db: opts.db, actor, memberId: opts.memberId });
}

/** After the last live score: the instrument's own work with the mean, then the case moves on (signed by the panel, not a person). */
async function closePanel(tx: Tx, ctx: RequestContext, app: CaseRow, panel: PanelConfig, mean: number): Promise<void> {
  await panel.onScored?.(tx, app, mean);
  await moveCase(tx, ctx, app, { action: panel.scoredAction, bySystem: true, comment: `专家评审平均分 ${mean.toFixed(2)}`, set: { panelScore: mean.toFixed(2) } });
}
