import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { caseEvents, cases, enterprises, interestSubsidyApplications, interestSubsidyLoans, performanceAssessments, recognitions } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { createRandom, type Random } from '../../lib/random.js';
import { recordAuditMany } from '../audit/index.js';
import { postMovements } from '../ledger/index.js';
import { appendTimeline } from '../timeline/index.js';
import { addYears } from '../rules/index.js';
import { benchmarkOn, daysBetween, evaluate, present, type BenchmarkRow, type LoanInput, type Programme, type ProgrammeParams } from './calculator.js';
import { INSTRUMENT, OBJECT_TYPE, SUBSIDY_BOOK } from './instrument.js';
import { prepareSubsidyPayment } from './payment.js';
import * as repo from './subsidies.repo.js';
import { PROGRAMME_NAMES } from './subsidies.schema.js';

/** The 2015 figures of the source document: 287 firms received 1861.94万元 (paid subsidies of subsidy year 2015). */
export const SUBSIDY_FIGURES_2015 = { firms: 287, amountFen: 1_861_940_000 };

const BANKS = ['杭州银行', '中国银行杭州分行', '工商银行杭州分行', '建设银行浙江省分行', '农业银行杭州分行', '浙商银行', '招商银行杭州分行', '杭州联合银行', '交通银行浙江省分行', '中信银行杭州分行'];
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
const dayOf = (rnd: Random, from: string, to: string) => {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + rnd.int(0, daysBetween(from, to)));
  return d.toISOString().slice(0, 10);
};

interface Firm {
  enterpriseId: number;
  districtId: number;
  programme: Programme;
  recognitionId: number;
  revokedOn: string | null;
}

interface Planned {
  firm: Firm;
  status: string;
  year: number;
  loans: (LoanInput & { bank: string; contractNo: string })[];
  calc: ReturnType<typeof evaluate>;
  submittedOn: string | null;
  approvedOn: string | null;
  paidOn: string | null;
  comment: string | null;
}

/** Firms holding a 雏鹰/青蓝 recognition issued by a date and still held after another (not revoked before). */
async function firmsHolding(tx: Tx, issuedBy: string, heldAfter: string): Promise<Firm[]> {
  const rows = await tx
    .selectDistinctOn([recognitions.enterpriseId], { enterpriseId: recognitions.enterpriseId, districtId: enterprises.districtId, programme: recognitions.type, recognitionId: recognitions.id, revokedOn: recognitions.revokedOn })
    .from(recognitions)
    .innerJoin(enterprises, eq(enterprises.id, recognitions.enterpriseId))
    .where(
      and(
        inArray(recognitions.type, ['eagle', 'qinglan']),
        lte(recognitions.issuedOn, issuedBy),
        sql`(${recognitions.validUntil} is null or ${recognitions.validUntil} > ${heldAfter})`,
        sql`(${recognitions.revokedOn} is null or ${recognitions.revokedOn} > ${heldAfter})`,
      ),
    )
    .orderBy(recognitions.enterpriseId, desc(recognitions.issuedOn));
  return rows.map((r) => ({ ...r, programme: r.programme as Programme }));
}

