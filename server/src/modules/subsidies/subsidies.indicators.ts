import type { Executor } from '../../db/client.js';
import { PROGRAMME_NAMES } from './subsidies.schema.js';
import * as repo from './subsidies.repo.js';

/** interest_subsidy.firms / .amount of a subsidy year: paid applications (distinct firms, Σ approved yuan). */
export async function interestSubsidyFigures(db: Executor, year: number, districtId?: number) {
  const f = await repo.paidFigures(db, year, districtId);
  return { firms: f.firms, amount: f.fen / 100 };
}

export async function interestSubsidyFiguresByDistrict(db: Executor, year: number) {
  const rows = await repo.paidFiguresByDistrict(db, year);
  return new Map(rows.filter((r) => r.districtId !== null).map((r) => [r.districtId!, { firms: r.firms, amount: Number(r.fen) / 100 }]));
}

export async function interestSubsidyRecords(db: Executor, q: { year: number; districtId?: number; limit: number; after?: { date: string; id: number } }) {
  const page = await repo.paidRecords(db, q);
  return {
    total: page.total,
    items: page.items.map((r) => ({
      id: r.id,
      type: `${PROGRAMME_NAMES[r.type as 'eagle' | 'qinglan'] ?? r.type}贷款贴息`,
      name: r.name ?? '',
      districtId: r.districtId,
      date: r.date!,
      amount: (r.fen ?? 0) / 100,
      enterpriseId: r.enterpriseId,
    })),
  };
}
