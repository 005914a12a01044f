import type { Executor } from '../../db/client.js';
import * as repo from './loans.repo.js';

const TYPE: Record<string, string> = { policy: '政策性担保', zhubaodai: '助保贷' };

/** guarantee.* and bridge_loan.* of a year, city-wide or one district's. */
export async function loanFigures(db: Executor, year: number, districtId?: number) {
  const g = await repo.guaranteeFigures(db, year, districtId);
  const b = await repo.bridgeFigures(db, year, districtId);
  return {
    'guarantee.amount': g.amount,
    'guarantee.firms': g.firms,
    'guarantee.amount_cum': g.amountCum,
    'guarantee.firm_times_cum': g.firmTimesCum,
    'bridge_loan.times_cum': b.reduce((s, r) => s + r.times, 0),
    'bridge_loan.amount_cum': b.reduce((s, r) => s + r.amount, 0),
  };
}

export async function loanFiguresByDistrict(db: Executor, year: number) {
  const out = new Map<number, Record<string, number>>();
  const at = (d: number) => out.get(d) ?? out.set(d, { 'guarantee.amount': 0, 'guarantee.firms': 0, 'guarantee.amount_cum': 0, 'guarantee.firm_times_cum': 0, 'bridge_loan.times_cum': 0, 'bridge_loan.amount_cum': 0 }).get(d)!;
  for (const g of await repo.guaranteeFiguresByDistrict(db, year)) {
    if (g.districtId !== null) {
      Object.assign(at(g.districtId), { 'guarantee.amount': g.amount, 'guarantee.firms': g.firms, 'guarantee.amount_cum': g.amountCum, 'guarantee.firm_times_cum': g.firmTimesCum });
    }
  }
  for (const b of await repo.bridgeFigures(db, year)) {
    if (b.districtId !== null) {
      Object.assign(at(b.districtId), { 'bridge_loan.times_cum': b.times, 'bridge_loan.amount_cum': b.amount });
    }
  }
  return out;
}

export async function guaranteeIndicatorRecords(db: Executor, q: { year: number; cumulative: boolean; districtId?: number; limit: number; after?: { date: string; id: number } }) {
  const page = await repo.guaranteeRecords(db, q);
  return { total: page.total, items: page.items.map((r) => ({ id: r.id, type: TYPE[r.type] ?? r.type, name: r.name ?? '', districtId: r.districtId, date: r.date!, amount: r.fen / 100, enterpriseId: r.enterpriseId })) };
}

export async function bridgeIndicatorRecords(db: Executor, q: { year: number; districtId?: number; limit: number; after?: { date: string; id: number } }) {
  const page = await repo.bridgeRecords(db, q);
  return { total: page.total, items: page.items.map((r) => ({ id: r.id, type: '融资周转金', name: r.name ?? '', districtId: r.districtId, date: r.date!, amount: (r.fen ?? 0) / 100, enterpriseId: r.enterpriseId })) };
}
