import type { Db, Tx } from '../../db/client.js';
import type { RecognitionRow } from './register.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { appendTimeline } from '../timeline/index.js';
import { applyFlows } from './flows.js';
import { TYPE_NAMES } from './recognitions.status.js';
import { assertCanRevoke } from './register.policy.js';
import * as repo from './register.repo.js';
import type { RevokeInput } from './register.schema.js';

/**
 * Revokes a recognition (撤销认定) from effectiveOn on: the certificate stops counting from that
 * day, so the rollup moves its end to effectiveOn's year (old subject out, new one in), and the
 * audit row and the enterprise's timeline entry are written in the same transaction.
 * effectiveOn may be in the past (a revocation for cause is usually backdated) but not before the
 * issue date, nor after the last valid day (an expired certificate has nothing left to revoke).
 */
export async function revokeRecognition(opts: { db: Db; ctx: RequestContext; id: number; input: RevokeInput }) {
  return opts.db.transaction(async (tx) => revokeInTransaction(tx, opts.ctx, opts.id, opts.input));
}

/** The revocation in the caller's transaction (a supervision case revokes with its own move). */
export async function revokeInTransaction(tx: Tx, ctx: RequestContext, id: number, input: RevokeInput): Promise<RecognitionRow> {
  const actor = ctx.actor;
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  assertCanRevoke(actor);
  const { reason, effectiveOn } = input;
  {
    const old = await repo.lockById(tx, id);
    if (!old) {
      throw notFound('认定记录');
    }
    if (old.revokedOn !== null) {
      throw new AppError('invalid_state', `该认定已于 ${old.revokedOn} 撤销，不能重复撤销`);
    }
    if (effectiveOn < old.issuedOn) {
      throw fieldError('effectiveOn', `撤销生效日期不能早于发证日期 ${old.issuedOn}`);
    }
    if (old.validUntil !== null && effectiveOn > old.validUntil) {
      throw fieldError('effectiveOn', `证书有效期至 ${old.validUntil}，撤销生效日期不能晚于该日`);
    }
    const row = await repo.setRevocation(tx, old.id, { revokedOn: effectiveOn, revokeReason: reason, revokedBy: actor.userId });
    await applyFlows(tx, [old], -1);
    await applyFlows(tx, [row], 1);
    await recordAudit(tx, ctx, {
      action: 'recognition.revoke',
      objectType: 'recognition',
      objectId: row.id,
      before: { revokedOn: old.revokedOn, revokeReason: old.revokeReason, revokedBy: old.revokedBy },
      after: { revokedOn: row.revokedOn, revokeReason: row.revokeReason, revokedBy: row.revokedBy },
    });
    await appendTimeline(tx, [
      {
        enterpriseId: row.enterpriseId,
        module: 'recognitions',
        kind: 'revoked',
        title: `撤销${TYPE_NAMES[row.type]}认定（证书编号 ${row.certificateNo}），自 ${effectiveOn} 起失效。原因：${reason}`,
        refType: 'recognition',
        refId: row.id,
      },
    ]);
    return row;
  }
}
