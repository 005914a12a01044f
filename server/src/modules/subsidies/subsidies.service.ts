import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../db/client.js';
import { cases, enterprises, performanceAssessments } from '../../db/schema/index.js';
import { actorOf, hasRole, type Actor, type RequestContext } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { caseActions, caseEventsView, casesRepo, instrumentOf, lockCase, moveCase, openCase, statusName, typeName } from '../cases/index.js';
import { LedgerShortfall, postMovement } from '../ledger/index.js';
import { paymentsOfCase } from '../payments/index.js';
import { BenchmarkUnknown, evaluate, present, type Programme, type SubsidyResult } from './calculator.js';
import { INSTRUMENT, OBJECT_TYPE, SUBSIDY_BOOK } from './instrument.js';
import { prepareSubsidyPayment } from './payment.js';
import * as repo from './subsidies.repo.js';
import { ATTACHMENT_CODES, GRADE_NAMES, PROGRAMME_NAMES, type ApplicationInput, type AssessmentInput, type EvaluateInput } from './subsidies.schema.js';

const fen = (yuan: number) => Math.round(yuan * 100);
const yuan = (f: number | null) => (f === null ? null : f / 100);

// ── the calculator (RULES §7) ─────────────────────────────────────────────────────────────────

/** Runs the calculator with the rates and programme parameters stored in the database. */
export async function calculate(db: Executor, input: EvaluateInput): Promise<SubsidyResult> {
  const [benchmarks, params] = await Promise.all([repo.loadBenchmarks(db), repo.paramsFor(db, input.programme, input.year)]);
  if (!params) {
    throw fieldError('year', `${input.year}年度没有${PROGRAMME_NAMES[input.programme]}的贴息比例和上限`);
  }
  try {
    return evaluate(input, benchmarks, params);
  } catch (err) {
    if (err instanceof BenchmarkUnknown) {
      const first = benchmarks[0]?.effectiveFrom ?? '';
      const last = benchmarks.at(-1)?.inForceUntil ?? '';
      const message = `放款日 ${err.startOn} 没有适用的人民银行贷款基准利率（可计算 ${first} 至 ${last} 期间放款的贷款）`;
      throw new AppError('benchmark_unknown', message, { fields: [{ field: `loans.${err.index}.startOn`, message }] });
    }
    throw err;
  }
}

export async function evaluatePublic(db: Executor, input: EvaluateInput) {
  return present(await calculate(db, input));
}

export async function subsidyParamsView(db: Executor) {
  const [benchmarks, params] = await Promise.all([repo.loadBenchmarks(db), repo.loadParams(db)]);
  return {
    benchmarks: benchmarks.map((b) => ({ effectiveFrom: b.effectiveFrom, inForceUntil: b.inForceUntil, rate1y: Number(b.rate1y), rate1to5y: Number(b.rate1to5y), rate5yPlus: Number(b.rate5yPlus) })),
    programmes: params.map((p) => ({ programme: p.programme, programmeName: PROGRAMME_NAMES[p.programme], effectiveFrom: p.effectiveFrom, ratio: Number(p.ratio), cap: p.capFen / 100 })),
  };
}

// ── eligibility ───────────────────────────────────────────────────────────────────────────────

/**
 * RULES §7: a valid 雏鹰/青蓝 recognition in the subsidy year and a passed performance assessment of
 * the year before. Returns the recognition, or throws the reason (field `year`).
 */
export async function assertEligible(db: Executor, enterpriseId: number, programme: Programme, year: number) {
  const name = PROGRAMME_NAMES[programme];
  const recognition = await repo.recognitionInYear(db, enterpriseId, programme, year);
  if (!recognition) {
    throw fieldError('programme', `企业在${year}年度没有有效的${name}企业认定，不能申请贴息`, 'invalid_state');
  }
  const assessment = await repo.assessmentOf(db, enterpriseId, programme, year - 1);
  if (!assessment || assessment.grade === null) {
    throw fieldError('year', `企业${year - 1}年度${name}绩效考核尚未完成（须先报送并经考核合格），不能申请${year}年度贴息`, 'invalid_state');
  }
  if (assessment.grade === 'fail') {
    throw fieldError('year', `企业${year - 1}年度${name}绩效考核不合格（${assessment.gradeComment ?? ''}），停止贴息`, 'invalid_state');
  }
  return recognition;
}

