import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  allocationPlanDistricts,
  allocationPlans,
  districts,
  users,
  type AllocationFactor,
} from "../../db/schema/index.js";

export type PlanRow = typeof allocationPlans.$inferSelect;
export type LineRow = typeof allocationPlanDistricts.$inferSelect;
export interface DistrictRow {
  id: number;
  code: string;
  name: string;
}

export async function allDistricts(db: Executor): Promise<DistrictRow[]> {
  return db
    .select({ id: districts.id, code: districts.code, name: districts.name })
    .from(districts)
    .orderBy(asc(districts.sortOrder), asc(districts.code));
}

export async function insertPlan(
  tx: Executor,
  plan: {
    name: string;
    year: number;
    kind: string;
    totalFen: number;
    factors: AllocationFactor[];
    note: string | null;
    correctsPlanId: number | null;
    preparedBy: number;
  },
): Promise<PlanRow> {
  const [row] = await tx.insert(allocationPlans).values(plan).returning();
  return row;
}

export async function replaceLines(
  tx: Executor,
  planId: number,
  lines: Omit<LineRow, "planId">[],
): Promise<void> {
  await tx
    .delete(allocationPlanDistricts)
    .where(eq(allocationPlanDistricts.planId, planId));
  if (lines.length) {
    await tx
      .insert(allocationPlanDistricts)
      .values(lines.map((l) => ({ ...l, planId })));
  }
}

export async function updatePlan(
  tx: Executor,
  id: number,
  set: Partial<typeof allocationPlans.$inferInsert>,
): Promise<PlanRow> {
  const [row] = await tx
    .update(allocationPlans)
    .set({
      ...set,
      version: sql`${allocationPlans.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(allocationPlans.id, id))
    .returning();
  return row;
}

export async function lockPlan(
  tx: Executor,
  id: number,
): Promise<PlanRow | null> {
  const [row] = await tx
    .select()
    .from(allocationPlans)
    .where(eq(allocationPlans.id, id))
    .for("update");
  return row ?? null;
}

export async function findPlan(
  db: Executor,
  id: number,
): Promise<PlanRow | null> {
  const [row] = await db
    .select()
    .from(allocationPlans)
    .where(eq(allocationPlans.id, id));
  return row ?? null;
}

export async function listPlans(
  db: Executor,
  f: { year?: number; status?: string; approvedOnly: boolean },
): Promise<PlanRow[]> {
  const conds = [];
  if (f.year !== undefined) {
    conds.push(eq(allocationPlans.year, f.year));
  }
  if (f.status !== undefined) {
    conds.push(eq(allocationPlans.status, f.status));
  }
  if (f.approvedOnly) {
    conds.push(inArray(allocationPlans.status, ["approved", "superseded"]));
  }
  return db
    .select()
    .from(allocationPlans)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(allocationPlans.year), desc(allocationPlans.id))
    .limit(500);
}

export async function linesOf(
  db: Executor,
  planIds: number[],
): Promise<LineRow[]> {
  if (!planIds.length) {
    return [];
  }
  return db
    .select()
    .from(allocationPlanDistricts)
    .where(inArray(allocationPlanDistricts.planId, planIds));
}

export async function userNames(
  db: Executor,
  ids: number[],
): Promise<Map<number, string>> {
  const uniq = [...new Set(ids)];
  if (!uniq.length) {
    return new Map();
  }
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, uniq));
  return new Map(rows.map((r) => [r.id, r.name]));
}