function shuffle<T>(rnd: Random, items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** One loan drawn in the year whose subsidy comes near a target (fen). */
function loanNear(rnd: Random, benchmarks: BenchmarkRow[], year: number, targetFen: number, ratio: number, no: number, latestStart = `${year}-07-31`) {
  const startOn = dayOf(rnd, `${year}-01-01`, latestStart);
  const endOn = addYears(startOn, 1);
  const bench = Number(benchmarkOn(benchmarks, startOn)!.rate1y);
  const rate = Math.round(bench * (1 + rnd.int(0, 30) / 100) * 100) / 100;
  const days = daysBetween(startOn, `${year + 1}-01-01`);
  const principal = Math.max(10, Math.round(targetFen / 100 / ((bench / 100) * (days / 360) * ratio) / 10_000)) * 10_000;
  return { bank: rnd.pick(BANKS), contractNo: `${year}JK${String(no).padStart(5, '0')}`, principal, rate, startOn, endOn };
}

/**
 * Demo subsidies: the budget of each year on the ledger; 2014 performance assessments; 287 firms
 * paid 18,619,400.00 yuan for subsidy year 2015, every amount the calculator's answer on its
 * loans; 2016 applications in every state; 2015 assessments reported in 2016, some still to grade.
 */
export async function seedSubsidies(opts: { tx: Tx; ctx: RequestContext }) {
  const { tx, ctx } = opts;
  const rnd = createRandom(20150712);
  const benchmarks = await repo.loadBenchmarks(tx);
  const paramsOf = async (p: Programme, y: number) => (await repo.paramsFor(tx, p, y))!;
  const params: Record<string, ProgrammeParams> = {};
  for (const y of [2015, 2016]) {
    for (const p of ['eagle', 'qinglan'] as const) {
      params[`${p}${y}`] = await paramsOf(p, y);
    }
  }
  // 2015's claims: firms that held the recognition in 2014 (assessed for 2014) and into the second half of 2015
  const valid2015 = shuffle(rnd, await firmsHolding(tx, '2014-12-31', '2015-06-30'));
  const valid2016 = shuffle(rnd, await firmsHolding(tx, '2015-12-31', '2016-12-31'));
  if (valid2015.length < SUBSIDY_FIGURES_2015.firms + 6) {
    throw new Error(`subsidies seed: only ${valid2015.length} 雏鹰/青蓝 firms valid through 2015`);
  }
  let loanNo = 0;
  const planned: Planned[] = [];

  // ── subsidy year 2015: 287 paid, the sum exact ─────────────────────────────────────────────
  const paid2015 = valid2015.slice(0, SUBSIDY_FIGURES_2015.firms);
  let remaining = SUBSIDY_FIGURES_2015.amountFen;
  paid2015.forEach((firm, i) => {
    const p = params[`${firm.programme}2015`];
    const ratio = Number(p.ratio);
    // paid before the firm's recognition ended (a firm deregistered late in 2015 was paid before)
    const before = (date: string, days: number) => (firm.revokedOn && addDays(firm.revokedOn, -days) < date ? addDays(firm.revokedOn, -days) : date);
    const submittedOn = before(dayOf(rnd, '2015-09-01', '2015-10-15'), 40);
    const approvedOn = before(dayOf(rnd, '2015-11-02', '2015-11-30'), 20);
    const paidOn = before(dayOf(rnd, '2015-12-07', '2015-12-25'), 5);
    let loans: Planned['loans'];
    if (i < paid2015.length - 1) {
      const need = remaining / (paid2015.length - i);
      const target = Math.min(need * (0.6 + rnd.next() * 0.8), p.capFen * 0.9);
      const n = rnd.next() < 0.3 ? 2 : 1;
      loans = Array.from({ length: n }, () => loanNear(rnd, benchmarks, 2015, target / n, ratio, ++loanNo, addDays(submittedOn, -30) < '2015-07-31' ? addDays(submittedOn, -30) : '2015-07-31'));
    } else {
      // the last firm's loan gives exactly what remains: drawn 2015-01-06 for a year at 5.60% used,
      // 360 days in 2015, so the subsidy is principal × 5.6% × 360/360 × ratio
      const perFen = 0.056 * ratio;
      loans = [{ bank: rnd.pick(BANKS), contractNo: `2015JK${String(++loanNo).padStart(5, '0')}`, principal: Math.round(remaining / perFen) / 100, rate: 6, startOn: '2015-01-06', endOn: '2016-01-06' }];
    }
    const calc = evaluate({ programme: firm.programme, year: 2015, loans }, benchmarks, p);
    remaining -= calc.amountFen;
    planned.push({ firm, status: 'paid', year: 2015, loans, calc, submittedOn, approvedOn, paidOn, comment: null });
  });
  if (remaining !== 0) {
    throw new Error(`subsidies seed: 2015 total off by ${remaining} fen`);
  }
  // a few 2015 claims refused (not counted)
  for (const firm of valid2015.slice(SUBSIDY_FIGURES_2015.firms, SUBSIDY_FIGURES_2015.firms + 2)) {
    const loans = [loanNear(rnd, benchmarks, 2015, 3_000_000, 0.5, ++loanNo)];
    planned.push({ firm, status: 'rejected', year: 2015, loans, calc: evaluate({ programme: firm.programme, year: 2015, loans }, benchmarks, params[`${firm.programme}2015`]), submittedOn: '2015-08-20', approvedOn: null, paidOn: null, comment: '借款合同与利息凭证不一致，且未能补正' });
  }

  // ── subsidy year 2016: every state ───────────────────────────────────────────────────────────
  const states2016: [string, number][] = [['draft', 3], ['submitted', 5], ['returned', 2], ['district_passed', 4], ['approved', 3], ['paid', 4], ['rejected', 2]];
  const firms2016 = valid2016.slice(0, states2016.reduce((s, [, n]) => s + n, 0));
  let k = 0;
  for (const [status, n] of states2016) {
    for (let j = 0; j < n; j++) {
      const firm = firms2016[k++];
      const loans = [loanNear(rnd, benchmarks, 2016, 5_000_000, 0.5, ++loanNo)];
      loans[0].contractNo = `2016JK${String(loanNo).padStart(5, '0')}`;
      const calc = evaluate({ programme: firm.programme, year: 2016, loans }, benchmarks, params[`${firm.programme}2016`]);
      const submittedOn = status === 'draft' ? null : dayOf(rnd, '2016-07-01', '2016-08-20');
      const approvedOn = ['approved', 'paid'].includes(status) ? dayOf(rnd, '2016-08-22', '2016-08-31') : null;
      const comment = status === 'returned' ? '请补充上传2016年第二季度利息支付凭证' : status === 'rejected' ? '该笔贷款为个人经营贷款，不属于企业贷款贴息范围' : null;
      planned.push({ firm, status, year: 2016, loans, calc, submittedOn, approvedOn, paidOn: status === 'paid' ? dayOf(rnd, '2016-09-01', '2016-09-09') : null, comment });
    }
  }

  // ── performance assessments: 2014 (passed for the 2015 claims, a few fails), 2015 (reported 2016) ──
  const assessRow = (firm: Firm, year: number, grade: 'excellent' | 'pass' | 'fail' | null, reportedOn: string, gradedOn: string | null) => {
    const revenue = rnd.int(200, 8000) * 10_000_00;
    return {
      enterpriseId: firm.enterpriseId,
      programme: firm.programme,
      year,
      revenueFen: revenue,
      rdFen: Math.round(revenue * (0.04 + rnd.next() * 0.12)),
      taxFen: Math.round(revenue * (0.02 + rnd.next() * 0.05)),
      employees: rnd.int(8, 180),
      newJobs: rnd.int(0, 40),
      ipCount: rnd.int(0, 12),
      summary: `${year}年度完成主要产品研发与市场拓展，研发投入持续增长。`,
      reportedOn,
      grade,
      gradeComment: grade === 'fail' ? '营业收入与研发投入较上年大幅下降，未完成培育计划书目标' : grade === 'excellent' ? '各项指标超额完成' : null,
      gradedOn,
    };
  };
  const assessments = [
    ...paid2015.map((f) => assessRow(f, 2014, rnd.next() < 0.25 ? 'excellent' : 'pass', dayOf(rnd, '2015-02-02', '2015-03-20'), dayOf(rnd, '2015-04-01', '2015-04-30'))),
    ...valid2015.slice(SUBSIDY_FIGURES_2015.firms, SUBSIDY_FIGURES_2015.firms + 2).map((f) => assessRow(f, 2014, 'pass', '2015-03-10', '2015-04-20')),
    ...valid2015.slice(SUBSIDY_FIGURES_2015.firms + 2, SUBSIDY_FIGURES_2015.firms + 6).map((f) => assessRow(f, 2014, 'fail', '2015-03-12', '2015-04-22')),
    // 2015 figures, reported in 2016: the 2016 applicants passed; a queue still to grade; two fails
    ...firms2016.map((f) => assessRow(f, 2015, rnd.next() < 0.2 ? 'excellent' : 'pass', dayOf(rnd, '2016-02-01', '2016-03-15'), dayOf(rnd, '2016-04-01', '2016-04-29'))),
    ...valid2016.slice(firms2016.length, firms2016.length + 12).map((f) => assessRow(f, 2015, null, dayOf(rnd, '2016-08-15', '2016-09-09'), null)),
    ...valid2016.slice(firms2016.length + 12, firms2016.length + 14).map((f) => assessRow(f, 2015, 'fail', '2016-03-01', '2016-04-15')),
  ];
  for (let i = 0; i < assessments.length; i += 1000) {
    await tx.insert(performanceAssessments).values(assessments.slice(i, i + 1000));
  }

  // ── cases, details, loans, events ─────────────────────────────────────────────────────────────
  const caseRows = await tx
    .insert(cases)
    .values(
      planned.map((p) => ({
        instrument: INSTRUMENT,
        type: p.firm.programme,
        year: p.year,
        title: `${p.year}年度${PROGRAMME_NAMES[p.firm.programme]}贷款贴息申请`,
        enterpriseId: p.firm.enterpriseId,
        districtId: p.firm.districtId,
        status: p.status,
        dueOn: p.status === 'submitted' ? '2016-09-14' : p.status === 'district_passed' ? '2016-09-20' : p.status === 'returned' ? '2016-09-19' : p.status === 'approved' ? '2016-09-21' : null,
        submittedAt: p.submittedOn ? at(p.submittedOn) : null,
        decidedAt: p.approvedOn ? at(p.approvedOn) : null,
        createdAt: at(p.submittedOn ?? '2016-09-08'),
      })),
    )
    .returning({ id: cases.id });
  const ids = caseRows.map((r) => r.id);
  await tx.insert(interestSubsidyApplications).values(
    planned.map((p, i) => ({
      id: ids[i],
      programme: p.firm.programme,
      recognitionId: p.firm.recognitionId,
      contactName: '财务负责人',
      contactPhone: `0571-8${String(7000000 + i).slice(1)}`,
      calculation: present(p.calc),
      requestedFen: p.calc.amountFen,
      approvedFen: p.approvedOn ? p.calc.amountFen : null,
      approvedOn: p.approvedOn,
      paidOn: p.paidOn,
    })),
  );
  await tx.insert(interestSubsidyLoans).values(
    planned.flatMap((p, i) =>
      p.loans.map((l) => ({ caseId: ids[i], enterpriseId: p.firm.enterpriseId, year: p.year, bank: l.bank, contractNo: l.contractNo, principalFen: Math.round(l.principal * 100), rate: String(l.rate), startOn: l.startOn, endOn: l.endOn, active: p.status === 'rejected' ? 0 : 1 })),
    ),
  );
  const steps: Record<string, [string, string, string][]> = {
    draft: [],
    submitted: [['submit', 'draft', 'submitted']],
    returned: [['submit', 'draft', 'submitted'], ['district_return', 'submitted', 'returned']],
    district_passed: [['submit', 'draft', 'submitted'], ['district_pass', 'submitted', 'district_passed']],
    approved: [['submit', 'draft', 'submitted'], ['district_pass', 'submitted', 'district_passed'], ['city_approve', 'district_passed', 'approved']],
    paid: [['submit', 'draft', 'submitted'], ['district_pass', 'submitted', 'district_passed'], ['city_approve', 'district_passed', 'approved'], ['paid', 'approved', 'paid']],
    rejected: [['submit', 'draft', 'submitted'], ['district_reject', 'submitted', 'rejected']],
  };
  const label = (action: string) => (action === 'submit' ? '企业经办人（企业）' : action.startsWith('district') ? '区县科技局经办人（区县科技局）' : action === 'paid' ? '计划财务处' : '市科委业务处室（杭州市科学技术委员会）');
  const events = planned.flatMap((p, i) => [
    { caseId: ids[i], action: 'create', fromStatus: null, toStatus: 'draft', comment: null, actorLabel: label('submit'), occurredAt: at(p.submittedOn ?? '2016-09-08') },
    ...steps[p.status].map(([action, from, to]) => ({
      caseId: ids[i],
      action,
      fromStatus: from,
      toStatus: to,
      comment: to === p.status ? p.comment : null,
      actorLabel: label(action),
      occurredAt: at(action === 'paid' ? p.paidOn! : action === 'city_approve' ? p.approvedOn! : p.submittedOn!),
    })),
  ]);
  for (let i = 0; i < events.length; i += 2000) {
    await tx.insert(caseEvents).values(events.slice(i, i + 2000));
  }
  await appendTimeline(
    tx,
    planned.flatMap((p, i) => (p.paidOn ? [{ enterpriseId: p.firm.enterpriseId, module: INSTRUMENT, kind: 'paid', title: `${p.year}年度${PROGRAMME_NAMES[p.firm.programme]}贷款贴息拨付 ${(p.calc.amountFen / 100).toFixed(2)} 元`, refType: OBJECT_TYPE, refId: ids[i] }] : [])),
  );
  await recordAuditMany(
    tx,
    ctx,
    planned.map((p, i) => ({ action: `${OBJECT_TYPE}.seed`, objectType: OBJECT_TYPE, objectId: ids[i], after: { status: p.status, year: p.year, amountFen: p.calc.amountFen } })),
  );

  // ── the money: budgets, commitments, payments of the paid ones (seeded history) ──────────────
  type K = keyof typeof SUBSIDY_BOOK.accountKinds;
  const movements: Parameters<typeof postMovements<K, string>>[2] = [
    { kind: 'fund', valueDate: '2015-01-05', idempotencyKey: 'budget:2015', memo: '2015年度贷款贴息预算', entries: [{ account: { kind: 'appropriation' }, amountFen: -2_000_000_000 }, { account: { kind: 'budget', scope: 2015 }, amountFen: 2_000_000_000 }] },
    { kind: 'fund', valueDate: '2016-01-04', idempotencyKey: 'budget:2016', memo: '2016年度贷款贴息预算', entries: [{ account: { kind: 'appropriation' }, amountFen: -2_200_000_000 }, { account: { kind: 'budget', scope: 2016 }, amountFen: 2_200_000_000 }] },
  ];
  planned.forEach((p, i) => {
    if (!p.approvedOn) {
      return;
    }
    const amount = p.calc.amountFen;
    movements.push({ kind: 'commit', valueDate: p.approvedOn, idempotencyKey: `commit:${ids[i]}`, entries: [{ account: { kind: 'budget', scope: Number(p.approvedOn.slice(0, 4)) }, amountFen: -amount }, { account: { kind: 'committed', scope: ids[i] }, amountFen: amount }] });
    if (p.paidOn) {
      movements.push({ kind: 'pay', valueDate: p.paidOn, idempotencyKey: `seed-payment:${ids[i]}`, entries: [{ account: { kind: 'committed', scope: ids[i] }, amountFen: -amount }, { account: { kind: 'paid', scope: ids[i], owner: { type: 'enterprise', id: p.firm.enterpriseId } }, amountFen: amount }] });
    }
  });
  await postMovements(tx, SUBSIDY_BOOK, movements);
  // approved 2016 cases wait at the payment desk
  for (const [i, p] of planned.entries()) {
    if (p.status === 'approved') {
      const ent = (await repo.enterpriseOf(tx, p.firm.enterpriseId))!;
      const orderId = await prepareSubsidyPayment(tx, ctx, { id: ids[i], year: p.year, typeName: `${PROGRAMME_NAMES[p.firm.programme]}贷款贴息` }, ent, p.calc.amountFen);
      await repo.updateDetail(tx, ids[i], { paymentOrderId: orderId });
    }
  }
}
