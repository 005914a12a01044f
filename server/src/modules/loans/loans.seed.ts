import { asc } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { bridgeLoans, caseEvents, cases, enterprises, guarantees } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { createRandom, type Random } from '../../lib/random.js';
import { recordAuditMany } from '../audit/index.js';
import { postMovements } from '../ledger/index.js';
import { BRIDGE, BRIDGE_BOOK, BRIDGE_OBJECT, GUARANTEE, GUARANTEE_BOOK, GUARANTEE_OBJECT } from './instruments.js';
import { addMonths, feeOf } from './loans.service.js';

/** The source document's figures: guarantees 12.1亿元 for 297 firms in 2015, 64亿元 / 1800 firm-times cumulative; bridge loans 605 times / 34.8亿元 cumulative. */
export const LOAN_FIGURES_2015 = {
  guaranteeAmountFen: 121_000_000_000,
  guaranteeFirms: 297,
  guaranteeAmountCumFen: 640_000_000_000,
  guaranteeTimesCum: 1800,
  bridgeTimesCum: 605,
  bridgeAmountCumFen: 348_000_000_000,
};

const BANKS = ['杭州银行科技支行', '中国银行杭州高新支行', '工商银行杭州分行', '建设银行杭州城西支行', '农业银行杭州分行', '浙商银行', '招商银行杭州分行', '杭州联合银行', '交通银行浙江省分行', '中信银行杭州分行', '上海浦东发展银行杭州分行'];
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
const dayIn = (rnd: Random, from: string, to: string) => addDays(from, rnd.int(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)));

/** n amounts (fen, multiples of unit) summing exactly to total, each near total / n. */
function amountsSumming(rnd: Random, n: number, totalFen: number, unitFen: number): number[] {
  const out: number[] = [];
  let left = totalFen;
  for (let i = 0; i < n - 1; i++) {
    const need = left / (n - i);
    const a = Math.max(unitFen * 5, Math.round((need * (0.5 + rnd.next())) / unitFen) * unitFen);
    out.push(a);
    left -= a;
  }
  if (left <= 0) {
    throw new Error('loans seed: amounts overshoot');
  }
  out.push(left);
  return out;
}

interface PlannedCase {
  instrument: string;
  type: string;
  year: number;
  title: string;
  enterpriseId: number;
  districtId: number;
  status: string;
  dueOn: string | null;
  createdOn: string;
  events: [string, string | null, string, string, string | null][]; // action, from, to, date, comment
}

const OFFICER = '市科委业务处室（杭州市科学技术委员会）';
const DISTRICT = '区县科技局经办人（区县科技局）';
const FIRM = '企业经办人（企业）';
const actorOf = (action: string) => (action === 'create' || action === 'submit' ? FIRM : action.startsWith('district') ? DISTRICT : OFFICER);

/**
 * Demo bridge loans and guarantees since 2009: the 2015 figures exactly (counted by the indicators
 * from these records), the pools on the ledger, and 2016 cases in every state.
 */
