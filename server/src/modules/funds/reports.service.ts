import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Executor, Tx } from '../../db/client.js';
import { cases, districts, enterprises, fundExits, fundInvestments, fundReports, fundValuations, organizations, partnerFunds } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, type FieldIssue, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { fenToYuan, yuanToFen } from '../../lib/money.js';
import { recordAudit } from '../audit/index.js';
import { casesRepo, lockCase, moveCase, openCase, statusName, type CaseRow } from '../cases/index.js';
import { appendTimeline } from '../timeline/index.js';
import { fundReportsInstrument, FUND_REPORTS } from './funds.instrument.js';
import * as policy from './funds.policy.js';
import type { createReportBody, updateReportBody } from './funds.schema.js';
import { findFundInScope } from './funds.service.js';

type Content = Omit<z.infer<typeof updateReportBody>, 'version'>;
type FundRow = typeof partnerFunds.$inferSelect;
const WHAT = '季度投资报告';

export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const m = (quarter - 1) * 3 + 1;
  const last = [31, 30, 30, 31][quarter - 1];
  return { from: `${year}-${String(m).padStart(2, '0')}-01`, to: `${year}-${String(m + 2).padStart(2, '0')}-${last}` };
}

const keyOf = (name: string, uscc?: string | null) => (uscc ? `U:${uscc}` : `N:${name.replace(/\s+/g, '')}`);

/**
 * Checks a report's rows against its quarter and each other, and links companies to the registry
 * (by USCC, else by exact name): every problem as a field message, nothing written when any.
 */
async function normalise(tx: Executor, fund: FundRow, year: number, quarter: number, content: Content, reportId: number | null) {
  const { from, to } = quarterRange(year, quarter);
  const issues: FieldIssue[] = [];
  const inQuarter = (d: string) => d >= from && d <= to;
  const seen = new Map<string, number>();
  content.investments.forEach((r, i) => {
    if (!inQuarter(r.investedOn)) {
      issues.push({ field: `investments.${i}.investedOn`, message: `投资日期须在${year}年第${quarter}季度内（${from}至${to}）` });
    } else if (r.investedOn < fund.setUpOn) {
      issues.push({ field: `investments.${i}.investedOn`, message: `投资日期早于基金设立日期（${fund.setUpOn}）` });
    }
    const k = `${keyOf(r.companyName, r.uscc)}|${r.round}|${r.investedOn}`;
    if (seen.has(k)) {
      issues.push({ field: `investments.${i}.companyName`, message: `与第${seen.get(k)! + 1}行重复（同一企业、轮次和日期）` });
    } else {
      seen.set(k, i);
    }
  });
  const seenVal = new Map<string, number>();
  content.valuations.forEach((r, i) => {
    const k = keyOf(r.companyName);
    if (seenVal.has(k)) {
      issues.push({ field: `valuations.${i}.companyName`, message: `与第${seenVal.get(k)! + 1}行重复` });
    } else {
      seenVal.set(k, i);
    }
  });
  const seenExit = new Map<string, number>();
  content.exits.forEach((r, i) => {
    if (!inQuarter(r.exitedOn)) {
      issues.push({ field: `exits.${i}.exitedOn`, message: `退出日期须在${year}年第${quarter}季度内（${from}至${to}）` });
    }
    const k = keyOf(r.companyName);
    if (seenExit.has(k)) {
      issues.push({ field: `exits.${i}.companyName`, message: `与第${seenExit.get(k)! + 1}行重复` });
    } else {
      seenExit.set(k, i);
    }
  });
  const districtIds = [...new Set(content.investments.flatMap((r) => (r.districtId ? [r.districtId] : [])))];
  const known = districtIds.length ? new Set((await tx.select({ id: districts.id }).from(districts).where(inArray(districts.id, districtIds))).map((d) => d.id)) : new Set<number>();
  content.investments.forEach((r, i) => {
    if (r.districtId && !known.has(r.districtId)) {
      issues.push({ field: `investments.${i}.districtId`, message: '区县不存在' });
    }
  });
  // the same investment reported in another quarter's report of the fund
  if (content.investments.length) {
    const others = await tx
      .select({ companyName: fundInvestments.companyName, round: fundInvestments.round, investedOn: fundInvestments.investedOn })
      .from(fundInvestments)
      .where(
        and(
          eq(fundInvestments.fundId, fund.id),
          reportId === null ? undefined : sql`${fundInvestments.reportId} <> ${reportId}`,
          inArray(fundInvestments.companyName, content.investments.map((r) => r.companyName)),
        ),
      );
    const taken = new Set(others.map((o) => `${o.companyName}|${o.round}|${o.investedOn}`));
    content.investments.forEach((r, i) => {
      if (taken.has(`${r.companyName}|${r.round}|${r.investedOn}`)) {
        issues.push({ field: `investments.${i}.companyName`, message: '该笔投资已在本基金的其他季度报告中填报' });
      }
    });
  }
  if (issues.length) {
    throw new AppError('validation_failed', issues[0].message, { fields: issues });
  }
  // registry links
  const names = [...content.investments.map((r) => r.companyName), ...content.valuations.map((r) => r.companyName), ...content.exits.map((r) => r.companyName)];
  const usccs = content.investments.flatMap((r) => (r.uscc ? [r.uscc] : []));
  const conds: SQL[] = [];
  if (names.length) {
    conds.push(inArray(enterprises.name, names));
  }
  if (usccs.length) {
    conds.push(inArray(enterprises.uscc, usccs));
  }
  const found = conds.length ? await tx.select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, districtId: enterprises.districtId }).from(enterprises).where(or(...conds)) : [];
  const byUscc = new Map(found.map((e) => [e.uscc, e]));
  const byName = new Map(found.map((e) => [e.name, e]));
  const match = (name: string, uscc?: string | null) => (uscc ? byUscc.get(uscc) : undefined) ?? byName.get(name);
  return {
    investments: content.investments.map((r) => {
      const e = match(r.companyName, r.uscc);
      return {
        fundId: fund.id,
        enterpriseId: e?.id ?? null,
        companyName: e?.name ?? r.companyName,
        uscc: e?.uscc ?? r.uscc ?? null,
        amountFen: yuanToFen(r.amount),
        round: r.round,
        investedOn: r.investedOn,
        districtId: e?.districtId ?? r.districtId ?? null,
        industry: r.industry,
      };
    }),
    valuations: content.valuations.map((r) => ({ companyName: r.companyName, enterpriseId: match(r.companyName)?.id ?? null, valueFen: yuanToFen(r.value) })),
    exits: content.exits.map((r) => ({ companyName: r.companyName, enterpriseId: match(r.companyName)?.id ?? null, exitedOn: r.exitedOn, method: r.method, proceedsFen: yuanToFen(r.proceeds) })),
  };
}

