import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { programmes } from '../../db/schema/index.js';
import type { Db, Executor } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { findCallRow } from '../cases/index.js';
import { TYPE_NAMES } from '../recognitions/index.js';
import * as repo from './policies.repo.js';
import { CITATION_TYPE_NAMES, POLICY_STATUS_NAMES, type citationBody, type createBody, type listQuery, type patchBody } from './policies.schema.js';

export const MAX_POLICY_FILE_BYTES = 20 * 1024 * 1024;

export function assertCanManage(actor: Actor | null): Actor {
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('只有市科委业务处室可以维护政策库');
  }
  return actor;
}

/** The line of the full text around the first search term (the listing shows where it matched). */
function snippetOf(body: string | null, q: string | undefined): string | null {
  const term = (q ?? '').split(/\s+/).find(Boolean);
  if (!body || !term) {
    return null;
  }
  const at = body.toLowerCase().indexOf(term.toLowerCase());
  if (at < 0) {
    return null;
  }
  const start = Math.max(0, at - 30);
  return `${start > 0 ? '…' : ''}${body.slice(start, at + term.length + 50).replace(/\s+/g, ' ')}${at + term.length + 50 < body.length ? '…' : ''}`;
}

function present(p: repo.PolicyMeta, q?: string) {
  return {
    id: p.id,
    title: p.title,
    docNo: p.docNo,
    issuer: p.issuer,
    issuedOn: p.issuedOn,
    effectiveOn: p.effectiveOn,
    expiresOn: p.expiresOn,
    status: p.status,
    statusName: POLICY_STATUS_NAMES[p.status],
    summary: p.summary,
    hasFile: p.fileName !== null,
    snippet: snippetOf(p.body, q),
  };
}

export async function listPolicies(opts: { db: Db; query: z.infer<typeof listQuery> }) {
  const { q, status, limit, offset } = opts.query;
  const first = (q ?? '').split(/\s+/).find(Boolean) ?? null;
  const { total, rows } = await repo.listPolicies(opts.db, repo.searchCondition(q, status), first, limit, offset);
  return { total, items: rows.map((r) => present(r, q)) };
}

async function labelOf(db: Executor, objectType: string, objectId: string): Promise<string | null> {
  if (objectType === 'recognition_type') {
    return (TYPE_NAMES as Record<string, string>)[objectId] ?? null;
  }
  if (objectType === 'call' && /^\d{1,9}$/.test(objectId)) {
    return (await findCallRow(db, Number(objectId)))?.title ?? null;
  }
  if (objectType === 'programme' && /^\d{1,9}$/.test(objectId)) {
    return (await db.select({ name: programmes.name }).from(programmes).where(eq(programmes.id, Number(objectId))))[0]?.name ?? null;
  }
  return null;
}

export async function getPolicy(opts: { db: Executor; id: number }) {
  const p = await repo.findPolicy(opts.db, opts.id);
  if (!p) {
    throw notFound('政策文件');
  }
  const citations = await Promise.all(
    (await repo.citationsOf(opts.db, p.id)).map(async (c) => ({
      objectType: c.objectType,
      objectTypeName: CITATION_TYPE_NAMES[c.objectType as keyof typeof CITATION_TYPE_NAMES] ?? c.objectType,
      objectId: c.objectId,
      label: (await labelOf(opts.db, c.objectType, c.objectId)) ?? c.objectId,
    })),
  );
  return { ...present(p), body: p.body, fileName: p.fileName, fileSize: p.fileSize, version: p.version, citations };
}

function checkDates(d: { effectiveOn?: string | null; expiresOn?: string | null }) {
  if (d.effectiveOn && d.expiresOn && d.expiresOn < d.effectiveOn) {
    throw fieldError('expiresOn', '失效日期不能早于施行日期');
  }
}

export async function createPolicy(opts: { db: Db; ctx: RequestContext; input: z.infer<typeof createBody> }) {
  const actor = assertCanManage(opts.ctx.actor);
  checkDates(opts.input);
  return opts.db.transaction(async (tx) => {
    const [row] = await repo.insertPolicies(tx, [{ ...opts.input, docNo: opts.input.docNo || null, createdBy: actor.userId }]);
    await recordAudit(tx, opts.ctx, { action: 'policy.create', objectType: 'policy', objectId: row.id, after: { ...row, body: row.body ? `${row.body.length} 字` : null } });
    return getPolicy({ db: tx, id: row.id });
  });
}