// ── applications ──────────────────────────────────────────────────────────────────────────────

export function applicationScope(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(cases.districtId, actor.districtId);
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId !== null) {
    return eq(cases.enterpriseId, actor.enterpriseId);
  }
  throw forbidden('无权查看贷款贴息申请');
}

function ownEnterprise(actor: Actor): number {
  if (!hasRole(actor, 'enterprise_user') || actor.enterpriseId === null) {
    throw forbidden('只有企业用户可以申请贷款贴息');
  }
  return actor.enterpriseId;
}

async function writeLoans(tx: Tx, caseId: number, enterpriseId: number, input: ApplicationInput) {
  const clash = await repo.claimedElsewhere(tx, enterpriseId, input.year, caseId, input.loans);
  const fields = input.loans.flatMap((l, i) =>
    clash.some((c) => c.bank === l.bank && c.contractNo === l.contractNo) ? [{ field: `loans.${i}.contractNo`, message: `该笔贷款（${l.bank} ${l.contractNo}）已申请过${input.year}年度贴息，不能重复申请` }] : [],
  );
  if (fields.length) {
    throw new AppError('conflict', fields[0].message, { fields });
  }
  await repo.deleteLoans(tx, caseId);
  try {
    await tx.transaction(async (sp) =>
      repo.insertLoans(
        sp,
        input.loans.map((l) => ({ caseId, enterpriseId, year: input.year, bank: l.bank, contractNo: l.contractNo, principalFen: fen(l.principal), rate: String(l.rate), startOn: l.startOn, endOn: l.endOn })),
      ),
    );
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') {
      throw new AppError('conflict', '其中有贷款已申请过本年度贴息，不能重复申请', { fields: [{ field: 'loans', message: '其中有贷款已申请过本年度贴息，不能重复申请' }] });
    }
    throw err;
  }
}

/** The enterprise opens a draft for a programme and subsidy year with its loans (eligibility checked now and at submission). */
export async function createApplication(db: Db, ctx: RequestContext, input: ApplicationInput) {
  const actor = actorOf(ctx);
  const enterpriseId = ownEnterprise(actor);
  const ent = await repo.enterpriseOf(db, enterpriseId);
  if (!ent) {
    throw notFound('企业');
  }
  const recognition = await assertEligible(db, enterpriseId, input.programme, input.year);
  const calc = await calculate(db, { programme: input.programme, year: input.year, loans: input.loans });
  const id = await db.transaction(async (tx) => {
    const c = await openCase(tx, ctx, {
      instrument: INSTRUMENT,
      type: input.programme,
      year: input.year,
      title: `${input.year}年度${PROGRAMME_NAMES[input.programme]}贷款贴息申请`,
      enterpriseId,
      districtId: ent.districtId,
    });
    await repo.insertDetail(tx, {
      id: c.id,
      programme: input.programme,
      recognitionId: recognition.id,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      calculation: present(calc),
      requestedFen: calc.amountFen,
    });
    await writeLoans(tx, c.id, enterpriseId, input);
    await recordAudit(tx, ctx, { action: `${OBJECT_TYPE}.create`, objectType: OBJECT_TYPE, objectId: c.id, before: null, after: { programme: input.programme, year: input.year, loans: input.loans.length, requestedFen: calc.amountFen } });
    return c.id;
  });
  return getApplication(db, actor, id);
}

