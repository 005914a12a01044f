import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { caseAttachments, caseEvents, cases, districts, enterprises, organizations } from '../../db/schema/index.js';
import type { CaseRow } from './instruments.js';

export type NewCaseRow = typeof cases.$inferInsert;
export type CaseEventRow = typeof caseEvents.$inferSelect;

export async function insertCase(tx: Executor, row: NewCaseRow): Promise<CaseRow> {
  const [created] = await tx.insert(cases).values(row).returning();
  return created;
}

export async function findCase(db: Executor, id: number, forUpdate = false): Promise<CaseRow | undefined> {
  const q = db.select().from(cases).where(eq(cases.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** Sets the status (and other columns) when the case is still in `fromStatus`; undefined when it moved on. */
export async function updateStatus(tx: Executor, id: number, fromStatus: string, set: Partial<NewCaseRow>): Promise<CaseRow | undefined> {
  const [row] = await tx
    .update(cases)
    .set({ ...set, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(cases.id, id), eq(cases.status, fromStatus)))
    .returning();
  return row;
}

/** Optimistic update of case columns at a known version; undefined when the version moved on. */
export async function updateAtVersion(tx: Executor, id: number, version: number, set: Partial<NewCaseRow>, where?: SQL): Promise<CaseRow | undefined> {
  const [row] = await tx
    .update(cases)
    .set({ ...set, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(cases.id, id), eq(cases.version, version), where))
    .returning();
  return row;
}

/** Bumps the version (an attachment or the detail row changed). */
export async function touchCase(tx: Executor, id: number): Promise<void> {
  await tx
    .update(cases)
    .set({ version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(eq(cases.id, id));
}

export async function insertEvent(tx: Executor, row: typeof caseEvents.$inferInsert): Promise<void> {
  await tx.insert(caseEvents).values(row);
}

export async function listEvents(db: Executor, caseId: number): Promise<CaseEventRow[]> {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
}

/** The names a case shows (applicant, district), for many cases at once. */
export async function caseLabels(db: Executor, ids: number[]) {
  if (ids.length === 0) {
    return new Map<number, { applicantName: string; districtName: string }>();
  }
  const rows = await db
    .select({ id: cases.id, enterpriseName: enterprises.name, organizationName: organizations.name, districtName: districts.name })
    .from(cases)
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .leftJoin(organizations, eq(organizations.id, cases.organizationId))
    .leftJoin(districts, eq(districts.id, cases.districtId))
    .where(inArray(cases.id, ids));
  return new Map(rows.map((r) => [r.id, { applicantName: r.enterpriseName ?? r.organizationName ?? '', districtName: r.districtName ?? '' }]));
}

// ── attachments ───────────────────────────────────────────────────────────────────────────────

export async function listAttachments(db: Executor, caseId: number) {
  return db
    .select({
      id: caseAttachments.id,
      code: caseAttachments.code,
      fileName: caseAttachments.fileName,
      mimeType: caseAttachments.mimeType,
      size: caseAttachments.size,
      sha256: caseAttachments.sha256,
      createdAt: caseAttachments.createdAt,
    })
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, caseId))
    .orderBy(asc(caseAttachments.code), asc(caseAttachments.id));
}

export async function findAttachment(db: Executor, caseId: number, attachmentId: number) {
  const [row] = await db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.id, attachmentId)));
  return row;
}

export async function insertAttachment(tx: Executor, row: typeof caseAttachments.$inferInsert) {
  const [created] = await tx.insert(caseAttachments).values(row).returning({ id: caseAttachments.id, createdAt: caseAttachments.createdAt });
  return created;
}

export async function deleteAttachment(tx: Executor, caseId: number, attachmentId: number) {
  const [row] = await tx
    .delete(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.id, attachmentId)))
    .returning({ id: caseAttachments.id, code: caseAttachments.code, fileName: caseAttachments.fileName, sha256: caseAttachments.sha256 });
  return row;
}

export async function attachmentCodes(db: Executor, caseId: number): Promise<Set<string>> {
  const rows = await db.selectDistinct({ code: caseAttachments.code }).from(caseAttachments).where(eq(caseAttachments.caseId, caseId));
  return new Set(rows.map((r) => r.code));
}

/**
 * Removes a case that never left its initial status (an applicant's withdrawn draft): its
 * attachments, its events and the case row. The instrument deletes its detail row first; the
 * caller has locked the case and checked the status. Returns false when the case moved meanwhile.
 */
export async function deleteDraftCase(tx: Executor, id: number, initialStatus: string): Promise<boolean> {
  await tx.delete(caseAttachments).where(eq(caseAttachments.caseId, id));
  await tx.delete(caseEvents).where(eq(caseEvents.caseId, id));
  const gone = await tx
    .delete(cases)
    .where(and(eq(cases.id, id), eq(cases.status, initialStatus)))
    .returning({ id: cases.id });
  return gone.length === 1;
}
