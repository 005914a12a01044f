import type { z } from 'zod';
import type { Db, Executor, Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { actorOf, hasRole } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { insertCallRow, presentCall, type CallRow } from '../cases/index.js';
import { balances, postMovement } from '../ledger/index.js';
import { PROJECT_BOOK } from './book.js';
import { PROJECT_TYPES } from './instrument.js';
import * as repo from './programmes.repo.js';
import type * as s from './programmes.schema.js';

export const SELECTION_NAMES: Record<string, string> = { designed: '主动设计（定向邀请）', district: '依托区县推荐', open: '自由申报' };

/** The default score sheet of a programme (items and their maxima sum to 100). */
export const DEFAULT_SCORE_ITEMS = [
  { code: 'innovation', label: '技术创新性与先进性', max: 30 },
  { code: 'feasibility', label: '技术方案可行性', max: 20 },
  { code: 'team', label: '承担单位基础与团队', max: 15 },
  { code: 'budget', label: '经费预算合理性', max: 15 },
  { code: 'benefit', label: '预期经济社会效益', max: 20 },
];

export function assertCityOfficer(ctx: RequestContext, what: string) {
  const actor = actorOf(ctx);
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden(`仅市科委业务处室可${what}`);
  }
  return actor;
}

const toYuan = (fen: number) => fen / 100;
const toFen = (yuan: number) => Math.round(yuan * 100);

async function presentProgrammes(db: Executor, rows: repo.ProgrammeRow[]) {
  const years = await repo.yearsOf(
    db,
    rows.map((r) => r.id),
  );
  const available = new Map((await balances(db, PROJECT_BOOK, { kinds: ['budget'] })).map((b) => [b.scope, b.balanceFen]));
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    type: p.type,
    typeName: PROJECT_TYPES[p.type as keyof typeof PROJECT_TYPES] ?? p.type,
    selection: p.selection,
    selectionName: SELECTION_NAMES[p.selection] ?? p.selection,
    description: p.description,
    trancheSplit: p.trancheSplit,
    scoreItems: p.scoreItems,
    years: years
      .filter((y) => y.programmeId === p.id)
      .map((y) => {
        const left = available.get(y.id) ?? 0;
        return { id: y.id, year: y.year, budget: toYuan(y.budgetFen), available: toYuan(left), committed: toYuan(y.budgetFen - left) };
      }),
  }));
}

export async function listProgrammes(db: Executor) {
  return { items: await presentProgrammes(db, await repo.listProgrammes(db)) };
}

export async function getProgramme(db: Executor, id: number) {
  const row = await repo.findProgramme(db, id);
  if (!row) {
    throw notFound('计划类别');
  }
  return (await presentProgrammes(db, [row]))[0];
}

export async function createProgramme(opts: { db: Db; ctx: RequestContext; input: z.infer<typeof s.createProgrammeBody> }) {
  assertCityOfficer(opts.ctx, '设立计划类别');
  const i = opts.input;
  return opts.db.transaction(async (tx) => {
    const row = await repo.insertProgramme(tx, {
      code: i.code,
      name: i.name,
      type: i.type,
      selection: i.selection,
      description: i.description ?? null,
      trancheSplit: i.trancheSplit ?? [50, 30, 20],
      scoreItems: i.scoreItems ?? DEFAULT_SCORE_ITEMS,
    });
    if (!row) {
      throw fieldError('code', `计划代码 ${i.code} 已存在`, 'conflict');
    }
    await recordAudit(tx, opts.ctx, { action: 'programme.create', objectType: 'programme', objectId: row.id, after: row });
    return (await presentProgrammes(tx, [row]))[0];
  });
}

/** Sets a programme's budget of a year and appropriates it on the project book (once per programme-year). */
export async function appropriateYear(tx: Tx, ctx: RequestContext, programmeId: number, year: number, budgetFen: number): Promise<repo.ProgrammeYearRow> {
  const py = await repo.insertYear(tx, { programmeId, year, budgetFen });
  if (!py) {
    throw fieldError('year', `该计划${year}年度预算已下达`, 'conflict');
  }
  const posted = await postMovement(tx, {
    book: PROJECT_BOOK,
    kind: 'appropriate',
    valueDate: year === Number(businessToday().slice(0, 4)) ? businessToday() : `${year}-01-04`,
    idempotencyKey: `appropriate:${py.id}`,
    memo: `${year}年度计划预算下达`,
    actorId: ctx.actor?.userId ?? null,
    entries: [
      { account: { kind: 'appropriation', scope: py.id }, amountFen: -budgetFen },
      { account: { kind: 'budget', scope: py.id }, amountFen: budgetFen },
    ],
  });
  await repo.setYearMovement(tx, py.id, posted.id);
  await recordAudit(tx, ctx, { action: 'programme.appropriate', objectType: 'programme', objectId: programmeId, after: { year, budgetFen, movementId: posted.id } });
  return py;
}

export async function addYear(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof s.programmeYearBody> }) {
  assertCityOfficer(opts.ctx, '下达年度预算');
  return opts.db.transaction(async (tx) => {
    const p = await repo.findProgramme(tx, opts.id);
    if (!p) {
      throw notFound('计划类别');
    }
    await appropriateYear(tx, opts.ctx, p.id, opts.input.year, toFen(opts.input.budget));
    return (await presentProgrammes(tx, [p]))[0];
  });
}

// ---- calls ----