export async function seedLoans(opts: { tx: Tx; ctx: RequestContext }) {
  const { tx, ctx } = opts;
  const rnd = createRandom(20090301);
  const ents = await tx.select({ id: enterprises.id, districtId: enterprises.districtId }).from(enterprises).orderBy(asc(enterprises.id));
  const demo = ents[0];
  const others = ents.slice(1);
  const anyFirm = () => rnd.pick(others);
  const TODAY = '2016-09-12';

  const planned: PlannedCase[] = [];
  const bridgeDetails: Omit<typeof bridgeLoans.$inferInsert, 'id'>[] = [];
  const guaranteeDetails: Omit<typeof guarantees.$inferInsert, 'id'>[] = [];
  const bridgeIdx: number[] = [];
  const guaranteeIdx: number[] = [];

  // ── bridge loans: 605 disbursed 2009–2015, 34.8亿元 ─────────────────────────────────────────
  const bridgeYears = [40, 55, 70, 85, 100, 120, 135];
  const bridgeAmounts = amountsSumming(rnd, LOAN_FIGURES_2015.bridgeTimesCum, LOAN_FIGURES_2015.bridgeAmountCumFen, 10_000_000);
  let k = 0;
  const addBridge = (firm: { id: number; districtId: number }, status: string, disbursedOn: string | null, amountFen: number, termDays: number, opts2: { late?: number; createdOn?: string; comment?: string | null } = {}) => {
    const bank = rnd.pick(BANKS);
    const dueOn = disbursedOn ? addDays(disbursedOn, termDays) : null;
    const repaidOn = status === 'repaid' ? addDays(dueOn!, -rnd.int(0, 3)) : status === 'repaid_late' ? addDays(dueOn!, opts2.late ?? 7) : null;
    const created = opts2.createdOn ?? addDays(disbursedOn!, -rnd.int(8, 20));
    const ev: PlannedCase['events'] = [['create', null, 'draft', created, null]];
    const chain: [string, string, string][] = [
      ['submit', 'draft', 'submitted'],
      ['district_pass', 'submitted', 'district_passed'],
      ['approve', 'district_passed', 'approved'],
      ['disburse', 'approved', 'disbursed'],
    ];
    const upto: Record<string, number> = { draft: 0, submitted: 1, returned: 1, district_passed: 2, approved: 3, disbursed: 4, repaid: 4, repaid_late: 4, rejected: 2 };
    chain.slice(0, upto[status]).forEach(([a, f, t], i) => ev.push([a, f, t, i === 3 ? disbursedOn! : addDays(created, i + 1), null]));
    if (status === 'returned') {
      ev.push(['district_return', 'submitted', 'returned', addDays(created, 2), opts2.comment ?? null]);
    }
    if (status === 'rejected') {
      ev.push(['reject', 'district_passed', 'rejected', addDays(created, 4), opts2.comment ?? null]);
    }
    if (repaidOn) {
      ev.push([status === 'repaid' ? 'repay' : 'repay_late', 'disbursed', status, repaidOn, null]);
    }
    const caseDue = status === 'disbursed' ? dueOn : status === 'submitted' ? addDays(TODAY, 3) : status === 'district_passed' ? addDays(TODAY, 2) : status === 'approved' ? addDays(TODAY, 1) : status === 'returned' ? addDays(TODAY, 4) : null;
    bridgeIdx.push(planned.length);
    planned.push({ instrument: BRIDGE, type: 'bridge', year: Number(created.slice(0, 4)), title: `融资周转金申请（${bank}）`, enterpriseId: firm.id, districtId: firm.districtId, status, dueOn: caseDue, createdOn: created, events: ev });
    bridgeDetails.push({
      bank,
      bankLoanNo: `${(disbursedOn ?? created).slice(0, 4)}借字${String(10000 + planned.length).slice(1)}号`,
      requestedFen: amountFen,
      termDays,
      purpose: '原流动资金贷款到期续贷过桥',
      approvedFen: ['approved', 'disbursed', 'repaid', 'repaid_late'].includes(status) ? amountFen : null,
      disbursedOn,
      dueOn,
      repaidOn,
      repaidFen: repaidOn ? amountFen : null,
      overdueDays: repaidOn ? (status === 'repaid_late' ? opts2.late ?? 7 : 0) : null,
    });
  };
  bridgeYears.forEach((n, yi) => {
    const year = 2009 + yi;
    for (let i = 0; i < n; i++) {
      const late = rnd.next() < 0.05;
      addBridge(anyFirm(), late ? 'repaid_late' : 'repaid', dayIn(rnd, `${year}-01-20`, `${year}-12-20`), bridgeAmounts[k++], rnd.pick([30, 45, 60, 60, 90]), { late: rnd.int(2, 25) });
    }
  });
  // 2016 in every state (the demo enterprise has one repaid; its next is the browser journey's)
  addBridge(demo, 'repaid', '2016-03-14', 3_000_000_00, 60);
  for (const [status, n] of [['repaid', 4], ['repaid_late', 2], ['disbursed', 4], ['approved', 2], ['district_passed', 2], ['submitted', 3], ['returned', 1], ['draft', 2], ['rejected', 2]] as const) {
    for (let i = 0; i < n; i++) {
      const amount = rnd.int(10, 80) * 10_000_000;
      const term = rnd.pick([30, 60, 90]);
      if (status === 'disbursed') {
        // one overdue (due before today), the others due in the coming weeks
        const d = i === 0 ? '2016-06-20' : dayIn(rnd, '2016-08-01', '2016-09-09');
        addBridge(anyFirm(), status, d, amount, i === 0 ? 60 : Math.max(term, 45));
      } else if (status === 'repaid' || status === 'repaid_late') {
        addBridge(anyFirm(), status, dayIn(rnd, '2016-01-10', '2016-05-31'), amount, term, { late: rnd.int(3, 15) });
      } else {
        addBridge(anyFirm(), status, null, amount, term, { createdOn: dayIn(rnd, '2016-08-22', '2016-09-09'), comment: status === 'returned' ? '请补充原贷款银行出具的续贷承诺函' : '企业存在未结清的逾期贷款，不符合周转金使用条件' });
      }
    }
  }

  // ── guarantees: 1503 in 2009–2014 (51.9亿元), 297 firms in 2015 (12.1亿元) ───────────────────
  const gYears = [120, 160, 200, 250, 330, 443];
  const histAmounts = amountsSumming(rnd, 1503, LOAN_FIGURES_2015.guaranteeAmountCumFen - LOAN_FIGURES_2015.guaranteeAmountFen, 10_000_000);
  const amounts2015 = amountsSumming(rnd, LOAN_FIGURES_2015.guaranteeFirms, LOAN_FIGURES_2015.guaranteeAmountFen, 10_000_000);
  const firms2015 = [...others].sort(() => 0).filter((_, i) => i % 7 === 3).slice(0, LOAN_FIGURES_2015.guaranteeFirms);
  if (firms2015.length < LOAN_FIGURES_2015.guaranteeFirms) {
    throw new Error('loans seed: too few enterprises');
  }
  const addGuarantee = (firm: { id: number; districtId: number }, type: string, status: string, startsOn: string | null, amountFen: number, termMonths: number, opts2: { createdOn?: string; comment?: string | null } = {}) => {
    const bank = rnd.pick(BANKS);
    const feeRate = rnd.pick([1, 1.2, 1.5, 1.5, 2]);
    const endsOn = startsOn ? addMonths(startsOn, termMonths) : null;
    const created = opts2.createdOn ?? addDays(startsOn!, -rnd.int(10, 30));
    const fee = startsOn ? feeOf(amountFen, feeRate, termMonths, type) : null;
    const defaultedOn = status === 'defaulted' || status === 'compensated' ? addDays(endsOn! < TODAY ? endsOn! : TODAY, -rnd.int(5, 20)) : null;
    const compensatedOn = status === 'compensated' ? addDays(defaultedOn!, rnd.int(10, 30)) : null;
    const compensatedFen = status === 'compensated' ? Math.round((amountFen * rnd.int(40, 90)) / 100 / 100) * 100 : null;
    const ev: PlannedCase['events'] = [['create', null, 'draft', created, null]];
    const chain: [string, string, string][] = [
      ['submit', 'draft', 'submitted'],
      ['district_pass', 'submitted', 'district_passed'],
      ['approve', 'district_passed', 'guaranteed'],
    ];
    const upto: Record<string, number> = { draft: 0, submitted: 1, returned: 1, district_passed: 2, guaranteed: 3, released: 3, defaulted: 3, compensated: 3, rejected: 2 };
    chain.slice(0, upto[status]).forEach(([a, f, t], i) => ev.push([a, f, t, i === 2 ? startsOn! : addDays(created, i + 1), null]));
    if (status === 'returned') {
      ev.push(['district_return', 'submitted', 'returned', addDays(created, 2), opts2.comment ?? null]);
    }
    if (status === 'rejected') {
      ev.push(['reject', 'district_passed', 'rejected', addDays(created, 4), opts2.comment ?? null]);
    }
    if (status === 'released') {
      ev.push(['release', 'guaranteed', 'released', endsOn! < TODAY ? endsOn! : TODAY, null]);
    }
    if (defaultedOn) {
      ev.push(['default', 'guaranteed', 'defaulted', defaultedOn, '贷款到期未能归还，银行申请代偿']);
    }
    if (compensatedOn) {
      ev.push(['compensate', 'defaulted', 'compensated', compensatedOn, null]);
    }
    const caseDue = status === 'guaranteed' ? endsOn : status === 'defaulted' ? addDays(TODAY, 6) : status === 'submitted' ? addDays(TODAY, 5) : status === 'district_passed' ? addDays(TODAY, 4) : status === 'returned' ? addDays(TODAY, 5) : null;
    guaranteeIdx.push(planned.length);
    planned.push({ instrument: GUARANTEE, type, year: Number(created.slice(0, 4)), title: `${type === 'policy' ? '政策性担保' : '助保贷'}申请（${bank}）`, enterpriseId: firm.id, districtId: firm.districtId, status, dueOn: caseDue, createdOn: created, events: ev });
    guaranteeDetails.push({
      bank,
      amountFen,
      termMonths,
      feeRate: String(feeRate),
      feeFen: fee?.feeFen ?? null,
      feeSubsidyFen: fee?.feeSubsidyFen ?? null,
      startsOn,
      endsOn,
      repaidOn: status === 'released' ? (endsOn! < TODAY ? endsOn! : TODAY) : null,
      defaultedOn,
      compensatedFen,
      compensatedOn,
    });
  };
  let h = 0;
  gYears.forEach((n, yi) => {
    const year = 2009 + yi;
    for (let i = 0; i < n; i++) {
      addGuarantee(anyFirm(), 'policy', rnd.next() < 0.015 ? 'compensated' : 'released', dayIn(rnd, `${year}-01-05`, `${year}-12-25`), histAmounts[h++], rnd.pick([6, 12, 12, 12, 24]));
    }
  });
  firms2015.forEach((firm, i) => {
    const startsOn = dayIn(rnd, '2015-01-05', '2015-12-25');
    const term = rnd.pick([6, 12, 12, 12, 24]);
    const endsOn = addMonths(startsOn, term);
    const status = endsOn < TODAY ? (rnd.next() < 0.02 ? 'compensated' : 'released') : 'guaranteed';
    addGuarantee(firm, rnd.next() < 0.25 ? 'zhubaodai' : 'policy', status, startsOn, amounts2015[i], term);
  });
  for (const [status, n] of [['guaranteed', 8], ['released', 2], ['defaulted', 1], ['compensated', 1], ['district_passed', 3], ['submitted', 3], ['returned', 1], ['draft', 2], ['rejected', 1]] as const) {
    for (let i = 0; i < n; i++) {
      const amount = rnd.int(10, 100) * 10_000_000;
      const type = rnd.next() < 0.4 ? 'zhubaodai' : 'policy';
      if (['guaranteed', 'released', 'defaulted', 'compensated'].includes(status)) {
        const startsOn = status === 'guaranteed' ? dayIn(rnd, '2016-02-01', '2016-09-05') : dayIn(rnd, '2016-01-05', '2016-02-28');
        addGuarantee(anyFirm(), type, status, startsOn, amount, status === 'guaranteed' ? 12 : 6);
      } else {
        addGuarantee(anyFirm(), type, status, null, amount, 12, { createdOn: dayIn(rnd, '2016-08-22', '2016-09-09'), comment: status === 'returned' ? '请补充银行出具的贷款审批意见' : '企业资产负债率超过担保准入标准' });
      }
    }
  }

  // ── rows ──────────────────────────────────────────────────────────────────────────────────────
  const ids: number[] = [];
  for (let i = 0; i < planned.length; i += 1000) {
    const rows = await tx
      .insert(cases)
      .values(
        planned.slice(i, i + 1000).map((p) => ({
          instrument: p.instrument,
          type: p.type,
          year: p.year,
          title: p.title,
          enterpriseId: p.enterpriseId,
          districtId: p.districtId,
          status: p.status,
          dueOn: p.dueOn,
          submittedAt: p.events.length > 1 ? at(p.events[1][3]) : null,
          createdAt: at(p.createdOn),
        })),
      )
      .returning({ id: cases.id });
    ids.push(...rows.map((r) => r.id));
  }
  for (let i = 0; i < bridgeDetails.length; i += 1000) {
    await tx.insert(bridgeLoans).values(bridgeDetails.slice(i, i + 1000).map((d, j) => ({ ...d, id: ids[bridgeIdx[i + j]] })));
  }
  for (let i = 0; i < guaranteeDetails.length; i += 1000) {
    await tx.insert(guarantees).values(guaranteeDetails.slice(i, i + 1000).map((d, j) => ({ ...d, id: ids[guaranteeIdx[i + j]] })));
  }
  // closed history keeps its first and last step; 2016 cases keep every step
  const events = planned.flatMap((p, i) => (p.year < 2016 && p.events.length > 2 ? [p.events[0], p.events[p.events.length - 1]] : p.events).map(([action, from, to, date, comment]) => ({ caseId: ids[i], action, fromStatus: from, toStatus: to, comment, actorLabel: actorOf(action), occurredAt: at(date) })));
  for (let i = 0; i < events.length; i += 2000) {
    await tx.insert(caseEvents).values(events.slice(i, i + 2000));
  }
  await recordAuditMany(
    tx,
    ctx,
    planned.map((p, i) => ({ action: `${p.instrument === BRIDGE ? BRIDGE_OBJECT : GUARANTEE_OBJECT}.seed`, objectType: p.instrument === BRIDGE ? BRIDGE_OBJECT : GUARANTEE_OBJECT, objectId: ids[i], after: { status: p.status, year: p.year } })),
  );

  // ── the pools on the ledger ─────────────────────────────────────────────────────────────────
  type BK = keyof typeof BRIDGE_BOOK.accountKinds;
  const bm: Parameters<typeof postMovements<BK, string>>[2] = [
    { kind: 'fund', valueDate: '2009-03-02', idempotencyKey: 'capital:2009', memo: '市财政注入周转金资本金', entries: [{ account: { kind: 'capital' }, amountFen: -30_000_000_000 }, { account: { kind: 'pool' }, amountFen: 30_000_000_000 }] },
    { kind: 'fund', valueDate: '2013-01-07', idempotencyKey: 'capital:2013', memo: '周转金资本金增资', entries: [{ account: { kind: 'capital' }, amountFen: -20_000_000_000 }, { account: { kind: 'pool' }, amountFen: 20_000_000_000 }] },
  ];
  // loans closed before 2016 are history: one lend and one repay movement a year on `settled`
  const turnover = new Map<number, number>();
  bridgeDetails.forEach((d) => {
    if (d.repaidOn && d.repaidOn < '2016-01-01') {
      const y = Number(d.disbursedOn!.slice(0, 4));
      turnover.set(y, (turnover.get(y) ?? 0) + d.approvedFen!);
    }
  });
  for (const [y, fen] of [...turnover].sort((a, b) => a[0] - b[0])) {
    bm.push({ kind: 'lend', valueDate: `${y}-12-31`, idempotencyKey: `history-lend:${y}`, memo: `${y}年周转金放款合计（历史数据）`, entries: [{ account: { kind: 'pool' }, amountFen: -fen }, { account: { kind: 'settled', scope: y }, amountFen: fen }] });
    bm.push({ kind: 'repay', valueDate: `${y}-12-31`, idempotencyKey: `history-repay:${y}`, memo: `${y}年周转金归还合计（历史数据）`, entries: [{ account: { kind: 'settled', scope: y }, amountFen: -fen }, { account: { kind: 'pool' }, amountFen: fen }] });
  }
  bridgeDetails.forEach((d, j) => {
    const id = ids[bridgeIdx[j]];
    const owner = { type: 'enterprise', id: planned[bridgeIdx[j]].enterpriseId };
    if (d.repaidOn && d.repaidOn < '2016-01-01') {
      return;
    }
    if (d.disbursedOn) {
      bm.push({ kind: 'lend', valueDate: d.disbursedOn, idempotencyKey: `lend:${id}`, entries: [{ account: { kind: 'pool' }, amountFen: -d.approvedFen! }, { account: { kind: 'loan', scope: id, owner }, amountFen: d.approvedFen! }] });
    }
    if (d.repaidOn) {
      bm.push({ kind: 'repay', valueDate: d.repaidOn, idempotencyKey: `repay:${id}`, entries: [{ account: { kind: 'loan', scope: id, owner }, amountFen: -d.approvedFen! }, { account: { kind: 'pool' }, amountFen: d.approvedFen! }] });
    }
  });
  await postMovements(tx, BRIDGE_BOOK, bm);
  type GK = keyof typeof GUARANTEE_BOOK.accountKinds;
  const gm: Parameters<typeof postMovements<GK, string>>[2] = [];
  for (let y = 2009; y <= 2016; y++) {
    gm.push({ kind: 'fund', valueDate: `${y}-01-05`, idempotencyKey: `risk_pool:${y}`, memo: `${y}年度担保风险池补充`, entries: [{ account: { kind: 'capital' }, amountFen: -5_000_000_000 }, { account: { kind: 'risk_pool' }, amountFen: 5_000_000_000 }] });
    gm.push({ kind: 'fund', valueDate: `${y}-01-05`, idempotencyKey: `fee_budget:${y}`, memo: `${y}年度担保费补助预算`, entries: [{ account: { kind: 'capital' }, amountFen: -1_500_000_000 }, { account: { kind: 'fee_budget' }, amountFen: 1_500_000_000 }] });
  }
  // fee subsidies of guarantees started before 2016 are history: one movement a year
  const feeByYear = new Map<number, number>();
  guaranteeDetails.forEach((d) => {
    if (d.feeSubsidyFen && d.startsOn! < '2016-01-01') {
      const y = Number(d.startsOn!.slice(0, 4));
      feeByYear.set(y, (feeByYear.get(y) ?? 0) + d.feeSubsidyFen);
    }
  });
  for (const [y, fen] of [...feeByYear].sort((a, b) => a[0] - b[0])) {
    gm.push({ kind: 'fee_subsidy', valueDate: `${y}-12-31`, idempotencyKey: `history-fee-subsidy:${y}`, memo: `${y}年担保费补助合计（历史数据）`, entries: [{ account: { kind: 'fee_budget' }, amountFen: -fen }, { account: { kind: 'fee_subsidy_settled', scope: y }, amountFen: fen }] });
  }
  guaranteeDetails.forEach((d, j) => {
    const id = ids[guaranteeIdx[j]];
    const owner = { type: 'enterprise', id: planned[guaranteeIdx[j]].enterpriseId };
    if (d.feeSubsidyFen && d.startsOn! >= '2016-01-01') {
      gm.push({ kind: 'fee_subsidy', valueDate: d.startsOn!, idempotencyKey: `fee_subsidy:${id}`, entries: [{ account: { kind: 'fee_budget' }, amountFen: -d.feeSubsidyFen }, { account: { kind: 'fee_subsidy', scope: id, owner }, amountFen: d.feeSubsidyFen }] });
    }
    if (d.compensatedFen) {
      gm.push({ kind: 'compensate', valueDate: d.compensatedOn!, idempotencyKey: `compensate:${id}`, entries: [{ account: { kind: 'risk_pool' }, amountFen: -d.compensatedFen }, { account: { kind: 'compensation', scope: id, owner }, amountFen: d.compensatedFen }] });
    }
  });
  await postMovements(tx, GUARANTEE_BOOK, gm);
}
