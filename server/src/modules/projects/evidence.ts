import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../db/client.js';
import { actorOf, hasRole, type Actor, type RequestContext } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { casesRepo, lockCase, type CaseRow } from '../cases/index.js';
import { checkFile } from '../programmes/index.js';
import { evidenceCode, kpiOfCode } from './acceptance-review.js';
import { ACCEPTANCE } from './instruments.js';
import { effectivePlan } from './plan.js';
import * as repo from './projects.repo.js';

const EVIDENCE_TYPES = ['pdf', 'jpg', 'png', 'docx', 'xlsx'] as const;

/** The acceptance case and its plan's KPI, if the actor (the project's enterprise) may still change the materials. */
async function editableEvidence(db: Executor, actor: Actor, c: CaseRow | undefined, kpiKey?: string) {
  if (!c || c.instrument !== ACCEPTANCE) {
    throw notFound('验收');
  }
  if (!hasRole(actor, 'enterprise_user') || actor.enterpriseId !== c.enterpriseId) {
    throw forbidden('佐证材料由项目承担单位上传');
  }
  if (c.status !== 'preparing') {
    throw new AppError('invalid_state', '验收材料已提交，不能再更改佐证材料');
  }
  if (kpiKey !== undefined) {
    const a = (await repo.findAcceptance(db, c.id))!;
    const plan = await effectivePlan(db, a.projectCaseId);
    if (!plan?.kpis.some((k) => k.key === kpiKey)) {
      throw fieldError('kpi', `任务书中没有这一考核指标：${kpiKey}`);
    }
  }
}

/** The checks an evidence upload passes before its body is read. */
export async function assertCanAttachEvidence(opts: { db: Db; actor: Actor; id: number; kpi: string }) {
  await editableEvidence(opts.db, opts.actor, await casesRepo.findCase(opts.db, opts.id), opts.kpi);
}

export async function uploadEvidence(opts: { db: Db; ctx: RequestContext; id: number; kpi: string; fileName: string; buffer: Buffer }) {
  const actor = actorOf(opts.ctx);
  const mimeType = checkFile(opts.fileName, opts.buffer, [...EVIDENCE_TYPES]);
  return opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.ctx, opts.id, ACCEPTANCE, '验收');
    await editableEvidence(tx, actor, c, opts.kpi);
    const sha256 = createHash('sha256').update(opts.buffer).digest('hex');
    const code = evidenceCode(opts.kpi);
    const row = await casesRepo.insertAttachment(tx, { caseId: c.id, code, fileName: opts.fileName, mimeType, size: opts.buffer.length, sha256, content: opts.buffer, uploadedBy: actor.userId });
    await casesRepo.touchCase(tx, c.id);
    await recordAudit(tx, opts.ctx, { action: 'project_acceptance.evidence', objectType: 'project_acceptance', objectId: c.id, after: { kpi: opts.kpi, fileName: opts.fileName, sha256 } });
    return { id: row.id, kpi: opts.kpi, fileName: opts.fileName, mimeType, size: opts.buffer.length, createdAt: row.createdAt.toISOString() };
  });
}

export async function deleteEvidence(opts: { db: Db; ctx: RequestContext; id: number; attachmentId: number }) {
  const actor = actorOf(opts.ctx);
  await opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.ctx, opts.id, ACCEPTANCE, '验收');
    await editableEvidence(tx, actor, c);
    const gone = await casesRepo.deleteAttachment(tx, c.id, opts.attachmentId);
    if (!gone) {
      throw notFound('佐证材料');
    }
    await casesRepo.touchCase(tx, c.id);
    await recordAudit(tx, opts.ctx, { action: 'project_acceptance.evidence_removed', objectType: 'project_acceptance', objectId: c.id, before: gone });
  });
}

/** The evidence files of an acceptance case, by KPI key (for the report's checklist). */
export async function evidenceFiles(db: Executor, caseId: number) {
  const rows = await casesRepo.listAttachments(db, caseId);
  return rows.flatMap((a) => {
    const kpi = kpiOfCode(a.code);
    return kpi === null ? [] : [{ id: a.id, kpi, fileName: a.fileName, size: a.size, createdAt: a.createdAt.toISOString() }];
  });
}

/** Reads one evidence file; the caller has checked that the actor may read the acceptance case. */
export async function evidenceFile(db: Executor, caseId: number, attachmentId: number) {
  const file = await casesRepo.findAttachment(db, caseId, attachmentId);
  if (!file || kpiOfCode(file.code) === null) {
    throw notFound('佐证材料');
  }
  return file;
}
