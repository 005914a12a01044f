import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, fieldError, notFound, type FieldIssue } from '../../http/errors.js';
import { businessToday, chinaDate } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { evaluateHnte } from './hnte.engine.js';
import type { RuleSetSeed } from './rules.data.js';
import { CRITERIA_TYPES, criteriaSpec, hnteParams, RULE_SET_NAMES, techSmeParams, type CriteriaType, type RuleSetType } from './rules.params.js';
import { assertCanEditRules } from './rules.policy.js';
import * as repo from './rules.repo.js';
import type { HnteInput, TechSmeInput } from './rules.schema.js';
import { evaluateTechSme } from './techsme.engine.js';

const PARAMS = { hnte: hnteParams, tech_sme: techSmeParams } as const;

/**
 * The business date in China time (UTC+8, no DST): without an argument today's business date
 * (lib/clock.ts businessToday), with one the China-time date of that instant.
 */
export function chinaToday(at?: Date): string {
  return at === undefined ? businessToday() : chinaDate(at);
}

function issuesOf(err: z.ZodError, prefix: string): FieldIssue[] {
  return err.issues.map((i) => ({ field: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
}

async function firstRuleSet(db: Executor, type: RuleSetType): Promise<repo.RuleSetRow | null> {
  const versions = (await repo.listRuleSets(db)).filter((r) => r.type === type);
  return versions.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0] ?? null;
}

async function ruleSetFor<T extends RuleSetType>(db: Executor, type: T, on: string, field: string): Promise<RuleSetSeed<z.infer<(typeof PARAMS)[T]>>> {
  // The S&T SME method the platform holds dates from 2017-05-03, the demo runs in 2016 (the
  // provincial criteria of then are not in the platform): a day before its first version is
  // judged by that version, which the answer names (ruleSet.effectiveFrom). hnte stays strict.
  const row = (await repo.ruleSetInForce(db, type, on)) ?? (type === 'tech_sme' ? await firstRuleSet(db, type) : null);
  if (!row) {
    throw fieldError(field, `${on} 没有生效的${RULE_SET_NAMES[type]}规则（平台收录的规则自其生效日起适用）`);
  }
  const params = PARAMS[type].safeParse(row.params);
  if (!params.success) {
    throw new AppError('internal', `${RULE_SET_NAMES[type]}规则数据损坏，请联系管理员`);
  }
  return { type, effectiveFrom: row.effectiveFrom, title: row.title, source: row.source, params: params.data as z.infer<(typeof PARAMS)[T]> };
}

/** Public self-assessment against the hnte rules in force on the application date. */
export async function assessHnte(opts: { db: Executor; input: HnteInput }) {
  const ruleSet = await ruleSetFor(opts.db, 'hnte', opts.input.applicationDate, 'applicationDate');
  return evaluateHnte(opts.input, ruleSet);
}

/** Public self-assessment against the S&T SME method in force on the evaluation date (default: today's business date). */
export async function assessTechSme(opts: { db: Executor; input: TechSmeInput }) {
  const on = opts.input.evaluationDate ?? chinaToday();
  const ruleSet = await ruleSetFor(opts.db, 'tech_sme', on, 'evaluationDate');
  return evaluateTechSme(opts.input, ruleSet);
}

const presentRuleSet = (r: repo.RuleSetRow) => ({
  type: r.type as RuleSetType,
  effectiveFrom: r.effectiveFrom,
  title: r.title,
  source: r.source,
  params: r.params as Record<string, unknown>,
  updatedAt: r.updatedAt.toISOString(),
});

export async function listRuleSets(opts: { db: Executor }) {
  return { items: (await repo.listRuleSets(opts.db)).map(presentRuleSet) };
}

/** Adds or replaces the rule-set version of a type effective from a date (city officer), audited. */
export async function saveRuleSet(opts: { db: Db; ctx: RequestContext; type: RuleSetType; effectiveFrom: string; title: string; source: string; params: unknown }) {
  const actor = opts.ctx.actor;
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  assertCanEditRules(actor);
  const parsed = PARAMS[opts.type].safeParse(opts.params);
  if (!parsed.success) {
    const fields = issuesOf(parsed.error, 'params');
    throw new AppError('validation_failed', `规则参数有误：${fields[0].field} ${fields[0].message}`, { fields });
  }
  return opts.db.transaction(async (tx) => {
    const before = await repo.findRuleSet(tx, opts.type, opts.effectiveFrom);
    const saved = await repo.upsertRuleSet(tx, {
      type: opts.type,
      effectiveFrom: opts.effectiveFrom,
      title: opts.title,
      source: opts.source,
      params: parsed.data,
      updatedBy: actor.userId,
    });
    await recordAudit(tx, opts.ctx, {
      action: before ? 'rules.rule_set.update' : 'rules.rule_set.create',
      objectType: 'rule_set',
      objectId: `${opts.type}@${opts.effectiveFrom}`,
      before: before ? presentRuleSet(before) : null,
      after: presentRuleSet(saved),
    });
    return presentRuleSet(saved);
  });
}

const presentCriteria = (r: repo.CriteriaRow) => ({
  type: r.type as CriteriaType,
  effectiveFrom: r.effectiveFrom,
  spec: criteriaSpec.parse(r.spec),
  updatedAt: r.updatedAt.toISOString(),
});

/** The criteria in force on a date (default today), one per recognition type. */
export async function criteriaInForce(opts: { db: Executor; on?: string }) {
  const on = opts.on ?? chinaToday();
  const rows = await repo.listCriteria(opts.db);
  const items = CRITERIA_TYPES.map((t) => rows.filter((r) => r.type === t && r.effectiveFrom <= on).at(-1)).filter((r): r is repo.CriteriaRow => !!r);
  return { items: items.map(presentCriteria) };
}

export async function criteriaVersions(opts: { db: Executor; type: CriteriaType }) {
  return { items: (await repo.listCriteria(opts.db, opts.type)).map(presentCriteria) };
}

export async function getCriteria(opts: { db: Executor; type: CriteriaType; effectiveFrom: string }) {
  const row = await repo.findCriteria(opts.db, opts.type, opts.effectiveFrom);
  if (!row) {
    throw notFound('认定条件版本');
  }
  return presentCriteria(row);
}

/** Adds or replaces a criteria version (city officer), audited. The spec is validated by the route. */
export async function saveCriteria(opts: { db: Db; ctx: RequestContext; type: CriteriaType; effectiveFrom: string; spec: z.infer<typeof criteriaSpec> }) {
  const actor = opts.ctx.actor;
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  assertCanEditRules(actor);
  return opts.db.transaction(async (tx) => {
    const before = await repo.findCriteria(tx, opts.type, opts.effectiveFrom);
    const saved = await repo.upsertCriteria(tx, { type: opts.type, effectiveFrom: opts.effectiveFrom, spec: opts.spec, updatedBy: actor.userId });
    await recordAudit(tx, opts.ctx, {
      action: before ? 'rules.criteria.update' : 'rules.criteria.create',
      objectType: 'recognition_criteria',
      objectId: `${opts.type}@${opts.effectiveFrom}`,
      before: before ? presentCriteria(before) : null,
      after: presentCriteria(saved),
    });
    return presentCriteria(saved);
  });
}
