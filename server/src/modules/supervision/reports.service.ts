import { and, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { annualReports, type RecognitionType } from '../../db/schema/index.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { businessNow, businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { TYPE_NAMES } from '../recognitions/index.js';
import { appendTimeline } from '../timeline/index.js';
import * as repo from './supervision.repo.js';
import { REPORTED_TYPES, type reportBody, type reportData, type reviewBody } from './supervision.schema.js';

const STATUS_NAMES: Record<string, string> = { draft: '草稿', submitted: '已提交，待审核', accepted: '审核通过', returned: '退回修改' };
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);

export function presentReport(r: repo.ReportRow) {
  const d = r.data as z.infer<typeof reportData>;
  return {
    id: r.id,
    recognitionId: r.recognitionId,
    recognitionTypeName: TYPE_NAMES[r.recognitionType],
    certificateNo: r.certificateNo,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    districtName: r.districtName,
    year: r.year,
    data: d,
    ratios: { rdRatio: ratio(d.rdExpenses, d.revenue), highTechShare: ratio(d.highTechRevenue, d.revenue), stShare: ratio(d.stEmployees, d.employees) },
    status: r.status,
    statusName: STATUS_NAMES[r.status] ?? r.status,
    submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
    reviewComment: r.reviewComment,
  };
}

/** The reports an actor sees: bureau-wide roles all, a district officer its district's, an enterprise its own. */
function scopeOf(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(annualReports.districtId, actor.districtId);
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId !== null) {
    return eq(annualReports.enterpriseId, actor.enterpriseId);
  }
  throw forbidden('无权查看年度报告');
}

export async function listReports(opts: { db: Db; actor: Actor; query: { year?: number; status?: string } }) {
  const conds = [scopeOf(opts.actor)];
  if (opts.query.year) {
    conds.push(eq(annualReports.year, opts.query.year));
  }
  if (opts.query.status) {
    conds.push(eq(annualReports.status, opts.query.status as 'submitted'));
  }
  return { items: (await repo.listReports(opts.db, and(...conds))).map(presentReport) };
}

/** The enterprise's recognitions that owe a report for last year, with the report when filed. */
export async function dueReports(opts: { db: Db; actor: Actor }) {
  if (!hasRole(opts.actor, 'enterprise_user') || opts.actor.enterpriseId === null) {
    throw forbidden('年度报告由认定企业填报');
  }
  const year = Number(businessToday().slice(0, 4)) - 1;
  const recs = await repo.recognitionsOfEnterprise(opts.db, opts.actor.enterpriseId, REPORTED_TYPES, year);
  const reports = await repo.listReports(opts.db, and(eq(annualReports.enterpriseId, opts.actor.enterpriseId), eq(annualReports.year, year)));
  return {
    year,
    items: recs.map((r) => {
      const rep = reports.find((x) => x.recognitionId === r.id);
      return { recognitionId: r.id, typeName: TYPE_NAMES[r.type], certificateNo: r.certificateNo, issuedOn: r.issuedOn, validUntil: r.validUntil, report: rep ? presentReport(rep) : null };
    }),
  };
}

/** Files (or re-files after a return) the annual report of one recognition and year. */
export async function submitReport(opts: { db: Db; ctx: RequestContext; input: z.infer<typeof reportBody> }) {
  const actor = opts.ctx.actor!;
  if (!hasRole(actor, 'enterprise_user') || actor.enterpriseId === null) {
    throw forbidden('年度报告由认定企业填报');
  }
  const { recognitionId, year, data } = opts.input;
  if (year >= Number(businessToday().slice(0, 4))) {
    throw fieldError('year', '年度报告填报已结束的年度（上一年度及以前）');
  }
  if (data.highTechRevenue > data.revenue) {
    throw fieldError('data.highTechRevenue', '高新技术产品（服务）收入不能大于营业收入');
  }
  if (data.stEmployees > data.employees) {
    throw fieldError('data.stEmployees', '科技人员数不能大于职工总数');
  }
  return opts.db.transaction(async (tx) => {
    const recs = await repo.recognitionsOfEnterprise(tx, actor.enterpriseId!, REPORTED_TYPES, year);
    const rec = recs.find((r) => r.id === recognitionId);
    if (!rec) {
      throw fieldError('recognitionId', `该认定不是本企业${year}年度有效的${REPORTED_TYPES.map((t) => TYPE_NAMES[t as RecognitionType]).join('、')}认定`);
    }
    const row = await repo.upsertReport(tx, { recognitionId, enterpriseId: rec.enterpriseId, districtId: rec.districtId, year, data, status: 'submitted', submittedAt: businessNow() });
    if (!row) {
      throw new AppError('invalid_state', `${year}年度报告已提交，审核中或已通过，不能重复提交`);
    }
    await recordAudit(tx, opts.ctx, { action: 'annual_report.submit', objectType: 'annual_report', objectId: row.id, after: { recognitionId, year, data } });
    await appendTimeline(tx, [{ enterpriseId: rec.enterpriseId, module: 'supervision', kind: 'annual_report', title: `提交${year}年度${TYPE_NAMES[rec.type]}年度报告`, refType: 'annual_report', refId: row.id }]);
    const [r] = await repo.listReports(tx, eq(annualReports.id, row.id));
    return presentReport(r);
  });
}

/** The bureau (city officer, or the district officer of the firm's district) accepts or returns a submitted report. */
export async function reviewReport(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof reviewBody> }) {
  const actor = opts.ctx.actor!;
  if (!hasRole(actor, 'city_officer', 'district_officer')) {
    throw forbidden('年度报告由区县科技局或市科委审核');
  }
  if (!opts.input.accept && !opts.input.comment) {
    throw fieldError('comment', '退回须说明理由');
  }
  return opts.db.transaction(async (tx) => {
    const [r] = await repo.listReports(tx, and(eq(annualReports.id, opts.id), scopeOf(actor)), true);
    if (!r) {
      throw notFound('年度报告');
    }
    if (r.status !== 'submitted') {
      throw new AppError('invalid_state', `年度报告当前状态为“${STATUS_NAMES[r.status]}”，不能审核`);
    }
    const status = opts.input.accept ? 'accepted' : 'returned';
    await repo.setReview(tx, r.id, { status, reviewComment: opts.input.comment ?? null, reviewedBy: actor.userId, reviewedAt: businessNow(), version: r.version + 1 });
    await recordAudit(tx, opts.ctx, { action: `annual_report.${status === 'accepted' ? 'accept' : 'return'}`, objectType: 'annual_report', objectId: r.id, before: { status: r.status }, after: { status, comment: opts.input.comment ?? null } });
    const [after] = await repo.listReports(tx, eq(annualReports.id, r.id));
    return presentReport(after);
  });
}
