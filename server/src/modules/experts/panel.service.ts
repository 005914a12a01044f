import { randomInt } from 'node:crypto';
import type { Db, Executor } from '../../db/client.js';
import type { RecognitionType } from '../../db/schema/index.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { TYPE_NAMES } from '../recognitions/recognitions.status.js';
import { lockApplication, moveApplication, type ApplicationRow } from '../recognitions/workflow.js';
import { criteriaInForce, type CriteriaType } from '../rules/index.js';
import { chinaToday } from '../rules/rules.service.js';
import { actorOf } from './experts.service.js';
import { assertCanDraw, assertCanReadPanel, assertIsExpert } from './experts.policy.js';
import * as repo from './experts.repo.js';
import { CATEGORY_NAMES, MEMBER_STATUS_NAMES, type DrawLogEntry, type ScoreInput } from './experts.schema.js';
import { conflictsOf, drawPanel, panelRulesFor, type PanelRules, type PoolExpert } from './panel.draw.js';
import { assessApplication, checkScores, hnteItems, meanScore, panelAssessment, TOTAL_ITEM } from './scoring.js';

type StoredRules = PanelRules & { replaces?: number };

/** Whether the application's type is reviewed by an expert panel: hnte always, tech SME never, the others by their criteria. */
export async function hasExpertReview(db: Executor, type: RecognitionType, on: string): Promise<boolean> {
  if (type === 'hnte') {
    return true;
  }
  if (type === 'tech_sme') {
    return false;
  }
  const criteriaType = (type === 'research_institute_provincial_key' ? 'research_institute_provincial' : type) as CriteriaType;
  const find = async (date: string) => (await criteriaInForce({ db, on: date })).items.find((i) => i.type === criteriaType);
  const spec = (await find(on)) ?? (await find('9999-12-31'));
  return !!spec?.spec.reviewerLevels.includes('expert');
}

const poolEntry = (e: repo.ExpertRow, loads: Map<number, number>): PoolExpert => ({ id: e.id, category: e.category, fields: e.fields, active: e.active, load: loads.get(e.id) ?? 0 });

/** The application's domain and industry: experts of these fields are preferred. */
function preferredFields(app: ApplicationRow, industry: string): string[] {
  const profile = (app.data && typeof app.data === 'object' ? (app.data as { profile?: { domain?: unknown } }).profile : undefined) ?? {};
  return [typeof profile.domain === 'string' ? profile.domain : null, industry].filter((f): f is string => !!f);
}

function unsatisfiable(message: string, rule: string): AppError {
  return new AppError('panel_unsatisfiable', `无法组成评审专家组：${message}`, { rule });
}

