import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { recognitionForms, type RecognitionType } from '../../db/schema/index.js';

export type FormRow = typeof recognitionForms.$inferSelect;

export async function findForm(db: Executor, type: RecognitionType, version: number): Promise<FormRow | undefined> {
  const [row] = await db.select().from(recognitionForms).where(and(eq(recognitionForms.type, type), eq(recognitionForms.version, version)));
  return row;
}

export async function latestForm(db: Executor, type: RecognitionType): Promise<FormRow | undefined> {
  const [row] = await db.select().from(recognitionForms).where(eq(recognitionForms.type, type)).orderBy(desc(recognitionForms.version)).limit(1);
  return row;
}

export async function formTypesPresent(db: Executor): Promise<Set<string>> {
  const rows = await db.selectDistinct({ type: recognitionForms.type }).from(recognitionForms);
  return new Set(rows.map((r) => r.type));
}

/** Inserts v1 rows; a concurrent first use inserting the same rows is ignored. */
export async function insertInitialForms(db: Executor, rows: { type: RecognitionType; spec: unknown }[]): Promise<void> {
  if (rows.length) {
    await db
      .insert(recognitionForms)
      .values(rows.map((r) => ({ type: r.type, version: 1, spec: r.spec })))
      .onConflictDoNothing();
  }
}

/** The next version of a type's form (serialised by the primary key: a concurrent publish gets a conflict). */
export async function insertNextForm(tx: Executor, type: RecognitionType, spec: unknown, publishedBy: number | null): Promise<FormRow | undefined> {
  const [row] = await tx
    .insert(recognitionForms)
    .values({
      type,
      version: sql`(select coalesce(max(${recognitionForms.version}), 0) + 1 from ${recognitionForms} where ${recognitionForms.type} = ${type})`,
      spec,
      publishedBy,
    })
    .onConflictDoNothing()
    .returning();
  return row;
}
