import type { Db, Executor } from '../../db/client.js';
import type { RecognitionType } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { businessToday } from '../../lib/clock.js';
import { presentCall as presentKernelCall, type CallRow } from '../cases/index.js';
import * as repo from './calls.repo.js';
import { findForm } from './forms.repo.js';
import { ensureForms } from './forms.service.js';
import { TYPE_NAMES } from './recognitions.status.js';

export { assertCallOpen, callState, type CallState } from '../cases/index.js';

/** A recognition call as the API shows it (the kernel's presentation, typed). */
export function presentCall(c: repo.CallRow, today = businessToday()) {
  return { ...presentKernelCall(c as CallRow, today), type: c.type, formVersion: c.formVersion };
}

export async function listCalls(opts: { db: Executor; type?: RecognitionType; year?: number }) {
  const today = businessToday();
  return { items: (await repo.listCalls(opts.db, opts)).map((c) => presentCall(c, today)) };
}

export async function getCall(db: Executor, id: number): Promise<repo.CallRow> {
  const row = await repo.findCall(db, id);
  if (!row) {
    throw notFound('申报通知');
  }
  return row;
}

export interface CallInput {
  type: RecognitionType;
  year: number;
  batch: number;
  title: string;
  opensOn: string;
  closesOn: string;
  formVersion: number;
  description?: string | null;
}

function assertCanManage(ctx: RequestContext): void {
  if (!hasRole(ctx.actor, 'city_officer')) {
    throw forbidden('只有市科委业务处室可以发布申报通知');
  }
}

async function assertFormExists(db: Executor, type: RecognitionType, version: number): Promise<void> {
  await ensureForms(db);
  if (!(await findForm(db, type, version))) {
    throw fieldError('formVersion', `${TYPE_NAMES[type]}申报表没有第${version}版`);
  }
}

export async function createCall(opts: { db: Db; ctx: RequestContext; input: CallInput }) {
  assertCanManage(opts.ctx);
  const input = opts.input;
  await assertFormExists(opts.db, input.type, input.formVersion);
  return opts.db.transaction(async (tx) => {
    const row = await repo.insertCall(tx, { ...input, description: input.description ?? null, createdBy: opts.ctx.actor?.userId ?? null });
    if (!row) {
      throw new AppError('conflict', `${input.year}年${TYPE_NAMES[input.type]}第${input.batch}批申报通知已存在`, { fields: [{ field: 'batch', message: '该批次已存在' }] });
    }
    await recordAudit(tx, opts.ctx, { action: 'recognition_call.create', objectType: 'recognition_call', objectId: row.id, after: presentCall(row) });
    return presentCall(row);
  });
}

export async function updateCall(opts: { db: Db; ctx: RequestContext; id: number; input: Partial<CallInput> }) {
  assertCanManage(opts.ctx);
  return opts.db.transaction(async (tx) => {
    const before = await repo.findCall(tx, opts.id, true);
    if (!before) {
      throw notFound('申报通知');
    }
    const next = { ...before, ...opts.input };
    if (next.closesOn < next.opensOn) {
      throw fieldError('closesOn', '截止日期不能早于开始日期');
    }
    if (opts.input.formVersion !== undefined || opts.input.type !== undefined) {
      await assertFormExists(tx, next.type, next.formVersion);
    }
    let row: repo.CallRow;
    try {
      row = await tx.transaction(async (sp) => repo.updateCall(sp, opts.id, opts.input));
    } catch (err) {
      if ((err as { code?: string; cause?: { code?: string } }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505') {
        throw new AppError('conflict', '同类型同年度的该批次申报通知已存在', { fields: [{ field: 'batch', message: '该批次已存在' }] });
      }
      throw err;
    }
    await recordAudit(tx, opts.ctx, { action: 'recognition_call.update', objectType: 'recognition_call', objectId: row.id, before: presentCall(before), after: presentCall(row) });
    return presentCall(row);
  });
}