/** The applicant replaces its loans and contact while the case is a draft or returned. */
export async function updateApplication(db: Db, ctx: RequestContext, id: number, input: ApplicationInput) {
  const actor = actorOf(ctx);
  const enterpriseId = ownEnterprise(actor);
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, INSTRUMENT, '贴息申请');
    if (c.enterpriseId !== enterpriseId) {
      throw notFound('贴息申请');
    }
    if (!['draft', 'returned'].includes(c.status)) {
      throw new AppError('invalid_state', `申请当前状态为“${statusName(instrumentOf(INSTRUMENT), c.status)}”，不能修改`);
    }
    if (c.type !== input.programme || c.year !== input.year) {
      throw fieldError('programme', '不能修改申请的资助计划和年度，请另行申请');
    }
    const calc = await calculate(tx, { programme: input.programme, year: input.year, loans: input.loans });
    await writeLoans(tx, c.id, enterpriseId, input);
    await repo.updateDetail(tx, c.id, { contactName: input.contactName, contactPhone: input.contactPhone, calculation: present(calc), requestedFen: calc.amountFen });
    await casesRepo.touchCase(tx, c.id);
    await recordAudit(tx, ctx, { action: `${OBJECT_TYPE}.update`, objectType: OBJECT_TYPE, objectId: c.id, before: null, after: { loans: input.loans.length, requestedFen: calc.amountFen } });
  });
  return getApplication(db, actor, id);
}

