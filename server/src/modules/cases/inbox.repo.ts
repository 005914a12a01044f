import { and, asc, eq, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { cases, districts, enterprises, experts, organizations, panelMembers } from '../../db/schema/index.js';

/** Far future stands in for "no deadline" so the keyset order (due date, id) is total. */
export const NO_DUE = '9999-12-31';
const dueKey = sql<string>`coalesce(${cases.dueOn}, ${NO_DUE}::date)`;

export interface InboxWhere {
  instrument?: string;
  type?: string;
  status?: string;
  districtId?: number;
  dueBefore?: string;
  /** the caller's scope (district, enterprise, organisation, expert seat) */
  scope?: SQL;
  /** per instrument, the statuses waiting for the caller's roles ("mine") */
  awaiting?: { instrument: string; statuses: string[] }[];
}

/** Cases on which the user sits in a live panel seat whose review is still open. */
export function expertSeatCondition(userId: number, reviewStatuses: string[]): SQL {
  return and(
    inArray(cases.status, reviewStatuses.length ? reviewStatuses : ['__none__']),
    sql`exists (select 1 from ${panelMembers} join ${experts} on ${experts.id} = ${panelMembers.expertId}
          where ${panelMembers.caseId} = ${cases.id} and ${experts.userId} = ${userId} and ${panelMembers.status} in ('assigned', 'accepted'))`,
  )!;
}

function conditions(w: InboxWhere): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    w.scope,
    w.instrument ? eq(cases.instrument, w.instrument) : undefined,
    w.type ? eq(cases.type, w.type) : undefined,
    w.status ? eq(cases.status, w.status) : undefined,
    w.districtId !== undefined ? eq(cases.districtId, w.districtId) : undefined,
    w.dueBefore ? and(isNotNull(cases.dueOn), lte(cases.dueOn, w.dueBefore)) : undefined,
    w.awaiting
      ? or(...w.awaiting.filter((a) => a.statuses.length).map((a) => and(eq(cases.instrument, a.instrument), inArray(cases.status, a.statuses))), sql`false`)
      : undefined,
  ];
  return and(...conds);
}

/** One keyset page, most urgent first: by due date (none last), then id. */
export async function inboxPage(db: Executor, w: InboxWhere, opts: { after?: { due: string; id: number }; limit: number }) {
  const keyset = opts.after ? sql`(${dueKey}, ${cases.id}) > (${opts.after.due}::date, ${opts.after.id})` : undefined;
  return db
    .select({
      id: cases.id,
      instrument: cases.instrument,
      type: cases.type,
      status: cases.status,
      title: cases.title,
      dueOn: cases.dueOn,
      due: sql<string>`${dueKey}::text`,
      enterpriseId: cases.enterpriseId,
      enterpriseName: enterprises.name,
      organizationName: organizations.name,
      districtCode: districts.code,
      districtName: districts.name,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .leftJoin(organizations, eq(organizations.id, cases.organizationId))
    .leftJoin(districts, eq(districts.id, cases.districtId))
    .where(and(conditions(w), keyset))
    .orderBy(asc(dueKey), asc(cases.id))
    .limit(opts.limit);
}

/** Counts per instrument: all, overdue (due before today), due soon (due on or before `soon`). */
export async function inboxCounts(db: Executor, w: InboxWhere, today: string, soon: string) {
  return db
    .select({
      instrument: cases.instrument,
      count: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${cases.dueOn} < ${today}::date))::int`,
      dueSoon: sql<number>`(count(*) filter (where ${cases.dueOn} >= ${today}::date and ${cases.dueOn} <= ${soon}::date))::int`,
    })
    .from(cases)
    .where(conditions(w))
    .groupBy(cases.instrument);
}

export async function districtIdOf(db: Executor, code: string): Promise<number | undefined> {
  const [row] = await db
    .select({ id: districts.id })
    .from(districts)
    .where(or(eq(districts.code, code), eq(districts.name, code)));
  return row?.id;
}
