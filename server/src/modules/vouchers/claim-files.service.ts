import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import * as files from './claim-files.repo.js';
import { actorOf } from './vouchers.common.js';
import { actsForHolder, actsForProvider, caseScope } from './vouchers.policy.js';
import * as repo from './vouchers.repo.js';

export const CLAIM_FILE_NAMES: Record<files.ClaimFileKind, string> = { acceptance: '服务验收报告', invoice: '服务发票' };
export const MAX_CLAIM_FILE_BYTES = 10 * 1024 * 1024;

/** What each accepted type's file starts with: the extension alone proves nothing. */
const SIGNATURES: Record<string, { mime: string; head: number[] }> = {
  pdf: { mime: 'application/pdf', head: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  jpg: { mime: 'image/jpeg', head: [0xff, 0xd8, 0xff] },
  png: { mime: 'image/png', head: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
};

const refused = (message: string, code: 'attachment_invalid' | 'payload_too_large' = 'attachment_invalid') => new AppError(code, message, { fields: [{ field: 'file', message }] });

/** Checks size, extension (PDF, JPG, PNG) and the file's first bytes; returns the MIME type. */
export function checkClaimFile(fileName: string, buffer: Buffer): string {
  if (buffer.length === 0) {
    throw refused('文件为空，请重新选择');
  }
  if (buffer.length > MAX_CLAIM_FILE_BYTES) {
    throw refused('单个文件不能超过 10MB', 'payload_too_large');
  }
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase().replace(/^jpeg$/, 'jpg');
  const sig = SIGNATURES[ext];
  if (!sig) {
    throw refused('只接受 PDF、JPG、PNG 格式的文件');
  }
  if (!sig.head.every((byte, i) => buffer[i] === byte)) {
    throw refused(`文件内容与扩展名 .${ext} 不符，请上传真实的 ${ext.toUpperCase()} 文件`);
  }
  return sig.mime;
}

export const presentClaimFile = (f: files.ClaimFileView) => ({
  id: f.id,
  kind: f.kind,
  kindName: CLAIM_FILE_NAMES[f.kind],
  fileName: f.fileName,
  mimeType: f.mimeType,
  size: f.size,
  sha256: f.sha256,
  createdAt: f.createdAt.toISOString(),
});

async function visibleBooking(db: Executor, ctx: RequestContext, bookingId: number) {
  const b = await repo.findBooking(db, bookingId, caseScope(actorOf(ctx)));
  if (!b) {
    throw notFound('预约');
  }
  return b;
}

/** The booking's holder, its provider or a city officer may upload the evidence of a claim to come, while it is booked. */
export async function assertCanUploadClaimFile(opts: { db: Executor; ctx: RequestContext; bookingId: number }) {
  const actor = actorOf(opts.ctx);
  const b = await visibleBooking(opts.db, opts.ctx, opts.bookingId);
  const [holder, provider] = await Promise.all([repo.findHolder(opts.db, b.holderId), repo.findProvider(opts.db, b.providerId)]);
  if (!hasRole(actor, 'city_officer') && !(holder && actsForHolder(actor, holder)) && !(provider && actsForProvider(actor, provider))) {
    throw forbidden('只有该预约的持有人、服务机构或市科委业务处室可以上传兑付材料');
  }
  if (b.status !== 'booked') {
    throw new AppError('invalid_state', '只有“已预约”且尚未申请兑付的预约可以上传兑付材料');
  }
  return b;
}

export async function uploadClaimFile(opts: { db: Db; ctx: RequestContext; bookingId: number; kind: files.ClaimFileKind; fileName: string; buffer: Buffer }) {
  const actor = actorOf(opts.ctx);
  const b = await assertCanUploadClaimFile(opts);
  const mimeType = checkClaimFile(opts.fileName, opts.buffer);
  const fileName = opts.fileName.replace(/[\\/]/g, '_').slice(-200);
  const sha256 = createHash('sha256').update(opts.buffer).digest('hex');
  return opts.db.transaction(async (tx) => {
    const f = await files.stageFile(tx, { bookingId: b.id, kind: opts.kind, fileName, mimeType, size: opts.buffer.length, sha256, content: opts.buffer, uploadedBy: actor.userId });
    await recordAudit(tx, opts.ctx, { action: 'voucher.claim_file.upload', objectType: 'voucher_booking', objectId: b.id, after: { fileId: f.id, kind: opts.kind, fileName, size: f.size, sha256 } });
    return presentClaimFile(f);
  });
}

/** Files uploaded for the booking's next claim. */
export async function listStagedFiles(opts: { db: Db; ctx: RequestContext; bookingId: number }) {
  const b = await visibleBooking(opts.db, opts.ctx, opts.bookingId);
  return { items: (await files.stagedFiles(opts.db, b.id)).map(presentClaimFile) };
}

/** The files a claim was submitted with (the officer judges on them). */
export async function listClaimFiles(opts: { db: Db; ctx: RequestContext; claimId: number }) {
  const c = await repo.findClaim(opts.db, opts.claimId, caseScope(actorOf(opts.ctx)));
  if (!c) {
    throw notFound('兑付申请');
  }
  return { items: (await files.claimFiles(opts.db, c.id)).map(presentClaimFile) };
}

/** A file for whoever may see its booking; every download is audited. */
export async function downloadClaimFile(opts: { db: Db; ctx: RequestContext; id: number }) {
  const f = await files.findFile(opts.db, opts.id);
  if (!f || !(await repo.findBooking(opts.db, f.bookingId, caseScope(actorOf(opts.ctx))))) {
    throw notFound('兑付材料');
  }
  await opts.db.transaction((tx) => recordAudit(tx, opts.ctx, { action: 'voucher.claim_file.download', objectType: 'voucher_booking', objectId: f.bookingId, after: { fileId: f.id, claimId: f.claimId, fileName: f.fileName } }));
  return f;
}

/** At submission by the provider or holder: both files must be staged; they become the claim's record. */
export async function takeStagedFiles(tx: Executor, bookingId: number, claimId: number, required: boolean): Promise<void> {
  if (required) {
    const staged = new Set((await files.stagedFiles(tx, bookingId)).map((f) => f.kind));
    const missing = (Object.keys(CLAIM_FILE_NAMES) as files.ClaimFileKind[]).filter((k) => !staged.has(k));
    if (missing.length > 0) {
      throw new AppError('validation_failed', `请先上传${missing.map((k) => CLAIM_FILE_NAMES[k]).join('、')}`, { fields: missing.map((k) => ({ field: `files.${k}`, message: `请上传${CLAIM_FILE_NAMES[k]}` })) });
    }
  }
  await files.attachStagedFiles(tx, bookingId, claimId);
}