const MAX_ATTACHMENT = 10 * 1024 * 1024;
const MIME: Record<string, { mime: string; ok: (b: Buffer) => boolean }> = {
  pdf: { mime: 'application/pdf', ok: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  jpg: { mime: 'image/jpeg', ok: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { mime: 'image/jpeg', ok: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  png: { mime: 'image/png', ok: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
};
export const MAX_ATTACHMENT_BYTES = MAX_ATTACHMENT;

/** A loan contract or an interest receipt (PDF, JPG or PNG, checked by its first bytes), while the case is editable. */
/** The applicant's own draft or returned application, locked: the one an attachment may be added to. */
async function attachableCase(tx: Tx, ctx: RequestContext, id: number) {
  const enterpriseId = ownEnterprise(actorOf(ctx));
  const c = await lockCase(tx, ctx, id, INSTRUMENT, '贴息申请');
  if (c.enterpriseId !== enterpriseId || !['draft', 'returned'].includes(c.status)) {
    throw new AppError('invalid_state', '只有草稿或退回修改的申请可以上传附件');
  }
  return c;
}

/** The upload's checks, made before the file is read (and again under the lock when it is stored). */
export async function assertCanUploadAttachment(db: Db, ctx: RequestContext, id: number): Promise<void> {
  await db.transaction((tx) => attachableCase(tx, ctx, id));
}

export async function uploadAttachment(db: Db, ctx: RequestContext, id: number, code: keyof typeof ATTACHMENT_CODES, fileName: string, buffer: Buffer) {
  const actor = actorOf(ctx);
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const kind = MIME[ext];
  if (!kind || !kind.ok(buffer)) {
    throw new AppError('attachment_invalid', '附件须为 PDF、JPG 或 PNG 文件（按文件头校验）', { fields: [{ field: 'file', message: '附件须为 PDF、JPG 或 PNG 文件' }] });
  }
  if (buffer.length === 0 || buffer.length > MAX_ATTACHMENT) {
    throw new AppError('attachment_invalid', '附件不能为空，且不超过10MB', { fields: [{ field: 'file', message: '附件不能为空，且不超过10MB' }] });
  }
  return db.transaction(async (tx) => {
    const c = await attachableCase(tx, ctx, id);
    const sha256 = createHash('sha256').update(buffer).digest('hex');
    const name = fileName.slice(0, 120);
    const created = await casesRepo.insertAttachment(tx, { caseId: c.id, code, fileName: name, mimeType: kind.mime, size: buffer.length, sha256, content: buffer, uploadedBy: actor.userId });
    await casesRepo.touchCase(tx, c.id);
    await recordAudit(tx, ctx, { action: `${OBJECT_TYPE}.attachment_upload`, objectType: OBJECT_TYPE, objectId: c.id, before: null, after: { code, fileName: name, sha256 } });
    return { id: created.id, code, fileName: name, size: buffer.length };
  });
}

export async function downloadAttachment(db: Executor, actor: Actor, id: number, attachmentId: number) {
  await getApplication(db, actor, id);
  const file = await casesRepo.findAttachment(db, id, attachmentId);
  if (!file) {
    throw notFound('附件');
  }
  return file;
}

/**
 * One step of the workflow. Submission re-checks eligibility and needs both kinds of attachment;
 * the city's approval re-runs the calculator, commits the amount from the year's budget on the
 * ledger (refused when the budget is short) and prepares the payment order for the finance desk;
 * a refusal frees the loans for another claim.
 */
export async function act(db: Db, ctx: RequestContext, id: number, action: string, comment: string | null | undefined) {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, INSTRUMENT, '贴息申请');
    const detail = (await repo.findDetail(tx, c.id))!;
    if (action === 'submit') {
      await assertEligible(tx, c.enterpriseId!, detail.programme, c.year);
      const codes = await casesRepo.attachmentCodes(tx, c.id);
      const missing = Object.entries(ATTACHMENT_CODES).filter(([code]) => !codes.has(code));
      if (missing.length) {
        throw new AppError('validation_failed', `请先上传${missing.map(([, n]) => n).join('、')}`, { fields: missing.map(([code, n]) => ({ field: `attachments.${code}`, message: `请上传${n}` })) });
      }
    }
    const moved = await moveCase(tx, ctx, c, { action, comment, set: action === 'submit' ? { submittedAt: new Date() } : action === 'city_approve' ? { decidedAt: new Date() } : {} });
    if (moved.status === 'rejected') {
      await repo.releaseLoans(tx, c.id);
    }
    if (action === 'city_approve') {
      await assertEligible(tx, c.enterpriseId!, detail.programme, c.year);
      const loans = await repo.loansOf(tx, c.id);
      const calc = await calculate(tx, { programme: detail.programme, year: c.year, loans: loans.map((l) => ({ principal: l.principalFen / 100, rate: Number(l.rate), startOn: l.startOn, endOn: l.endOn })) });
      if (calc.amountFen <= 0) {
        throw new AppError('invalid_state', '按贴息年度内的计息天数计算，贴息金额为0，不能核定；请退回或不予贴息');
      }
      const today = businessToday();
      try {
        await postMovement(tx, {
          book: SUBSIDY_BOOK,
          kind: 'commit',
          valueDate: today,
          idempotencyKey: `commit:${c.id}`,
          entries: [
            { account: { kind: 'budget', scope: Number(today.slice(0, 4)) }, amountFen: -calc.amountFen },
            { account: { kind: 'committed', scope: c.id }, amountFen: calc.amountFen },
          ],
        });
      } catch (err) {
        if (err instanceof LedgerShortfall) {
          throw new AppError('budget_exceeded', `${today.slice(0, 4)}年度贷款贴息预算余额不足，不能核定 ${(calc.amountFen / 100).toFixed(2)} 元`);
        }
        throw err;
      }
      const ent = (await repo.enterpriseOf(tx, c.enterpriseId!))!;
      const orderId = await prepareSubsidyPayment(tx, ctx, { id: c.id, year: c.year, typeName: typeName(instrumentOf(INSTRUMENT), c.type) }, ent, calc.amountFen);
      await repo.updateDetail(tx, c.id, { calculation: present(calc), approvedFen: calc.amountFen, approvedOn: today, paymentOrderId: orderId });
    }
  });
  return getApplication(db, actor, id);
}

function present1(r: NonNullable<Awaited<ReturnType<typeof repo.getApplication>>>) {
  const def = instrumentOf(INSTRUMENT);
  return {
    id: r.id,
    programme: r.type as Programme,
    programmeName: PROGRAMME_NAMES[r.type as Programme],
    year: r.year,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName ?? '',
    districtName: r.districtName ?? '',
    status: r.status,
    statusName: statusName(def, r.status),
    next: def.statuses[r.status]?.next ?? null,
    dueOn: r.dueOn,
    requested: yuan(r.requestedFen),
    approved: yuan(r.approvedFen),
    approvedOn: r.approvedOn,
    paidOn: r.paidOn,
    loanCount: r.loanCount,
  };
}

export async function listApplications(db: Executor, actor: Actor, q: { year?: number; status?: string; mine?: 'true' | 'false'; limit: number; offset: number }) {
  const def = instrumentOf(INSTRUMENT);
  const conds: (SQL | undefined)[] = [applicationScope(actor)];
  if (q.year !== undefined) {
    conds.push(eq(cases.year, q.year));
  }
  if (q.status) {
    conds.push(eq(cases.status, q.status));
  }
  if (q.mine === 'true') {
    const waiting = Object.values(def.transitions)
      .filter((t) => !t.bySystem && t.roles.some((r) => actor.roles.includes(r)))
      .flatMap((t) => t.from);
    conds.push(waiting.length ? inArray(cases.status, [...new Set(waiting)]) : eq(cases.id, -1));
  }
  const page = await repo.listApplications(db, and(...conds), q.limit, q.offset);
  return { total: page.total, items: page.items.map((r) => present1({ ...r, contactName: null, contactPhone: null, recognitionId: null, calculation: null, paymentOrderId: null })) };
}

export async function getApplication(db: Executor, actor: Actor, id: number) {
  const row = await repo.getApplication(db, id);
  if (!row) {
    throw notFound('贴息申请');
  }
  const scope = applicationScope(actor);
  if (scope) {
    const [ok] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.id, id), scope));
    if (!ok) {
      throw notFound('贴息申请');
    }
  }
  const def = instrumentOf(INSTRUMENT);
  const [loans, attachments, events, recognition, payments] = await Promise.all([
    repo.loansOf(db, id),
    casesRepo.listAttachments(db, id),
    caseEventsView(db, { id, instrument: INSTRUMENT }),
    row.recognitionId ? repo.recognitionById(db, row.recognitionId) : Promise.resolve(null),
    paymentsOfCase(db, id),
  ]);
  const own = hasRole(actor, 'enterprise_user') && actor.enterpriseId === row.enterpriseId;
  const actions = caseActions(actor, def, row);
  return {
    ...present1(row),
    contactName: row.contactName,
    contactPhone: own || hasRole(actor, 'city_officer', 'district_officer') ? row.contactPhone : row.contactPhone ? `${row.contactPhone.slice(0, 3)}****` : null,
    recognition,
    loans: loans.map((l) => ({ id: l.id, bank: l.bank, contractNo: l.contractNo, principal: l.principalFen / 100, rate: Number(l.rate), startOn: l.startOn, endOn: l.endOn })),
    calculation: (row.calculation as ReturnType<typeof present> | null) ?? null,
    attachments: attachments.map((a) => ({ id: a.id, code: a.code, codeName: ATTACHMENT_CODES[a.code as keyof typeof ATTACHMENT_CODES] ?? a.code, fileName: a.fileName, size: a.size, createdAt: a.createdAt.toISOString() })),
    events,
    payments: payments.map((p) => ({ id: p.id, status: p.statusName, amount: p.amount })),
    actions,
  };
}

