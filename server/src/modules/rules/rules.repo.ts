import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { recognitionCriteria, ruleSets } from '../../db/schema/rules.js';

export type RuleSetRow = typeof ruleSets.$inferSelect;
export type CriteriaRow = typeof recognitionCriteria.$inferSelect;

/** The rule set of a type in force on a date: the latest effective on or before it. */
export async function ruleSetInForce(db: Executor, type: string, on: string): Promise<RuleSetRow | null> {
  const [row] = await db
    .select()
    .from(ruleSets)
    .where(and(eq(ruleSets.type, type), lte(ruleSets.effectiveFrom, on)))
    .orderBy(desc(ruleSets.effectiveFrom))
    .limit(1);
  return row ?? null;
}

export async function listRuleSets(db: Executor): Promise<RuleSetRow[]> {
  return db.select().from(ruleSets).orderBy(asc(ruleSets.type), asc(ruleSets.effectiveFrom));
}

export async function findRuleSet(db: Executor, type: string, effectiveFrom: string): Promise<RuleSetRow | null> {
  const [row] = await db.select().from(ruleSets).where(and(eq(ruleSets.type, type), eq(ruleSets.effectiveFrom, effectiveFrom)));
  return row ?? null;
}

export async function upsertRuleSet(tx: Executor, row: typeof ruleSets.$inferInsert): Promise<RuleSetRow> {
  const [saved] = await tx
    .insert(ruleSets)
    .values(row)
    .onConflictDoUpdate({
      target: [ruleSets.type, ruleSets.effectiveFrom],
      set: { title: row.title, source: row.source, params: row.params, updatedBy: row.updatedBy, updatedAt: new Date() },
    })
    .returning();
  return saved;
}

export async function listCriteria(db: Executor, type?: string): Promise<CriteriaRow[]> {
  const q = db.select().from(recognitionCriteria);
  return (type ? q.where(eq(recognitionCriteria.type, type)) : q).orderBy(asc(recognitionCriteria.type), asc(recognitionCriteria.effectiveFrom));
}

export async function findCriteria(db: Executor, type: string, effectiveFrom: string): Promise<CriteriaRow | null> {
  const [row] = await db
    .select()
    .from(recognitionCriteria)
    .where(and(eq(recognitionCriteria.type, type), eq(recognitionCriteria.effectiveFrom, effectiveFrom)));
  return row ?? null;
}

export async function upsertCriteria(tx: Executor, row: typeof recognitionCriteria.$inferInsert): Promise<CriteriaRow> {
  const [saved] = await tx
    .insert(recognitionCriteria)
    .values(row)
    .onConflictDoUpdate({
      target: [recognitionCriteria.type, recognitionCriteria.effectiveFrom],
      set: { spec: row.spec, updatedBy: row.updatedBy, updatedAt: new Date() },
    })
    .returning();
  return saved;
}