export async function presentProgrammeCall(db: Executor, c: repo.CallRowFull, opts: { officer: boolean; today?: string; enterpriseId?: number | null }) {
  const k = presentCall(c as CallRow, opts.today);
  return {
    id: k.id,
    type: k.type,
    typeName: k.typeName,
    year: k.year,
    batch: k.batch,
    title: k.title,
    opensOn: k.opensOn,
    closesOn: k.closesOn,
    state: k.state,
    stateName: k.stateName,
    description: k.description,
    programme: { id: c.programme.id, code: c.programme.code, name: c.programme.name, selection: c.programme.selection, selectionName: SELECTION_NAMES[c.programme.selection] ?? c.programme.selection },
    eligibility: c.detail.eligibility,
    topics: c.detail.topics,
    ceiling: toYuan(c.detail.ceilingFen),
    totalBudget: toYuan(c.detail.totalBudgetFen),
    invitedOnly: c.detail.invitedOnly,
    invited: opts.officer && c.detail.invitedOnly ? await repo.invitations(db, c.id) : null,
    invitedYou: c.detail.invitedOnly && opts.enterpriseId ? await repo.isInvited(db, c.id, opts.enterpriseId) : null,
  };
}

const isOfficer = (ctx: RequestContext | null) => !!ctx?.actor && hasRole(ctx.actor, 'city_officer', 'city_admin', 'auditor');
const enterpriseOfCaller = (ctx: RequestContext | null) => (ctx?.actor && hasRole(ctx.actor, 'enterprise_user') ? ctx.actor.enterpriseId : null);

/** The calls, public: anyone reads them on the portal (invitees only for the bureau). */
export async function listCalls(opts: { db: Executor; ctx: RequestContext | null; query: z.infer<typeof s.callQuery> }) {
  const today = businessToday();
  const rows = await repo.listCalls(opts.db, opts.query);
  const officer = isOfficer(opts.ctx);
  const enterpriseId = enterpriseOfCaller(opts.ctx);
  return { items: await Promise.all(rows.map((r) => presentProgrammeCall(opts.db, r, { officer, today, enterpriseId }))) };
}

export async function getCall(opts: { db: Executor; ctx: RequestContext | null; id: number }) {
  const row = await repo.findCall(opts.db, opts.id);
  if (!row) {
    throw notFound('申报指南');
  }
  return presentProgrammeCall(opts.db, row, { officer: isOfficer(opts.ctx), enterpriseId: enterpriseOfCaller(opts.ctx) });
}

export async function createCall(opts: { db: Db; ctx: RequestContext; input: z.infer<typeof s.createCallBody> }) {
  const actor = assertCityOfficer(opts.ctx, '发布申报指南');
  const i = opts.input;
  return opts.db.transaction(async (tx) => {
    const p = await repo.findProgramme(tx, i.programmeId);
    if (!p) {
      throw fieldError('programmeId', '计划类别不存在');
    }
    const py = await repo.findYear(tx, p.id, i.year);
    if (!py) {
      throw fieldError('year', `“${p.name}”尚未下达${i.year}年度预算，请先下达预算`);
    }
    if (toFen(i.totalBudget) > py.budgetFen) {
      throw fieldError('totalBudget', `指南资助总额超过该计划${i.year}年度预算（${py.budgetFen / 1_000_000}万元）`);
    }
    const call = await insertCallRow(tx, {
      instrument: repo.INSTRUMENT,
      type: p.type,
      year: i.year,
      batch: i.batch,
      title: i.title,
      opensOn: i.opensOn,
      closesOn: i.closesOn,
      description: i.description ?? null,
      formVersion: 1,
      createdBy: actor.userId,
    });
    if (!call) {
      throw fieldError('batch', `${i.year}年度该类计划第${i.batch}批指南已发布`, 'conflict');
    }
    await repo.insertCallDetail(tx, {
      id: call.id,
      programmeId: p.id,
      programmeYearId: py.id,
      topics: i.topics,
      eligibility: i.eligibility,
      ceilingFen: toFen(i.ceiling),
      totalBudgetFen: toFen(i.totalBudget),
      invitedOnly: p.selection === 'designed',
    });
    await recordAudit(tx, opts.ctx, { action: 'programme_call.create', objectType: 'call', objectId: call.id, after: { ...i } });
    return presentProgrammeCall(tx, (await repo.findCall(tx, call.id))!, { officer: true });
  });
}

export async function inviteEnterprises(opts: { db: Db; ctx: RequestContext; id: number; enterpriseIds: number[] }) {
  const actor = assertCityOfficer(opts.ctx, '邀请申报单位');
  return opts.db.transaction(async (tx) => {
    const call = await repo.findCall(tx, opts.id);
    if (!call) {
      throw notFound('申报指南');
    }
    if (!call.detail.invitedOnly) {
      throw new AppError('invalid_state', '该指南不是主动设计类，无需邀请');
    }
    for (const [idx, eid] of opts.enterpriseIds.entries()) {
      if (!(await repo.enterpriseOf(tx, eid))) {
        throw fieldError(`enterpriseIds.${idx}`, `企业 ${eid} 不存在`);
      }
    }
    const added = await repo.invite(tx, call.id, opts.enterpriseIds, actor.userId);
    await recordAudit(tx, opts.ctx, { action: 'programme_call.invite', objectType: 'call', objectId: call.id, after: { enterpriseIds: opts.enterpriseIds, added } });
    return presentProgrammeCall(tx, call, { officer: true });
  });
}

/** Who reads the ranking: the bureau (officers, admin, auditor). */
export function assertReader(actor: import('../../http/context.js').Actor) {
  if (!hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    throw forbidden('仅市科委可查看评审排序');
  }
}
