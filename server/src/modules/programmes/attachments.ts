import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { actorOf, hasRole } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { assertCaseInScope, casesRepo } from '../cases/index.js';
import { lockOwnDraft } from './drafts.js';
import * as repo from './programmes.repo.js';

type FileType = 'pdf' | 'jpg' | 'png' | 'docx' | 'xlsx';
const MIME: Record<FileType, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const startsWith = (b: Buffer, bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const MAGIC: Record<FileType, (b: Buffer) => boolean> = {
  pdf: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  jpg: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  png: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47]),
  docx: (b) => startsWith(b, ZIP),
  xlsx: (b) => startsWith(b, ZIP),
};
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const APPLICATION_TYPES: FileType[] = ['pdf', 'jpg', 'png', 'docx', 'xlsx'];

/** Application attachments: the codes the form asks for. */
export const ATTACHMENT_CODES: Record<string, string> = {
  feasibility: '可行性研究报告',
  licence: '营业执照',
  financials: '上年度财务审计报告',
  partnership: '合作协议',
  other: '其他材料',
};

const invalid = (message: string) => new AppError('attachment_invalid', message, { fields: [{ field: 'file', message }] });

/** Checks the file's extension and magic bytes; returns its MIME type. */
export function checkFile(fileName: string, buffer: Buffer, allowed: FileType[]): string {
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase().replace('jpeg', 'jpg') as FileType;
  if (buffer.length === 0) {
    throw invalid('文件为空，请重新选择');
  }
  if (!allowed.includes(ext)) {
    throw invalid(`只接受 ${allowed.join('、')} 格式的文件`);
  }
  if (!MAGIC[ext](buffer)) {
    throw invalid(`文件内容与扩展名 .${ext} 不符`);
  }
  return MIME[ext];
}

export async function uploadAttachment(opts: { db: Db; ctx: RequestContext; id: number; code: string; fileName: string; buffer: Buffer }) {
  const actor = actorOf(opts.ctx);
  if (!ATTACHMENT_CODES[opts.code]) {
    throw new AppError('validation_failed', '附件类别不正确', { fields: [{ field: 'code', message: `附件类别须为：${Object.keys(ATTACHMENT_CODES).join('、')}` }] });
  }
  const mimeType = checkFile(opts.fileName, opts.buffer, APPLICATION_TYPES);
  return opts.db.transaction(async (tx) => {
    const c = await lockOwnDraft(tx, opts.ctx, opts.id);
    const sha256 = createHash('sha256').update(opts.buffer).digest('hex');
    const row = await casesRepo.insertAttachment(tx, { caseId: c.id, code: opts.code, fileName: opts.fileName, mimeType, size: opts.buffer.length, sha256, content: opts.buffer, uploadedBy: actor.userId });
    await casesRepo.touchCase(tx, c.id);
    await recordAudit(tx, opts.ctx, { action: 'project_case.attachment', objectType: 'project_case', objectId: c.id, after: { code: opts.code, fileName: opts.fileName, sha256 } });
    return { id: row.id, code: opts.code, fileName: opts.fileName, mimeType, size: opts.buffer.length, createdAt: row.createdAt.toISOString() };
  });
}

export async function downloadAttachment(opts: { db: Executor; actor: Actor; id: number; attachmentId: number }) {
  const c = await casesRepo.findCase(opts.db, opts.id);
  if (!c || c.instrument !== repo.INSTRUMENT || hasRole(opts.actor, 'expert')) {
    throw notFound('附件');
  }
  assertCaseInScope({ actor: opts.actor, requestId: '', ip: '' }, c, '附件');
  const file = await casesRepo.findAttachment(opts.db, c.id, opts.attachmentId);
  if (!file) {
    throw notFound('附件');
  }
  return file;
}

/** What the application page tells the applicant before a file is chosen (the same rules as the upload). */
export const attachmentRules = () => ({
  codes: Object.entries(ATTACHMENT_CODES).map(([code, name]) => ({ code, name })),
  types: APPLICATION_TYPES,
  maxBytes: MAX_FILE_BYTES,
});

/** The applicant removes one of its attachments while the application is a draft or returned. */
export async function deleteAttachment(opts: { db: Db; ctx: RequestContext; id: number; attachmentId: number }) {
  await opts.db.transaction(async (tx) => {
    const c = await lockOwnDraft(tx, opts.ctx, opts.id);
    const gone = await casesRepo.deleteAttachment(tx, c.id, opts.attachmentId);
    if (!gone) {
      throw notFound('附件');
    }
    await casesRepo.touchCase(tx, c.id);
    await recordAudit(tx, opts.ctx, { action: 'project_case.detach', objectType: 'project_case', objectId: c.id, before: gone });
  });
}
