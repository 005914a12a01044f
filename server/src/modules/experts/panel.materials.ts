import type { Db, Executor } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { casesRepo, instrumentOf } from '../cases/index.js';
import { actorOf } from './experts.service.js';
import { assertIsExpert } from './experts.policy.js';
import * as repo from './experts.repo.js';

/**
 * The uploaded materials of the case an expert reviews (audit reports, certificates…): read-only,
 * only the expert's own seat, only after it declared no conflict and only while the seat is live
 * (the case under review, the seat neither replaced nor scored).
 */
async function liveSeat(db: Executor, actor: Actor, memberId: number) {
  assertIsExpert(actor);
  const seat = await repo.findOwnMember(db, memberId, actor.userId);
  if (!seat) {
    throw notFound('评审任务');
  }
  if (seat.m.status === 'assigned') {
    throw new AppError('conflict_not_declared', '请先声明与申报企业不存在利益冲突，再查看申报材料');
  }
  if (seat.m.status === 'conflict') {
    throw forbidden('您已申报存在利益冲突，不能查看该申报材料');
  }
  const c = await casesRepo.findCase(db, seat.m.caseId);
  if (!c || seat.m.status !== 'accepted' || c.status !== instrumentOf(c.instrument).panel?.reviewStatus) {
    throw forbidden('该评审任务已结束，申报材料不再开放查看');
  }
  return { seat, c };
}

/** The materials listed on the expert's case view while the seat is live (none otherwise). */
export async function materialsOf(db: Executor, seat: { status: string }, c: { id: number; status: string; instrument: string }) {
  if (seat.status !== 'accepted' || c.status !== instrumentOf(c.instrument).panel?.reviewStatus) {
    return { open: false, items: [] };
  }
  const rows = await casesRepo.listAttachments(db, c.id);
  return { open: true, items: rows.map((r) => ({ id: r.id, code: r.code, fileName: r.fileName, mimeType: r.mimeType, size: r.size, createdAt: r.createdAt.toISOString() })) };
}

/** One material for reading; every download is audited with the seat and the case. */
export async function downloadMaterial(opts: { db: Db; ctx: RequestContext; memberId: number; attachmentId: number }) {
  const { seat, c } = await liveSeat(opts.db, actorOf(opts.ctx), opts.memberId);
  const file = await casesRepo.findAttachment(opts.db, c.id, opts.attachmentId);
  if (!file) {
    throw notFound('申报材料');
  }
  await opts.db.transaction((tx) =>
    recordAudit(tx, opts.ctx, { action: 'panel.material_download', objectType: 'panel_member', objectId: seat.m.id, after: { caseId: c.id, attachmentId: file.id, fileName: file.fileName, sha256: file.sha256 } }),
  );
  return file;
}