/** Draws the panel of an application that passed the city review (city officer), and moves it to expert review. */
export async function drawApplicationPanel(opts: { db: Db; ctx: RequestContext; applicationId: number; reason?: string; size?: number }) {
  const actor = actorOf(opts.ctx);
  assertCanDraw(actor);
  await opts.db.transaction(async (tx) => {
    await repo.lockDraws(tx);
    const app = await lockApplication(tx, opts.ctx, opts.applicationId);
    if (app.status !== 'city_passed') {
      throw new AppError('invalid_state', '只有市级审核通过的申报才能抽取评审专家');
    }
    const today = chinaToday();
    if (!(await hasExpertReview(tx, app.type, app.applicationDate ?? today))) {
      throw new AppError('invalid_state', `${TYPE_NAMES[app.type]}不设专家评审环节`);
    }
    const ent = await repo.findEnterprise(tx, app.enterpriseId);
    if (!ent) {
      throw notFound('申报企业');
    }
    const base = panelRulesFor(app.type);
    if (opts.size !== undefined && opts.size < base.size) {
      throw new AppError('validation_failed', `评审组不少于${base.size}人`, { fields: [{ field: 'size', message: `评审组不少于${base.size}人` }] });
    }
    const rules: PanelRules = { ...base, size: opts.size ?? base.size };
    const experts = await repo.allExperts(tx);
    const loads = await repo.loads(tx);
    const conflicts = conflictsOf(ent, await repo.linksMatching(tx, ent), experts, today);
    const seed = randomInt(0, 2 ** 31 - 1);
    const result = drawPanel({ pool: experts.map((e) => poolEntry(e, loads)), conflicts, rules, seed, preferFields: preferredFields(app, ent.industry) });
    if (!result.ok) {
      throw unsatisfiable(result.message, result.rule);
    }
    const names = new Map(experts.map((e) => [e.id, e.name]));
    const draw = await repo.insertDraw(tx, {
      applicationId: app.id,
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
      result.selected.map((s) => ({ applicationId: app.id, drawId: draw.id, expertId: s.id })),
    );
    await recordAudit(tx, opts.ctx, { action: 'panel.draw', objectType: 'recognition_application', objectId: app.id, after: { drawId: draw.id, seed, rules, members: members.map((m) => m.expertId) } });
    await moveApplication(tx, opts.ctx, app, { action: 'draw_panel', comment: `抽取评审专家${members.length}名` });
  });
  return getPanel({ db: opts.db, actor, applicationId: opts.applicationId });
}

/** Replaces one live, unscored member with a fresh draw from the rest of the pool (city officer); the reason is logged. */
export async function redrawMember(opts: { db: Db; ctx: RequestContext; applicationId: number; expertId: number; reason: string }) {
  const actor = actorOf(opts.ctx);
  assertCanDraw(actor);
  await opts.db.transaction(async (tx) => {
    await repo.lockDraws(tx);
    const app = await lockApplication(tx, opts.ctx, opts.applicationId);
    if (app.status !== 'expert_review') {
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
    const stored = (first?.d.rules ?? panelRulesFor(app.type)) as StoredRules;
    const rules: PanelRules = { size: stored.size, minTechnicalRatio: stored.minTechnicalRatio, minFinance: stored.minFinance, loadCap: stored.loadCap };
    const ent = await repo.findEnterprise(tx, app.enterpriseId);
    if (!ent) {
      throw notFound('申报企业');
    }
    const experts = await repo.allExperts(tx);
    const byId = new Map(experts.map((e) => [e.id, e]));
    const loads = await repo.loads(tx);
    const keep = members.filter((m) => m.status !== 'replaced' && m.id !== target.id).map((m) => poolEntry(byId.get(m.expertId)!, loads));
    // nobody who has sat on this panel before is drawn again
    const barred = new Map(members.map((m) => [m.expertId, m.id === target.id ? `replaced: ${opts.reason}` : 'replaced earlier'] as const));
    const conflicts = conflictsOf(ent, await repo.linksMatching(tx, ent), experts, chinaToday());
    const seed = randomInt(0, 2 ** 31 - 1);
    const result = drawPanel({ pool: experts.map((e) => poolEntry(e, loads)), conflicts, rules, seed, preferFields: preferredFields(app, ent.industry), keep, barred });
    if (!result.ok) {
      throw unsatisfiable(result.message, result.rule);
    }
    if (!(await repo.updateMember(tx, target.id, target.status, { status: 'replaced' }))) {
      throw new AppError('version_conflict', '评审组已被他人更新，请刷新后重试');
    }
    const draw = await repo.insertDraw(tx, {
      applicationId: app.id,
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
      result.selected.map((s) => ({ applicationId: app.id, drawId: draw.id, expertId: s.id })),
    );
    await recordAudit(tx, opts.ctx, {
      action: 'panel.redraw',
      objectType: 'recognition_application',
      objectId: app.id,
      before: { expertId: target.expertId, status: target.status },
      after: { drawId: draw.id, seed, reason: opts.reason, added: added.map((m) => m.expertId) },
    });
  });
  return getPanel({ db: opts.db, actor, applicationId: opts.applicationId });
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
export async function getPanel(opts: { db: Db; actor: Actor; applicationId: number }) {
  assertCanReadPanel(opts.actor);
  const app = await repo.findApplication(opts.db, opts.applicationId);
  if (!app) {
    throw notFound('申报');
  }
  const ent = await repo.findEnterprise(opts.db, app.enterpriseId);
  const [members, draws] = await Promise.all([repo.listMembers(opts.db, app.id), repo.listDraws(opts.db, app.id)]);
  const first = draws.find((d) => d.d.kind === 'draw');
  const rules = (first?.d.rules as StoredRules | undefined) ?? panelRulesFor(app.type);
  return {
    applicationId: app.id,
    applicationStatus: app.status,
    type: app.type,
    enterpriseName: ent?.name ?? '',
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
      type: r.app.type,
      typeName: TYPE_NAMES[r.app.type],
      year: r.app.year,
      enterpriseName: r.enterpriseName,
      enterpriseUscc: r.enterpriseUscc,
      applicationStatus: r.app.status,
      status: r.m.status,
      statusName: MEMBER_STATUS_NAMES[r.m.status],
      live: r.app.status === 'expert_review' && (r.m.status === 'assigned' || r.m.status === 'accepted'),
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
    const app = await lockApplication(tx, opts.ctx, seat.m.applicationId);
    if (app.status !== 'expert_review') {
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

async function scoringOf(db: Executor, app: ApplicationRow) {
  if (app.type === 'hnte') {
    const assessment = await assessApplication(db, app);
    return { assessment, mode: 'hnte' as const, items: hnteItems(assessment), maxTotal: 100 };
  }
  return { assessment: app.assessment ?? null, mode: 'total' as const, items: [TOTAL_ITEM], maxTotal: 100 };
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
  const app = await repo.findApplication(opts.db, seat.m.applicationId);
  const ent = app ? await repo.findEnterprise(opts.db, app.enterpriseId) : null;
  if (!app || !ent) {
    throw notFound('申报');
  }
  const scoring = await scoringOf(opts.db, app);
  return {
    memberId: seat.m.id,
    status: seat.m.status,
    statusName: MEMBER_STATUS_NAMES[seat.m.status],
    application: { id: app.id, type: app.type, typeName: TYPE_NAMES[app.type], year: app.year, status: app.status, applicationDate: app.applicationDate, dueOn: app.dueOn, data: app.data },
    enterprise: ent,
    assessment: scoring.assessment,
    scoring: { mode: scoring.mode, items: scoring.items, maxTotal: scoring.maxTotal },
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
    const app = await lockApplication(tx, opts.ctx, seat.m.applicationId);
    const members = await repo.lockMembers(tx, app.id);
    const me = members.find((m) => m.id === seat.m.id)!;
    if (me.status === 'assigned') {
      throw new AppError('conflict_not_declared', '请先声明与申报企业不存在利益冲突，再评分');
    }
    if (app.status !== 'expert_review') {
      throw new AppError('invalid_state', '该申报已不在专家评审阶段');
    }
    if (me.status === 'conflict') {
      throw forbidden('您已申报存在利益冲突，不能评分');
    }
    if (me.status !== 'accepted') {
      throw new AppError('invalid_state', '您已提交评分，不能重复评分');
    }
    const { mode, items } = await scoringOf(tx, app);
    const checked = checkScores(mode, items, opts.input);
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
    await recordAudit(tx, opts.ctx, { action: 'panel.score', objectType: 'panel_member', objectId: me.id, before: { status: 'accepted' }, after: { applicationId: app.id, scores: checked.scores, total: checked.total, comment: opts.input.comment ?? null } });
    const live = members.map((m) => (m.id === me.id ? saved : m)).filter((m) => m.status !== 'replaced');
    if (live.every((m) => m.status === 'scored')) {
      const mean = meanScore(live.map((m) => Number(m.total)));
      const assessment = app.type === 'hnte' ? await panelAssessment(tx, app, mean) : app.assessment;
      await moveApplication(tx, opts.ctx, app, { action: 'panel_scored', bySystem: true, comment: `专家评审平均分 ${mean.toFixed(2)}`, set: { panelScore: mean.toFixed(2), assessment } });
    }
  });
  return getCase({ db: opts.db, actor, memberId: opts.memberId });
}