async function writeLines(tx: Tx, reportId: number, rows: Awaited<ReturnType<typeof normalise>>) {
  if (rows.investments.length) {
    await tx.insert(fundInvestments).values(rows.investments.map((r) => ({ ...r, reportId })));
  }
  if (rows.valuations.length) {
    await tx.insert(fundValuations).values(rows.valuations.map((r) => ({ ...r, reportId })));
  }
  if (rows.exits.length) {
    await tx.insert(fundExits).values(rows.exits.map((r) => ({ ...r, reportId })));
  }
}

export async function createReport(opts: { db: Db; ctx: RequestContext; input: z.infer<typeof createReportBody> }) {
  policy.assertFundManager(opts.ctx);
  const { fundId, year, quarter, ...content } = opts.input;
  const id = await opts.db.transaction(async (tx) => {
    const fund = await findFundInScope(tx, opts.ctx, fundId, true);
    const { from, to } = quarterRange(year, quarter);
    if (to < fund.setUpOn) {
      throw new AppError('validation_failed', '该季度早于基金设立日期', { fields: [{ field: 'quarter', message: `基金设立于${fund.setUpOn}，该季度早于设立日期` }] });
    }
    if (from > businessToday()) {
      throw new AppError('validation_failed', '该季度尚未开始', { fields: [{ field: 'quarter', message: `${year}年第${quarter}季度尚未开始` }] });
    }
    if (fund.exitedOn && from > fund.exitedOn) {
      throw new AppError('validation_failed', '基金已退出', { fields: [{ field: 'quarter', message: `基金已于${fund.exitedOn}退出` }] });
    }
    const [dup] = await tx.select({ id: fundReports.id }).from(fundReports).where(and(eq(fundReports.fundId, fund.id), eq(fundReports.year, year), eq(fundReports.quarter, quarter)));
    if (dup) {
      throw new AppError('conflict', '本季度的报告已存在，请在原报告上修改', { fields: [{ field: 'quarter', message: '本季度的报告已存在' }], reportId: dup.id });
    }
    const rows = await normalise(tx, fund, year, quarter, content, null);
    const c = await openCase(tx, opts.ctx, { instrument: FUND_REPORTS, type: 'quarterly', year, title: `${fund.name}${year}年第${quarter}季度投资报告`, organizationId: fund.managerOrgId });
    await tx.insert(fundReports).values({ id: c.id, fundId: fund.id, year, quarter, navFen: content.nav ? yuanToFen(content.nav) : null, note: content.note ?? null });
    await writeLines(tx, c.id, rows);
    await recordAudit(tx, opts.ctx, { action: 'fund_report.create', objectType: 'fund_report', objectId: c.id, after: { fundId, year, quarter, investments: rows.investments.length } });
    return c.id;
  });
  return getReport({ db: opts.db, ctx: opts.ctx, id });
}