// ── performance assessments (绩效考核) ─────────────────────────────────────────────────────────

function assessmentScope(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(enterprises.districtId, actor.districtId);
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId !== null) {
    return eq(performanceAssessments.enterpriseId, actor.enterpriseId);
  }
  throw forbidden('无权查看绩效考核');
}

async function presentAssessment(db: Executor, r: NonNullable<Awaited<ReturnType<typeof repo.findAssessment>>>) {
  const a = r.a;
  const recognition = a.grade === 'fail' ? await repo.recognitionInYear(db, a.enterpriseId, a.programme, a.year + 1) : null;
  return {
    id: a.id,
    enterpriseId: a.enterpriseId,
    enterpriseName: r.enterpriseName,
    districtName: r.districtName ?? '',
    programme: a.programme,
    programmeName: PROGRAMME_NAMES[a.programme],
    year: a.year,
    revenue: a.revenueFen / 100,
    rdSpend: a.rdFen / 100,
    tax: a.taxFen / 100,
    employees: a.employees,
    newJobs: a.newJobs,
    ipCount: a.ipCount,
    summary: a.summary,
    reportedOn: a.reportedOn,
    grade: a.grade,
    gradeName: a.grade ? GRADE_NAMES[a.grade] : null,
    gradeComment: a.gradeComment,
    gradedOn: a.gradedOn,
    recognitionId: recognition?.id ?? null,
  };
}

