import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { cases, districts, enterprises, recognitionBatches, recognitionRecommendations, recognitions, type RecognitionType } from '../../db/schema/index.js';
import { INSTRUMENT } from './applications.repo.js';

export type RecommendationRow = typeof recognitionRecommendations.$inferSelect;
export type BatchRow = typeof recognitionBatches.$inferSelect;

export async function insertRecommendation(tx: Executor, row: typeof recognitionRecommendations.$inferInsert): Promise<RecommendationRow> {
  const [r] = await tx.insert(recognitionRecommendations).values(row).returning();
  return r;
}

export async function findRecommendation(db: Executor, caseId: number): Promise<RecommendationRow | null> {
  const [r] = await db.select().from(recognitionRecommendations).where(eq(recognitionRecommendations.caseId, caseId));
  return r ?? null;
}

export async function setResult(tx: Executor, caseId: number, set: Partial<RecommendationRow>): Promise<void> {
  await tx.update(recognitionRecommendations).set(set).where(eq(recognitionRecommendations.caseId, caseId));
}

export async function insertBatch(tx: Executor, row: typeof recognitionBatches.$inferInsert): Promise<BatchRow> {
  const [b] = await tx.insert(recognitionBatches).values(row).returning();
  return b;
}

export async function findBatch(db: Executor, id: number): Promise<BatchRow | null> {
  const [b] = await db.select().from(recognitionBatches).where(eq(recognitionBatches.id, id));
  return b ?? null;
}

/** Recommended cases of a type not yet in a batch, locked for the batch (id order). */
export async function lockUnbatched(tx: Executor, ids: number[]) {
  return tx
    .select({ caseId: recognitionRecommendations.caseId, type: cases.type, year: cases.year, batchId: recognitionRecommendations.batchId })
    .from(recognitionRecommendations)
    .innerJoin(cases, eq(cases.id, recognitionRecommendations.caseId))
    .where(inArray(recognitionRecommendations.caseId, ids))
    .orderBy(asc(recognitionRecommendations.caseId))
    .for('update');
}

export async function assignBatch(tx: Executor, ids: number[], batchId: number): Promise<void> {
  await tx.update(recognitionRecommendations).set({ batchId }).where(inArray(recognitionRecommendations.caseId, ids));
}

export interface RecommendationFilter {
  type?: RecognitionType;
  year?: number;
  batchId?: number;
  state?: 'pending' | 'recorded' | 'all';
  districtId?: number;
}

export async function listRecommendations(db: Executor, f: RecommendationFilter, limit: number) {
  const conds: SQL[] = [eq(cases.instrument, INSTRUMENT)];
  if (f.type) {
    conds.push(eq(cases.type, f.type));
  }
  if (f.year) {
    conds.push(eq(cases.year, f.year));
  }
  if (f.batchId !== undefined) {
    conds.push(eq(recognitionRecommendations.batchId, f.batchId));
  }
  if (f.districtId !== undefined) {
    conds.push(eq(cases.districtId, f.districtId));
  }
  if (f.state === 'pending') {
    conds.push(isNull(recognitionRecommendations.result));
  } else if (f.state === 'recorded') {
    conds.push(isNotNull(recognitionRecommendations.result));
  }
  return db
    .select({
      applicationId: recognitionRecommendations.caseId,
      type: sql<RecognitionType>`${cases.type}`,
      year: cases.year,
      status: cases.status,
      enterpriseId: cases.enterpriseId,
      enterpriseName: enterprises.name,
      uscc: enterprises.uscc,
      districtName: districts.name,
      recommendedOn: recognitionRecommendations.recommendedOn,
      batchId: recognitionRecommendations.batchId,
      batchTitle: recognitionBatches.title,
      result: recognitionRecommendations.result,
      resultDocNo: recognitionRecommendations.resultDocNo,
      resultOn: recognitionRecommendations.resultOn,
      recognitionId: recognitionRecommendations.recognitionId,
      certificateNo: recognitions.certificateNo,
      validUntil: recognitions.validUntil,
      panelScore: cases.panelScore,
    })
    .from(recognitionRecommendations)
    .innerJoin(cases, eq(cases.id, recognitionRecommendations.caseId))
    .innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .leftJoin(recognitionBatches, eq(recognitionBatches.id, recognitionRecommendations.batchId))
    .leftJoin(recognitions, eq(recognitions.id, recognitionRecommendations.recognitionId))
    .where(and(...conds))
    .orderBy(desc(recognitionRecommendations.recommendedOn), asc(recognitionRecommendations.caseId))
    .limit(limit);
}

export async function listBatches(db: Executor, f: { type?: RecognitionType; year?: number }) {
  const conds: SQL[] = [];
  if (f.type) {
    conds.push(eq(recognitionBatches.type, f.type));
  }
  if (f.year) {
    conds.push(eq(recognitionBatches.year, f.year));
  }
  return db
    .select({
      id: recognitionBatches.id,
      type: recognitionBatches.type,
      year: recognitionBatches.year,
      title: recognitionBatches.title,
      upperBody: recognitionBatches.upperBody,
      submittedOn: recognitionBatches.submittedOn,
      total: sql<number>`count(${recognitionRecommendations.caseId})::int`,
      recognised: sql<number>`count(*) filter (where ${recognitionRecommendations.result} = 'recognised')::int`,
      notRecognised: sql<number>`count(*) filter (where ${recognitionRecommendations.result} = 'not_recognised')::int`,
    })
    .from(recognitionBatches)
    .leftJoin(recognitionRecommendations, eq(recognitionRecommendations.batchId, recognitionBatches.id))
    .where(conds.length ? and(...conds) : undefined)
    .groupBy(recognitionBatches.id)
    .orderBy(desc(recognitionBatches.submittedOn), desc(recognitionBatches.id));
}
