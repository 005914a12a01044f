import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { voucherClaimFiles, type ClaimFileKind } from '../../db/schema/vouchers.js';

/** A claim file without its content (lists and answers). */
const fileView = {
  id: voucherClaimFiles.id,
  bookingId: voucherClaimFiles.bookingId,
  claimId: voucherClaimFiles.claimId,
  kind: voucherClaimFiles.kind,
  fileName: voucherClaimFiles.fileName,
  mimeType: voucherClaimFiles.mimeType,
  size: voucherClaimFiles.size,
  sha256: voucherClaimFiles.sha256,
  createdAt: voucherClaimFiles.createdAt,
};
export type ClaimFileView = { [K in keyof typeof fileView]: (typeof voucherClaimFiles.$inferSelect)[K] };

/** Stages a file on a booking, replacing the staged file of the same kind (not yet any claim's record). */
export async function stageFile(tx: Executor, row: typeof voucherClaimFiles.$inferInsert): Promise<ClaimFileView> {
  await tx.delete(voucherClaimFiles).where(and(eq(voucherClaimFiles.bookingId, row.bookingId), eq(voucherClaimFiles.kind, row.kind), isNull(voucherClaimFiles.claimId)));
  const [created] = await tx.insert(voucherClaimFiles).values(row).returning(fileView);
  return created;
}

export async function stagedFiles(db: Executor, bookingId: number): Promise<ClaimFileView[]> {
  return db
    .select(fileView)
    .from(voucherClaimFiles)
    .where(and(eq(voucherClaimFiles.bookingId, bookingId), isNull(voucherClaimFiles.claimId)))
    .orderBy(asc(voucherClaimFiles.id));
}

/** The staged files become the claim's record. */
export async function attachStagedFiles(tx: Executor, bookingId: number, claimId: number): Promise<void> {
  await tx
    .update(voucherClaimFiles)
    .set({ claimId })
    .where(and(eq(voucherClaimFiles.bookingId, bookingId), isNull(voucherClaimFiles.claimId)));
}

export async function claimFiles(db: Executor, claimId: number): Promise<ClaimFileView[]> {
  return db.select(fileView).from(voucherClaimFiles).where(eq(voucherClaimFiles.claimId, claimId)).orderBy(asc(voucherClaimFiles.id));
}

export async function findFile(db: Executor, id: number) {
  const [row] = await db.select().from(voucherClaimFiles).where(eq(voucherClaimFiles.id, id));
  return row;
}

export type { ClaimFileKind };
