import { and, eq, isNull, like, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { carrierApplications, carrierRecognitions, carriers } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { CaseRow, DecisionOutcome } from '../cases/index.js';

const PREFIX = { makerspace: '杭众创认', incubator: '杭孵认' } as const;

/** The next certificate number of a kind and year: 杭众创认〔2016〕007号. */
async function nextCertificateNo(tx: Tx, kind: 'makerspace' | 'incubator', year: number): Promise<string> {
  const head = `${PREFIX[kind]}〔${year}〕`;
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(carrierRecognitions)
    .where(and(eq(carrierRecognitions.level, 'municipal'), like(carrierRecognitions.reference, `${head}%`)));
  return `${head}${String(n + 1).padStart(3, '0')}号`;
}

/** The decision's hook: the carrier becomes a recognised municipal makerspace/incubator from the decision date. */
export async function issueMunicipalRecognition(tx: Tx, ctx: RequestContext, c: CaseRow, today: string): Promise<DecisionOutcome> {
  const [app] = await tx.select().from(carrierApplications).where(eq(carrierApplications.id, c.id)).for('update');
  if (!app) {
    throw new AppError('invalid_state', '认定申请缺少申请表');
  }
  const kind = c.instrument as 'makerspace' | 'incubator';
  // serialise numbering per kind: a carrier row lock is not enough across carriers
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`carrier-cert-${kind}`}))`);
  const reference = await nextCertificateNo(tx, kind, Number(today.slice(0, 4)));
  const live = await tx
    .select({ id: carrierRecognitions.id })
    .from(carrierRecognitions)
    .where(and(eq(carrierRecognitions.carrierId, app.carrierId), eq(carrierRecognitions.level, 'municipal'), isNull(carrierRecognitions.revokedOn)));
  if (live.length) {
    throw new AppError('conflict', '该载体已持有有效的市级认定');
  }
  const [rec] = await tx
    .insert(carrierRecognitions)
    .values({ carrierId: app.carrierId, level: 'municipal', kind, caseId: c.id, reference, issuer: '杭州市科学技术委员会', recognisedOn: today, recordedBy: ctx.actor?.userId ?? null })
    .returning();
  await tx.update(carrierApplications).set({ certificateNo: reference }).where(eq(carrierApplications.id, c.id));
  await recordAudit(tx, ctx, { action: 'carrier_recognition.issue', objectType: 'carrier', objectId: app.carrierId, after: rec });
  return { reference, detail: { carrierId: app.carrierId, recognitionId: rec.id, recognisedOn: today } };
}

/** Issues the national status the upper body decided (national incubator, national makerspace system) on its recommendation case, with its document number and date. */
export async function recordNationalStatus(
  tx: Tx,
  ctx: RequestContext,
  carrier: typeof carriers.$inferSelect,
  input: { reference: string; issuer: string; recognisedOn: string; caseId: number },
) {
  if (carrier.kind === 'platform') {
    throw new AppError('validation_failed', '科技创新服务平台没有国家级认定', { fields: [{ field: 'kind', message: '仅众创空间和孵化器可登记国家级' }] });
  }
  const live = await tx
    .select({ id: carrierRecognitions.id })
    .from(carrierRecognitions)
    .where(and(eq(carrierRecognitions.carrierId, carrier.id), eq(carrierRecognitions.level, 'national'), isNull(carrierRecognitions.revokedOn)));
  if (live.length) {
    throw new AppError('conflict', '该载体已登记有效的国家级认定', { fields: [{ field: 'reference', message: '已登记有效的国家级认定' }] });
  }
  const [rec] = await tx
    .insert(carrierRecognitions)
    .values({ carrierId: carrier.id, level: 'national', kind: carrier.kind, reference: input.reference.trim(), issuer: input.issuer.trim(), recognisedOn: input.recognisedOn, caseId: input.caseId, recordedBy: ctx.actor?.userId ?? null })
    .returning();
  await recordAudit(tx, ctx, { action: 'carrier_recognition.record_national', objectType: 'carrier', objectId: carrier.id, after: rec });
  return rec;
}

/** Ends every live recognition of a carrier (the exit rule) and marks it exited. */
export async function exitCarrier(tx: Tx, ctx: RequestContext, carrierId: number, on: string, reason: string): Promise<void> {
  const revoked = await tx
    .update(carrierRecognitions)
    .set({ revokedOn: on, revokeReason: reason })
    .where(and(eq(carrierRecognitions.carrierId, carrierId), isNull(carrierRecognitions.revokedOn)))
    .returning({ id: carrierRecognitions.id });
  await tx.update(carriers).set({ exitedOn: on, exitReason: reason, version: sql`${carriers.version} + 1`, updatedAt: new Date() }).where(eq(carriers.id, carrierId));
  await recordAudit(tx, ctx, { action: 'carrier.exit', objectType: 'carrier', objectId: carrierId, after: { exitedOn: on, reason, revokedRecognitions: revoked.map((r) => r.id) } });
}
