import type { Db } from '../../db/client.js';
import type { ObjectionStatus } from '../../db/schema/index.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { maskIdNumber, maskPhone, normalisePii, type PiiCipher } from '../../lib/pii.js';
import { businessNow, businessToday, chinaDate } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { lockCase } from '../cases/index.js';
import { assertCanManageNotices, objectionScope } from './notices.policy.js';
import * as repo from './notices.repo.js';
import type { ObjectionInput } from './notices.schema.js';

/** Names of the case_events actions this module writes (status unchanged), for the applicant's timeline. */
export const NOTICE_EVENT_NAMES = { objection_filed: '收到实名异议', objection_resolved: '公示异议核查完毕' } as const;

export const OUTCOME_NAMES: Record<Exclude<ObjectionStatus, 'open'>, string> = { upheld: '异议成立', dismissed: '异议不成立' };
/** The name of an objection's status, sent as `statusName`. */
export const OBJECTION_STATUS_NAMES: Record<ObjectionStatus, string> = { open: '待处理', ...OUTCOME_NAMES };

export interface EvidenceFile {
  fileName: string;
  content: Buffer;
}

const EVIDENCE_TYPES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'image/jpeg', test: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
];
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** The receipt the objector keeps: YY + filing day + serial. */
export function receiptNo(o: { id: number; filedAt: Date }): string {
  return `YY${chinaDate(o.filedAt).replaceAll('-', '')}${String(o.id).padStart(6, '0')}`;
}

/** A published notice still taking objections (checked before an evidence file is read, and again under the lock). */
export async function openNotice(db: Db, noticeId: number) {
  const notice = await repo.findNotice(db, noticeId);
  if (!notice || notice.publishedOn > chinaDate(businessNow())) {
    throw notFound('公示');
  }
  assertStillOpen(notice);
  return notice;
}

function assertStillOpen(notice: { endsOn: string }): void {
  if (businessToday() > notice.endsOn) {
    throw new AppError('notice_closed', `公示已于 ${notice.endsOn} 24:00 结束，不再受理异议`);
  }
}

/**
 * A real-name objection to one item of a notice (anyone, no login), accepted from the
 * publication day until 24:00 China time of the end day. Phone and ID number are stored
 * encrypted with a keyed hash; the applicant's timeline records that an objection arrived.
 */
export async function fileObjection(opts: { db: Db; ctx: RequestContext; pii: PiiCipher; noticeId: number; input: ObjectionInput; file?: EvidenceFile | null }) {
  const { input, pii } = opts;
  if (opts.file) {
    if (opts.file.content.length > EVIDENCE_MAX_BYTES) {
      throw new AppError('payload_too_large', '证据文件不能超过10MB', { fields: [{ field: 'file', message: '证据文件不能超过10MB' }] });
    }
    if (!EVIDENCE_TYPES.some((t) => t.test(opts.file!.content))) {
      throw new AppError('attachment_invalid', '证据文件只支持 PDF、JPG、PNG 格式', { fields: [{ field: 'file', message: '只支持 PDF、JPG、PNG 格式' }] });
    }
  }
  const now = businessNow();
  const notice = await openNotice(opts.db, opts.noticeId);
  const item = await repo.findItem(opts.db, input.itemId);
  if (!item || item.noticeId !== notice.id) {
    throw fieldError('itemId', '所选公示对象不在本公示中');
  }
  // The public acts as no one: the row is audited under "public" with the request's IP.
  const ctx: RequestContext = { actor: null, system: 'public', requestId: opts.ctx.requestId, ip: opts.ctx.ip };
  return opts.db.transaction(async (tx) => {
    // Lock the application first: a decision taken at the stroke of midnight waits for this filing.
    const app = await lockCase(tx, ctx, item.caseId);
    assertStillOpen(notice);
    const phone = normalisePii(input.phone);
    const idNumber = input.idNumber ? normalisePii(input.idNumber) : null;
    const row = await repo.insertObjection(tx, {
      noticeId: notice.id,
      itemId: item.id,
      name: input.name,
      phoneEnc: pii.encrypt(phone),
      phoneHash: pii.lookupHash(phone),
      idNumberEnc: idNumber ? pii.encrypt(idNumber) : null,
      reason: input.reason,
      evidence: input.evidence ?? null,
      evidenceFileName: opts.file?.fileName ?? null,
      evidenceContent: opts.file?.content ?? null,
      filedAt: now,
    });
    const receipt = receiptNo(row);
    await repo.insertEvent(tx, {
      caseId: app.id,
      action: 'objection_filed',
      fromStatus: app.status,
      toStatus: app.status,
      comment: `异议受理回执号 ${receipt}，市科委将核查处理`,
      actorId: null,
      actorLabel: '公众（实名异议）',
      occurredAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'objection.file',
      objectType: 'objection',
      objectId: row.id,
      after: {
        receiptNo: receipt,
        noticeId: notice.id,
        itemId: item.id,
        applicationId: app.id,
        name: input.name,
        phone: maskPhone(phone),
        idNumber: idNumber ? maskIdNumber(idNumber) : null,
        evidenceFile: opts.file ? { name: opts.file.fileName, size: opts.file.content.length } : null,
      },
    });
    return {
      id: row.id,
      receiptNo: receipt,
      noticeId: notice.id,
      itemId: item.id,
      filedAt: row.filedAt.toISOString(),
      message: `异议已受理，回执编号 ${receipt}。市科委将核查处理并与您联系。`,
    };
  });
}

