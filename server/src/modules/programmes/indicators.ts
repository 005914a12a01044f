import { and, asc, count, eq, gt, gte, lte, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { cases, enterprises, projectApplications } from '../../db/schema/index.js';
import { INSTRUMENT } from './programmes.repo.js';

/** Major projects approved (立项) in a year: the approval's business date decides the year, the case's district the district. */
function approvedIn(year: number, districtId?: number): SQL {
  const conds: SQL[] = [eq(cases.instrument, INSTRUMENT), eq(cases.type, 'major'), gte(projectApplications.approvedOn, `${year}-01-01`), lte(projectApplications.approvedOn, `${year}-12-31`)];
  if (districtId !== undefined) {
    conds.push(eq(cases.districtId, districtId));
  }
  return and(...conds)!;
}

export async function majorProjectsApproved(db: Executor, opts: { year: number; districtId?: number }): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(projectApplications)
    .innerJoin(cases, eq(cases.id, projectApplications.id))
    .where(approvedIn(opts.year, opts.districtId));
  return Number(r.n);
}

export async function majorProjectsByDistrict(db: Executor, year: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ districtId: cases.districtId, n: count() })
    .from(projectApplications)
    .innerJoin(cases, eq(cases.id, projectApplications.id))
    .where(approvedIn(year))
    .groupBy(cases.districtId);
  return new Map(rows.filter((r) => r.districtId !== null).map((r) => [r.districtId!, Number(r.n)]));
}

/** The records behind the figure (the drill-down), by approval date then id, keyset-paged. */
export async function majorProjectRecords(db: Executor, opts: { year: number; districtId?: number; limit: number; after?: { date: string; id: number } }) {
  const where = opts.after
    ? and(approvedIn(opts.year, opts.districtId), or(gt(projectApplications.approvedOn, opts.after.date), and(eq(projectApplications.approvedOn, opts.after.date), gt(cases.id, opts.after.id))))
    : approvedIn(opts.year, opts.districtId);
  const [items, total] = await Promise.all([
    db
      .select({ id: cases.id, title: cases.title, districtId: cases.districtId, enterpriseId: cases.enterpriseId, enterpriseName: enterprises.name, date: projectApplications.approvedOn, approvedFen: projectApplications.approvedFen })
      .from(projectApplications)
      .innerJoin(cases, eq(cases.id, projectApplications.id))
      .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
      .where(where)
      .orderBy(asc(projectApplications.approvedOn), asc(cases.id))
      .limit(opts.limit),
    majorProjectsApproved(db, opts),
  ]);
  return { total, items: items.map((r) => ({ ...r, date: r.date!, approvedFen: r.approvedFen ?? 0 })) };
}