async function lockReport(tx: Tx, ctx: RequestContext, id: number) {
  const c = await lockCase(tx, ctx, id, FUND_REPORTS, WHAT);
  const [r] = await tx.select().from(fundReports).where(eq(fundReports.id, id));
  const [fund] = await tx.select().from(partnerFunds).where(eq(partnerFunds.id, r.fundId));
  return { c, r, fund };
}

export async function updateReport(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof updateReportBody> }) {
  policy.assertFundManager(opts.ctx);
  const { version, ...content } = opts.input;
  await opts.db.transaction(async (tx) => {
    const { c, r, fund } = await lockReport(tx, opts.ctx, opts.id);
    if (c.status !== 'draft' && c.status !== 'returned') {
      throw new AppError('invalid_state', `报告当前为“${statusName(fundReportsInstrument, c.status)}”，不能修改`);
    }
    if (c.version !== version) {
      throw new AppError('version_conflict', '报告已被他人更新，请刷新后重试');
    }
    const rows = await normalise(tx, fund, r.year, r.quarter, content, r.id);
    await tx.delete(fundInvestments).where(eq(fundInvestments.reportId, r.id));
    await tx.delete(fundValuations).where(eq(fundValuations.reportId, r.id));
    await tx.delete(fundExits).where(eq(fundExits.reportId, r.id));
    await writeLines(tx, r.id, rows);
    await tx.update(fundReports).set({ navFen: content.nav ? yuanToFen(content.nav) : null, note: content.note ?? null }).where(eq(fundReports.id, r.id));
    await casesRepo.updateAtVersion(tx, c.id, c.version, {});
    await recordAudit(tx, opts.ctx, { action: 'fund_report.update', objectType: 'fund_report', objectId: r.id, after: { investments: rows.investments.length, valuations: rows.valuations.length, exits: rows.exits.length } });
  });
  return getReport({ db: opts.db, ctx: opts.ctx, id: opts.id });
}

/** Takes one workflow step (submit, return, accept); an accepted report puts each linked investment on its enterprise's timeline. */
export async function moveReport(opts: { db: Db; ctx: RequestContext; id: number; action: 'submit' | 'return' | 'accept'; comment?: string | null }) {
  await opts.db.transaction(async (tx) => {
    const { c, r, fund } = await lockReport(tx, opts.ctx, opts.id);
    const set: Partial<Pick<CaseRow, 'submittedAt' | 'decidedAt'>> = opts.action === 'submit' ? { submittedAt: new Date() } : opts.action === 'accept' ? { decidedAt: new Date() } : {};
    await moveCase(tx, opts.ctx, c, { action: opts.action, comment: opts.comment ?? null, set });
    if (opts.action === 'accept') {
      const rows = await tx.select().from(fundInvestments).where(eq(fundInvestments.reportId, r.id));
      await appendTimeline(
        tx,
        rows.flatMap((i) =>
          i.enterpriseId === null
            ? []
            : [{ enterpriseId: i.enterpriseId, module: 'finance', kind: 'investment', title: `获${fund.name}投资（${i.round}，${(fenToYuan(i.amountFen) / 10000).toFixed(2)}万元，${i.investedOn}）`, refType: 'fund_investment', refId: i.id }],
        ),
      );
    }
  });
  return getReport({ db: opts.db, ctx: opts.ctx, id: opts.id });
}