export async function updatePolicy(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof patchBody> }) {
  assertCanManage(opts.ctx.actor);
  const { version, ...set } = opts.input;
  return opts.db.transaction(async (tx) => {
    const old = await repo.findPolicy(tx, opts.id, true);
    if (!old) {
      throw notFound('政策文件');
    }
    checkDates({ effectiveOn: set.effectiveOn === undefined ? old.effectiveOn : set.effectiveOn, expiresOn: set.expiresOn === undefined ? old.expiresOn : set.expiresOn });
    const row = await repo.updatePolicy(tx, opts.id, version, { ...set, ...(set.docNo !== undefined ? { docNo: set.docNo || null } : {}) });
    if (!row) {
      throw new AppError('version_conflict', '政策文件已被他人修改，请刷新后重试');
    }
    const changed = Object.keys(set) as (keyof typeof set)[];
    await recordAudit(tx, opts.ctx, {
      action: 'policy.update',
      objectType: 'policy',
      objectId: row.id,
      before: Object.fromEntries(changed.map((k) => [k, k === 'body' ? (old.body?.length ?? null) : old[k]])),
      after: Object.fromEntries(changed.map((k) => [k, k === 'body' ? (row.body?.length ?? null) : row[k]])),
    });
    return getPolicy({ db: tx, id: row.id });
  });
}

const FILE_TYPES: Record<string, { mime: string; ok: (b: Buffer) => boolean }> = {
  pdf: { mime: 'application/pdf', ok: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ok: (b) => b[0] === 0x50 && b[1] === 0x4b },
  doc: { mime: 'application/msword', ok: (b) => b.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])) },
};

/** The file upload's checks (role, the policy exists), made before the file is read. */
export async function assertCanUploadFile(opts: { db: Executor; ctx: RequestContext; id: number }): Promise<void> {
  assertCanManage(opts.ctx.actor);
  if (!(await repo.findPolicy(opts.db, opts.id))) {
    throw notFound('政策文件');
  }
}

export async function uploadFile(opts: { db: Db; ctx: RequestContext; id: number; fileName: string; buffer: Buffer }) {
  assertCanManage(opts.ctx.actor);
  const ext = opts.fileName.split('.').pop()?.toLowerCase() ?? '';
  const type = FILE_TYPES[ext];
  if (!type) {
    throw new AppError('attachment_invalid', '政策文件只接受 PDF、DOCX 或 DOC', { fields: [{ field: 'file', message: '政策文件只接受 PDF、DOCX 或 DOC' }] });
  }
  if (!opts.buffer.length || !type.ok(opts.buffer)) {
    throw new AppError('attachment_invalid', `文件内容不是有效的 ${ext.toUpperCase()} 文件`, { fields: [{ field: 'file', message: `文件内容不是有效的 ${ext.toUpperCase()} 文件` }] });
  }
  return opts.db.transaction(async (tx) => {
    const old = await repo.findPolicy(tx, opts.id, true);
    if (!old) {
      throw notFound('政策文件');
    }
    await repo.updatePolicy(tx, old.id, old.version, { fileName: opts.fileName, fileMime: type.mime, fileSize: opts.buffer.length, fileContent: opts.buffer });
    await recordAudit(tx, opts.ctx, { action: 'policy.file', objectType: 'policy', objectId: old.id, before: { fileName: old.fileName }, after: { fileName: opts.fileName, size: opts.buffer.length } });
    return getPolicy({ db: tx, id: old.id });
  });
}

export async function downloadFile(opts: { db: Db; id: number }) {
  const f = await repo.findFile(opts.db, opts.id);
  if (!f || !f.fileContent || !f.fileName) {
    throw notFound('政策文件原件');
  }
  return { fileName: f.fileName, mime: f.fileMime ?? 'application/octet-stream', content: f.fileContent };
}

export async function addCitation(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof citationBody> }) {
  const actor = assertCanManage(opts.ctx.actor);
  const { objectType, objectId } = opts.input;
  if ((await labelOf(opts.db, objectType, objectId)) === null) {
    throw fieldError('objectId', `${CITATION_TYPE_NAMES[objectType]} ${objectId} 不存在`);
  }
  return opts.db.transaction(async (tx) => {
    if (!(await repo.findPolicy(tx, opts.id, true))) {
      throw notFound('政策文件');
    }
    const added = await repo.insertCitations(tx, [{ policyId: opts.id, objectType, objectId, createdBy: actor.userId }]);
    if (added) {
      await recordAudit(tx, opts.ctx, { action: 'policy.cite', objectType: 'policy', objectId: opts.id, after: { objectType, objectId } });
    }
    return getPolicy({ db: tx, id: opts.id });
  });
}

export async function removeCitation(opts: { db: Db; ctx: RequestContext; id: number; objectType: string; objectId: string }) {
  assertCanManage(opts.ctx.actor);
  return opts.db.transaction(async (tx) => {
    if (!(await repo.deleteCitation(tx, opts.id, opts.objectType, opts.objectId))) {
      throw notFound('引用关系');
    }
    await recordAudit(tx, opts.ctx, { action: 'policy.uncite', objectType: 'policy', objectId: opts.id, before: { objectType: opts.objectType, objectId: opts.objectId } });
    return getPolicy({ db: tx, id: opts.id });
  });
}

/** The policies an object cites (a call's page, a recognition type's guide). */
export async function policiesCiting(opts: { db: Db; objectType: string; objectId: string }) {
  return { items: (await repo.policiesCiting(opts.db, opts.objectType, opts.objectId)).map((p) => present(p)) };
}
