import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { FormSpec } from './applications.form.js';
import { applicationScope, assertCanEdit } from './applications.policy.js';
import { casesRepo } from '../cases/index.js';
import * as repo from './applications.repo.js';
import { loadForm } from './forms.service.js';
import { STATUS_NAMES } from './recognitions.status.js';

type FileType = FormSpec['attachments'][number]['types'][number];

const MIME: Record<FileType, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

const startsWith = (b: Buffer, bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Magic bytes of each allowed type: the extension alone proves nothing. */
const MAGIC: Record<FileType, (b: Buffer) => boolean> = {
  pdf: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  jpg: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  png: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  doc: (b) => startsWith(b, OLE),
  xls: (b) => startsWith(b, OLE),
  docx: (b) => startsWith(b, ZIP),
  xlsx: (b) => startsWith(b, ZIP),
  zip: (b) => startsWith(b, ZIP) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]),
};

/** The largest attachment any form allows (the upload is read up to this, then checked per spec). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

function extensionOf(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  const ext = m ? m[1].toLowerCase() : '';
  return ext === 'jpeg' ? 'jpg' : ext;
}

const invalid = (message: string) => new AppError('attachment_invalid', message, { fields: [{ field: 'file', message }] });

export function checkAttachment(spec: FormSpec, code: string, fileName: string, buffer: Buffer): { mimeType: string } {
  const att = spec.attachments.find((a) => a.code === code);
  if (!att) {
    throw new AppError('validation_failed', `申报表没有“${code}”这一附件`, { fields: [{ field: 'code', message: '附件类别不在申报表中' }] });
  }
  if (buffer.length === 0) {
    throw invalid('文件为空，请重新选择');
  }
  if (buffer.length > att.maxSizeMb * 1024 * 1024) {
    throw new AppError('payload_too_large', `“${att.name}”不能超过${att.maxSizeMb}MB`, { fields: [{ field: 'file', message: `不能超过${att.maxSizeMb}MB` }] });
  }
  const ext = extensionOf(fileName) as FileType;
  if (!att.types.includes(ext)) {
    throw invalid(`“${att.name}”只接受 ${att.types.join('、')} 格式`);
  }
  if (!MAGIC[ext](buffer)) {
    throw invalid(`文件内容与扩展名 .${ext} 不符，请上传真实的 ${ext} 文件`);
  }
  return { mimeType: MIME[ext] };
}

async function editable(tx: Executor, actor: Actor, id: number) {
  const row = await repo.findApplication(tx, id, applicationScope(actor));
  if (!row) {
    throw notFound('申报');
  }
  assertCanEdit(actor, row.a);
  if (row.a.status !== 'draft' && row.a.status !== 'returned') {
    throw new AppError('invalid_state', `申报当前状态为“${STATUS_NAMES[row.a.status]}”，不能修改附件`);
  }
  return row.a;
}

/** The upload's checks (the application in scope, editable by this actor, draft or returned), made before the file is read. */
export async function assertCanUploadAttachment(opts: { db: Executor; actor: Actor; id: number }): Promise<void> {
  await editable(opts.db, opts.actor, opts.id);
}

export async function uploadAttachment(opts: { db: Db; ctx: RequestContext; actor: Actor; id: number; code: string; fileName: string; buffer: Buffer }) {
  return opts.db.transaction(async (tx) => {
    const app = await editable(tx, opts.actor, opts.id);
    const { spec } = await loadForm(tx, app.type, app.formVersion);
    const { mimeType } = checkAttachment(spec, opts.code, opts.fileName, opts.buffer);
    const sha256 = createHash('sha256').update(opts.buffer).digest('hex');
    const fileName = opts.fileName.replace(/[\\/]/g, '_').slice(-200);
    const created = await casesRepo.insertAttachment(tx, { caseId: app.id, code: opts.code, fileName, mimeType, size: opts.buffer.length, sha256, content: opts.buffer, uploadedBy: opts.actor.userId });
    await casesRepo.touchCase(tx, app.id);
    await recordAudit(tx, opts.ctx, { action: 'recognition_application.attach', objectType: 'recognition_application', objectId: app.id, after: { attachmentId: created.id, code: opts.code, fileName, size: opts.buffer.length, sha256 } });
    return { id: created.id, code: opts.code, fileName, mimeType, size: opts.buffer.length, sha256, createdAt: created.createdAt.toISOString() };
  });
}

export async function downloadAttachment(opts: { db: Executor; actor: Actor; id: number; attachmentId: number }) {
  const row = await repo.findApplication(opts.db, opts.id, applicationScope(opts.actor));
  if (!row) {
    throw notFound('申报');
  }
  const file = await casesRepo.findAttachment(opts.db, row.a.id, opts.attachmentId);
  if (!file) {
    throw notFound('附件');
  }
  return file;
}

export async function deleteAttachment(opts: { db: Db; ctx: RequestContext; actor: Actor; id: number; attachmentId: number }) {
  await opts.db.transaction(async (tx) => {
    const app = await editable(tx, opts.actor, opts.id);
    const gone = await casesRepo.deleteAttachment(tx, app.id, opts.attachmentId);
    if (!gone) {
      throw notFound('附件');
    }
    await casesRepo.touchCase(tx, app.id);
    await recordAudit(tx, opts.ctx, { action: 'recognition_application.detach', objectType: 'recognition_application', objectId: app.id, before: gone });
  });
}