const summaryColumns = {
  id: cases.id,
  fundId: fundReports.fundId,
  fundName: partnerFunds.name,
  programme: partnerFunds.programme,
  year: fundReports.year,
  quarter: fundReports.quarter,
  status: cases.status,
  dueOn: cases.dueOn,
  version: cases.version,
  investments: sql<number>`(select count(*)::int from fund_investments i where i.report_id = ${fundReports.id})`,
  investedFen: sql<string>`(select coalesce(sum(i.amount_fen), 0)::text from fund_investments i where i.report_id = ${fundReports.id})`,
};
type SummaryRow = { id: number; fundId: number; fundName: string; programme: 'guidance' | 'angel'; year: number; quarter: number; status: string; dueOn: string | null; version: number; investments: number; investedFen: string };
const presentSummary = (r: SummaryRow) => ({
  id: r.id,
  fundId: r.fundId,
  fundName: r.fundName,
  programme: r.programme,
  year: r.year,
  quarter: r.quarter,
  status: r.status,
  statusName: statusName(fundReportsInstrument, r.status),
  dueOn: r.dueOn,
  investments: Number(r.investments),
  invested: fenToYuan(Number(r.investedFen)),
  version: r.version,
});

export async function listReports(opts: { db: Db; ctx: RequestContext; status?: string; fundId?: number; year?: number; limit: number }) {
  const scope = policy.readScope(opts.ctx);
  const conds: SQL[] = [];
  if ('managerOrgId' in scope) {
    conds.push(eq(partnerFunds.managerOrgId, scope.managerOrgId));
  }
  if (opts.status) {
    conds.push(eq(cases.status, opts.status));
  }
  if (opts.fundId) {
    conds.push(eq(fundReports.fundId, opts.fundId));
  }
  if (opts.year) {
    conds.push(eq(fundReports.year, opts.year));
  }
  const rows = await opts.db
    .select(summaryColumns)
    .from(fundReports)
    .innerJoin(cases, eq(cases.id, fundReports.id))
    .innerJoin(partnerFunds, eq(partnerFunds.id, fundReports.fundId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(fundReports.year), desc(fundReports.quarter), asc(partnerFunds.name))
    .limit(opts.limit);
  return { items: rows.map(presentSummary) };
}

export async function getReport(opts: { db: Db; ctx: RequestContext; id: number }) {
  const scope = policy.readScope(opts.ctx);
  const [row] = await opts.db
    .select({ ...summaryColumns, navFen: fundReports.navFen, note: fundReports.note, managerOrgId: partnerFunds.managerOrgId, managerName: organizations.name })
    .from(fundReports)
    .innerJoin(cases, eq(cases.id, fundReports.id))
    .innerJoin(partnerFunds, eq(partnerFunds.id, fundReports.fundId))
    .innerJoin(organizations, eq(organizations.id, partnerFunds.managerOrgId))
    .where(eq(fundReports.id, opts.id));
  if (!row || ('managerOrgId' in scope && row.managerOrgId !== scope.managerOrgId)) {
    throw notFound(WHAT);
  }
  const [investments, valuations, exits, events] = await Promise.all([
    opts.db
      .select({ i: fundInvestments, districtName: districts.name })
      .from(fundInvestments)
      .leftJoin(districts, eq(districts.id, fundInvestments.districtId))
      .where(eq(fundInvestments.reportId, opts.id))
      .orderBy(asc(fundInvestments.investedOn), asc(fundInvestments.id)),
    opts.db.select().from(fundValuations).where(eq(fundValuations.reportId, opts.id)).orderBy(asc(fundValuations.id)),
    opts.db.select().from(fundExits).where(eq(fundExits.reportId, opts.id)).orderBy(asc(fundExits.id)),
    casesRepo.listEvents(opts.db, opts.id),
  ]);
  return {
    ...presentSummary(row),
    nav: row.navFen === null ? null : fenToYuan(row.navFen),
    note: row.note,
    managerName: row.managerName,
    investmentRows: investments.map(({ i, districtName }) => ({
      id: i.id,
      companyName: i.companyName,
      uscc: i.uscc,
      amount: fenToYuan(i.amountFen),
      round: i.round as never,
      investedOn: i.investedOn,
      districtId: i.districtId,
      districtName,
      industry: i.industry as never,
      enterpriseId: i.enterpriseId,
    })),
    valuations: valuations.map((v) => ({ companyName: v.companyName, value: fenToYuan(v.valueFen), enterpriseId: v.enterpriseId })),
    exits: exits.map((e) => ({ companyName: e.companyName, exitedOn: e.exitedOn, method: e.method as never, proceeds: fenToYuan(e.proceedsFen), enterpriseId: e.enterpriseId })),
    events: events.map((e) => ({
      action: e.action,
      toStatus: e.toStatus,
      statusName: statusName(fundReportsInstrument, e.toStatus),
      comment: e.comment,
      actorLabel: e.actorLabel,
      at: new Date(e.occurredAt).toISOString(),
    })),
  };
}
