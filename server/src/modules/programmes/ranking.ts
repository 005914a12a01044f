import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { cases, projectApplications } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { actorOf } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { lockCase, moveCase } from '../cases/index.js';
import { STATUSES, type ProjectStatus } from './instrument.js';
import * as repo from './programmes.repo.js';
import type * as s from './programmes.schema.js';
import { assertCityOfficer } from './programmes.service.js';
import { presentApplication } from './applications.service.js';

const toYuan = (fen: number) => fen / 100;
const wan = (fen: number) => `${(fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`;

/** Statuses of a case that holds (or held) a place in the call's ranking: scored and after. */
const RANKED: ProjectStatus[] = ['scored', 'ranked', 'not_selected', 'in_notice', 'approved', 'in_progress', 'accepting', 'completed', 'failed', 'terminated'];
/** Statuses whose recommended amount counts against the call's budget. */
const SELECTED: ProjectStatus[] = ['ranked', 'in_notice', 'approved', 'in_progress', 'accepting', 'completed', 'failed', 'terminated'];

export interface RankedItem {
  rank: number;
  id: number;
  title: string;
  enterpriseName: string;
  districtName: string | null;
  panelScoreValue: number;
  requestedFen: number;
  cumulativeFen: number;
  withinBudget: boolean;
  status: string;
  recommendedFen: number | null;
  moderationReason: string | null;
}

/**
 * The call's ranking: scored cases by panel score (then the smaller request, then the earlier
 * case), the cumulative requested amount, and the funding line where it passes the call's budget.
 */
export async function rankCall(db: Executor, call: repo.CallRowFull): Promise<RankedItem[]> {
  const rows = await repo
    .listQuery(db)
    .where(and(eq(cases.callId, call.id), isNotNull(cases.panelScore), inArray(cases.status, RANKED)))
    .orderBy(desc(cases.panelScore), asc(projectApplications.requestedFen), asc(cases.id));
  let cumulative = 0;
  return rows.map((r, i) => {
    cumulative += r.requestedFen;
    return {
      rank: i + 1,
      id: r.id,
      title: r.title,
      enterpriseName: r.enterpriseName ?? '',
      districtName: r.districtName,
      panelScoreValue: Number(r.panelScore),
      requestedFen: r.requestedFen,
      cumulativeFen: cumulative,
      withinBudget: cumulative <= call.detail.totalBudgetFen,
      status: r.status,
      recommendedFen: r.recommendedFen,
      moderationReason: r.moderationReason,
    };
  });
}

export async function getRanking(opts: { db: Executor; id: number }) {
  const call = await repo.findCall(opts.db, opts.id);
  if (!call) {
    throw notFound('申报指南');
  }
  const items = await rankCall(opts.db, call);
  const selected = items.filter((i) => SELECTED.includes(i.status as ProjectStatus)).reduce((sum, i) => sum + (i.recommendedFen ?? i.requestedFen), 0);
  return {
    call: { id: call.id, title: call.title, totalBudget: toYuan(call.detail.totalBudgetFen), ceiling: toYuan(call.detail.ceilingFen) },
    selected: toYuan(selected),
    items: items.map((i) => ({
      rank: i.rank,
      id: i.id,
      title: i.title,
      enterpriseName: i.enterpriseName,
      districtName: i.districtName,
      panelScore: i.panelScoreValue,
      requested: toYuan(i.requestedFen),
      cumulative: toYuan(i.cumulativeFen),
      withinBudget: i.withinBudget,
      status: i.status,
      statusName: STATUSES[i.status as ProjectStatus]?.name ?? i.status,
      recommended: i.recommendedFen === null ? null : toYuan(i.recommendedFen),
      moderationReason: i.moderationReason,
    })),
  };
}

/**
 * The bureau's moderation of one scored case: list it for funding (拟立项) with an amount, or not.
 * Following the ranking needs no words; departing from it — selecting below the funding line, not
 * selecting above it, or cutting the amount — needs a written reason. The selected amounts of the
 * call never exceed its budget.
 */
export async function moderate(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof s.moderationBody> }) {
  const actor = actorOf(opts.ctx);
  assertCityOfficer(opts.ctx, '审定拟立项');
  const i = opts.input;
  return opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.ctx, opts.id, repo.INSTRUMENT, '项目申报');
    if (c.status !== 'scored') {
      throw new AppError('invalid_state', `申报当前状态为“${STATUSES[c.status as ProjectStatus]?.name ?? c.status}”，只有专家评审完成的项目可以审定`);
    }
    const call = (await repo.findCall(tx, c.callId!))!;
    // the call's cases are locked in id order, so two moderations of one call run one after the other
    await tx.execute(sql`select id from cases where call_id = ${call.id} order by id for update`);
    const ranking = await rankCall(tx, call);
    const me = ranking.find((r) => r.id === c.id)!;
    const d = (await repo.findDetail(tx, c.id))!;
    const reason = i.reason?.trim() || null;
    if (!i.select) {
      if (!reason) {
        throw fieldError('reason', me.withinBudget ? `该项目排名第${me.rank}，在资助线内，不予立项须写明理由` : '请填写不予立项的理由（如：排名在资助线以下）');
      }
      const moved = await moveCase(tx, opts.ctx, c, { action: 'not_select', comment: reason });
      await repo.updateDetail(tx, c.id, { moderationReason: reason, recommendedFen: null });
      return presentApplication(tx, actor, moved);
    }
    const amount = i.recommended === undefined ? d.requestedFen : Math.round(i.recommended * 100);
    if (amount > d.requestedFen) {
      throw fieldError('recommended', `拟资助金额不能超过申请的市财政资助（${wan(d.requestedFen)}）`);
    }
    if (!me.withinBudget && !reason) {
      throw fieldError('reason', `该项目排名第${me.rank}，在资助线以下（累计申请${wan(me.cumulativeFen)}，指南资助总额${wan(call.detail.totalBudgetFen)}），列入拟立项须写明理由`);
    }
    if (amount < d.requestedFen && !reason) {
      throw fieldError('reason', '核减资助金额须写明理由');
    }
    const selected = ranking.filter((r) => SELECTED.includes(r.status as ProjectStatus)).reduce((sum, r) => sum + (r.recommendedFen ?? r.requestedFen), 0);
    if (selected + amount > call.detail.totalBudgetFen) {
      throw new AppError('budget_exceeded', `拟立项金额合计将达${wan(selected + amount)}，超过指南资助总额${wan(call.detail.totalBudgetFen)}`, {
        fields: [{ field: 'recommended', message: `本指南剩余可安排${wan(Math.max(0, call.detail.totalBudgetFen - selected))}` }],
      });
    }
    await repo.updateDetail(tx, c.id, { recommendedFen: amount, moderationReason: reason });
    const moved = await moveCase(tx, opts.ctx, c, { action: 'select', comment: reason ?? `按评审排名第${me.rank}列入拟立项，拟资助${wan(amount)}` });
    return presentApplication(tx, actor, moved);
  });
}