/** The firm reports (or corrects, until graded) its year's figures; it must have held the recognition that year. */
export async function reportAssessment(db: Db, ctx: RequestContext, input: AssessmentInput) {
  const actor = actorOf(ctx);
  const enterpriseId = ownEnterprise(actor);
  if (input.year >= Number(businessToday().slice(0, 4)) + 1) {
    throw fieldError('year', '不能报送未来年度的绩效');
  }
  if (!(await repo.recognitionInYear(db, enterpriseId, input.programme, input.year))) {
    throw fieldError('programme', `企业在${input.year}年度不是${PROGRAMME_NAMES[input.programme]}企业，无需报送绩效`, 'invalid_state');
  }
  const id = await db.transaction(async (tx) => {
    const saved = await repo.upsertAssessment(tx, {
      enterpriseId,
      programme: input.programme,
      year: input.year,
      revenueFen: fen(input.revenue),
      rdFen: fen(input.rdSpend),
      taxFen: fen(input.tax),
      employees: input.employees,
      newJobs: input.newJobs,
      ipCount: input.ipCount,
      summary: input.summary ?? null,
      reportedOn: businessToday(),
      reportedBy: actor.userId,
    });
    if (!saved) {
      throw new AppError('invalid_state', `${input.year}年度绩效已考核定级，不能再修改`);
    }
    await recordAudit(tx, ctx, { action: 'performance_assessment.report', objectType: 'performance_assessment', objectId: saved.id, before: null, after: { programme: input.programme, year: input.year } });
    return saved.id;
  });
  return presentAssessment(db, (await repo.findAssessment(db, id))!);
}

/**
 * The officer grades a report (district officers their district, city officers all; a fail needs
 * the reason). A fail stops the next year's subsidy; the answer names the recognition the officer
 * may then revoke in the recognitions register.
 */
export async function gradeAssessment(db: Db, ctx: RequestContext, id: number, grade: 'excellent' | 'pass' | 'fail', comment: string | null | undefined) {
  const actor = actorOf(ctx);
  if (!hasRole(actor, 'city_officer', 'district_officer')) {
    throw forbidden('只有区县科技局或市科委业务处室可以考核定级');
  }
  const reason = comment?.trim() || null;
  if (grade === 'fail' && !reason) {
    throw fieldError('comment', '考核不合格须说明理由');
  }
  await db.transaction(async (tx) => {
    const row = await repo.findAssessment(tx, id, true);
    if (!row || (hasRole(actor, 'district_officer') && !hasRole(actor, 'city_officer') && row.districtId !== actor.districtId)) {
      throw notFound('绩效报告');
    }
    if (row.a.grade !== null && !hasRole(actor, 'city_officer')) {
      throw new AppError('invalid_state', '已考核定级；如需更正请由市科委业务处室调整');
    }
    const updated = await repo.gradeAssessment(tx, id, { grade, gradeComment: reason, gradedOn: businessToday(), gradedBy: actor.userId });
    await recordAudit(tx, ctx, { action: 'performance_assessment.grade', objectType: 'performance_assessment', objectId: id, before: { grade: row.a.grade }, after: { grade: updated.grade, comment: reason } });
  });
  return presentAssessment(db, (await repo.findAssessment(db, id))!);
}

export async function listAssessments(db: Executor, actor: Actor, q: { year?: number; programme?: Programme; graded?: 'true' | 'false'; limit: number; offset: number }) {
  const conds: (SQL | undefined)[] = [assessmentScope(actor)];
  if (q.year !== undefined) {
    conds.push(eq(performanceAssessments.year, q.year));
  }
  if (q.programme) {
    conds.push(eq(performanceAssessments.programme, q.programme));
  }
  if (q.graded) {
    conds.push(q.graded === 'true' ? isNotNull(performanceAssessments.grade) : isNull(performanceAssessments.grade));
  }
  const page = await repo.listAssessments(db, and(...conds), q.limit, q.offset);
  return { total: page.total, items: await Promise.all(page.items.map((r) => presentAssessment(db, r))) };
}

