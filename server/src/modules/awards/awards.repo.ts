import { and, asc, count, desc, eq, like, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  awardNominations,
  awardRecords,
  caseEvents,
  cases,
  districts,
  enterprises,
} from "../../db/schema/index.js";

export type NominationRow = typeof awardNominations.$inferSelect;
export type RecordRow = typeof awardRecords.$inferSelect;

export async function findNomination(
  db: Executor,
  id: number,
): Promise<NominationRow | null> {
  const [row] = await db
    .select()
    .from(awardNominations)
    .where(eq(awardNominations.id, id));
  return row ?? null;
}
export async function insertNomination(
  db: Executor,
  row: typeof awardNominations.$inferInsert,
): Promise<void> {
  await db.insert(awardNominations).values(row);
}
export async function updateNomination(
  db: Executor,
  id: number,
  set: Partial<typeof awardNominations.$inferInsert>,
): Promise<void> {
  await db.update(awardNominations).set(set).where(eq(awardNominations.id, id));
}
export async function setAward(
  db: Executor,
  id: number,
  set: { grade: string; certificateNo: string; awardedOn: string },
): Promise<void> {
  await db.update(awardNominations).set(set).where(eq(awardNominations.id, id));
}
export async function countCertificates(
  db: Executor,
  prefix: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(awardNominations)
    .where(like(awardNominations.certificateNo, `${prefix}%`));
  return Number(row.n);
}
export async function touchCase(
  db: Executor,
  id: number,
  title: string,
): Promise<void> {
  await db
    .update(cases)
    .set({ title, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(eq(cases.id, id));
}

const nominationColumns = {
  id: cases.id,
  year: cases.year,
  title: cases.title,
  status: cases.status,
  dueOn: cases.dueOn,
  panelScore: cases.panelScore,
  version: cases.version,
  noticeId: cases.noticeId,
  enterpriseId: cases.enterpriseId,
  districtId: cases.districtId,
  enterpriseName: enterprises.name,
  districtName: districts.name,
  field: awardNominations.field,
  nominatingUnit: awardNominations.nominatingUnit,
  proposedGrade: awardNominations.proposedGrade,
  grade: awardNominations.grade,
  certificateNo: awardNominations.certificateNo,
  achievement: awardNominations.achievement,
  summary: awardNominations.summary,
  completers: awardNominations.completers,
  awardedOn: awardNominations.awardedOn,
};
export type NominationView = Awaited<
  ReturnType<typeof listNominations>
>[number];

export async function listNominations(
  db: Executor,
  f: {
    year?: number;
    status?: string;
    districtId?: number;
    enterpriseId?: number;
    id?: number;
  },
) {
  const conds = [eq(cases.instrument, "awards")];
  if (f.year !== undefined) {
    conds.push(eq(cases.year, f.year));
  }
  if (f.status !== undefined) {
    conds.push(eq(cases.status, f.status));
  }
  if (f.districtId !== undefined) {
    conds.push(eq(cases.districtId, f.districtId));
  }
  if (f.enterpriseId !== undefined) {
    conds.push(eq(cases.enterpriseId, f.enterpriseId));
  }
  if (f.id !== undefined) {
    conds.push(eq(cases.id, f.id));
  }
  return db
    .select(nominationColumns)
    .from(cases)
    .innerJoin(awardNominations, eq(awardNominations.id, cases.id))
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .leftJoin(districts, eq(districts.id, cases.districtId))
    .where(and(...conds))
    .orderBy(desc(cases.year), desc(cases.id))
    .limit(1000);
}

export async function eventsOf(db: Executor, caseId: number) {
  return db
    .select({
      action: caseEvents.action,
      toStatus: caseEvents.toStatus,
      comment: caseEvents.comment,
      actorLabel: caseEvents.actorLabel,
      occurredAt: caseEvents.occurredAt,
    })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id));
}

// ── national and provincial award records ────────────────────────────────────────────────────
export async function insertRecords(
  db: Executor,
  rows: (typeof awardRecords.$inferInsert)[],
): Promise<RecordRow[]> {
  return rows.length ? db.insert(awardRecords).values(rows).returning() : [];
}
export async function listRecords(
  db: Executor,
  f: { year?: number; level?: string; districtId?: number },
) {
  const conds = [];
  if (f.year !== undefined) {
    conds.push(eq(awardRecords.year, f.year));
  }
  if (f.level !== undefined) {
    conds.push(eq(awardRecords.level, f.level));
  }
  if (f.districtId !== undefined) {
    conds.push(eq(awardRecords.districtId, f.districtId));
  }
  return db
    .select({ r: awardRecords, districtName: districts.name })
    .from(awardRecords)
    .leftJoin(districts, eq(districts.id, awardRecords.districtId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(
      desc(awardRecords.year),
      asc(awardRecords.level),
      asc(awardRecords.grade),
      asc(awardRecords.id),
    )
    .limit(2000);
}
export async function enterpriseDistrict(
  db: Executor,
  enterpriseId: number,
): Promise<number | null | undefined> {
  const [row] = await db
    .select({ districtId: enterprises.districtId })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return row ? row.districtId : undefined;
}

/** The award.* counts of a year: national progress first/second, provincial progress (all grades); by district when asked. */
export async function indicatorCounts(db: Executor, year: number) {
  return db
    .select({
      districtId: awardRecords.districtId,
      nationalFirst: sql<number>`count(*) filter (where ${awardRecords.level} = 'national' and ${awardRecords.grade} = 'first')::int`,
      nationalSecond: sql<number>`count(*) filter (where ${awardRecords.level} = 'national' and ${awardRecords.grade} = 'second')::int`,
      provincial: sql<number>`count(*) filter (where ${awardRecords.level} = 'provincial')::int`,
    })
    .from(awardRecords)
    .where(
      and(eq(awardRecords.year, year), eq(awardRecords.category, "progress")),
    )
    .groupBy(awardRecords.districtId);
}
export async function cityAwardCounts(db: Executor, year: number) {
  return db
    .select({ grade: awardNominations.grade, n: count() })
    .from(awardNominations)
    .innerJoin(cases, eq(cases.id, awardNominations.id))
    .where(and(eq(cases.year, year), eq(cases.status, "awarded")))
    .groupBy(awardNominations.grade);
}
export async function indicatorRecords(
  db: Executor,
  f: {
    year: number;
    code: string;
    districtId?: number;
    limit: number;
    after?: { date: string; id: number };
  },
) {
  const conds = [
    eq(awardRecords.year, f.year),
    eq(awardRecords.category, "progress"),
  ];
  if (f.code === "award.national.first") {
    conds.push(
      eq(awardRecords.level, "national"),
      eq(awardRecords.grade, "first"),
    );
  } else if (f.code === "award.national.second") {
    conds.push(
      eq(awardRecords.level, "national"),
      eq(awardRecords.grade, "second"),
    );
  } else {
    conds.push(eq(awardRecords.level, "provincial"));
  }
  if (f.districtId !== undefined) {
    conds.push(eq(awardRecords.districtId, f.districtId));
  }
  const [{ n }] = await db
    .select({ n: count() })
    .from(awardRecords)
    .where(and(...conds));
  if (f.after) {
    conds.push(
      sql`(${awardRecords.awardedOn}, ${awardRecords.id}) > (${f.after.date}, ${f.after.id})`,
    );
  }
  const items = await db
    .select()
    .from(awardRecords)
    .where(and(...conds))
    .orderBy(asc(awardRecords.awardedOn), asc(awardRecords.id))
    .limit(f.limit);
  return { total: Number(n), items };
}