type Listed = NonNullable<Awaited<ReturnType<typeof repo.findObjection>>>;

function presentItem(r: Listed, pii: PiiCipher) {
  return {
    id: r.o.id,
    receiptNo: receiptNo(r.o),
    noticeId: r.o.noticeId,
    noticeTitle: r.noticeTitle,
    noticeEndsOn: r.noticeEndsOn,
    itemId: r.o.itemId,
    itemName: r.itemName,
    districtName: r.districtName,
    applicationId: r.applicationId,
    name: r.o.name,
    phone: maskPhone(pii.decrypt(r.o.phoneEnc)),
    reason: r.o.reason,
    status: r.o.status,
    statusName: OBJECTION_STATUS_NAMES[r.o.status],
    filedAt: r.o.filedAt.toISOString(),
    resolvedAt: r.o.resolvedAt?.toISOString() ?? null,
  };
}

function presentDetail(r: Listed, pii: PiiCipher) {
  return {
    ...presentItem(r, pii),
    idNumber: r.o.idNumberEnc ? maskIdNumber(pii.decrypt(r.o.idNumberEnc)) : null,
    evidence: r.o.evidence,
    evidenceFileName: r.o.evidenceFileName,
    resolution: r.o.resolution,
    resolvedBy: r.resolvedByName,
  };
}

export async function listObjections(opts: { db: Db; actor: Actor; pii: PiiCipher; query: { status?: ObjectionStatus; noticeId?: number } }) {
  const rows = await repo.listObjections(opts.db, { scope: objectionScope(opts.actor), ...opts.query });
  return { items: rows.map((r) => presentItem(r, opts.pii)) };
}

export async function getObjection(opts: { db: Db; actor: Actor; pii: PiiCipher; id: number }) {
  const row = await repo.findObjection(opts.db, opts.id, objectionScope(opts.actor));
  if (!row) {
    throw notFound('异议');
  }
  return presentDetail(row, opts.pii);
}

export async function objectionEvidence(opts: { db: Db; actor: Actor; id: number }) {
  const row = await repo.evidenceOf(opts.db, opts.id, objectionScope(opts.actor));
  if (!row) {
    throw notFound('异议');
  }
  if (!row.content || !row.fileName) {
    throw notFound('证据文件');
  }
  const mime = EVIDENCE_TYPES.find((t) => t.test(row.content!))?.mime ?? 'application/octet-stream';
  return { fileName: row.fileName, content: row.content, mime };
}

/** Resolves an open objection (city officer) after checking it: upheld or dismissed, with the finding; on the application's timeline. */
export async function resolveObjection(opts: { db: Db; ctx: RequestContext; pii: PiiCipher; id: number; outcome: 'upheld' | 'dismissed'; resolution: string }) {
  const actor = opts.ctx.actor;
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  assertCanManageNotices(actor, '处理公示异议');
  const found = await repo.findObjection(opts.db, opts.id, objectionScope(actor));
  if (!found) {
    throw notFound('异议');
  }
  await opts.db.transaction(async (tx) => {
    const app = await lockCase(tx, opts.ctx, found.applicationId);
    const before = await repo.lockObjection(tx, opts.id);
    if (!before || before.status !== 'open') {
      throw new AppError('invalid_state', '该异议已处理，不能重复处理');
    }
    const now = businessNow();
    const updated = await repo.resolveObjection(tx, opts.id, { status: opts.outcome, resolution: opts.resolution, resolvedBy: actor.userId, resolvedAt: now });
    if (!updated) {
      throw new AppError('version_conflict', '异议已被他人处理，请刷新');
    }
    await repo.insertEvent(tx, {
      caseId: app.id,
      action: 'objection_resolved',
      fromStatus: app.status,
      toStatus: app.status,
      comment: `公示异议核查结论：${OUTCOME_NAMES[opts.outcome]}。${opts.resolution}`,
      actorId: actor.userId,
      actorLabel: `${actor.displayName}（${actor.organizationName}）`,
      occurredAt: now,
    });
    await recordAudit(tx, opts.ctx, {
      action: `objection.${opts.outcome === 'upheld' ? 'uphold' : 'dismiss'}`,
      objectType: 'objection',
      objectId: opts.id,
      before: { status: before.status },
      after: { status: updated.status, resolution: updated.resolution, applicationId: app.id },
    });
  });
  return getObjection({ db: opts.db, actor, pii: opts.pii, id: opts.id });
}
