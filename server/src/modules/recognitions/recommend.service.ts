import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { recognitions, type RecognitionType } from '../../db/schema/index.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { businessNow, businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import type { CaseRow, DecisionOutcome } from '../cases/index.js';
import { STATUS_NAMES, TYPE_NAMES, UPPER_BODY } from './recognitions.status.js';
import * as repo from './recommend.repo.js';
import type { z } from 'zod';
import type { batchBody, recommendationQuery, resultBody } from './recommend.schema.js';
import { issueRecognition, validityYearsOf } from './register.js';
import { lockApplication, moveApplication } from './workflow.js';

const RESULT_NAMES = { recognised: '已认定', not_recognised: '未予认定' } as const;

/**
 * The decision after the notice of a type decided above the city: the case is recommended to the
 * upper body (the `recommend` step instead of `approve`); no certificate is issued by the city.
 */
export async function recommendOnDecision(tx: Tx, c: CaseRow, today: string): Promise<DecisionOutcome> {
  await repo.insertRecommendation(tx, { caseId: c.id, recommendedOn: today });
  const upperBody = UPPER_BODY[c.type as RecognitionType]!;
  return { reference: null, action: 'recommend', detail: { recommendation: { recommendedOn: today, upperBody } } };
}

/** Who reads the recommendations: bureau-wide roles all, a district officer its district's. */
function districtScope(actor: Actor): number | undefined {
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return actor.districtId;
  }
  throw forbidden('无权查看推荐上报名单');
}

function assertOfficer(actor: Actor, what: string): void {
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden(`无权${what}（仅市科委业务处室）`);
  }
}

export async function listRecommendations(opts: { db: Db; actor: Actor; query: z.infer<typeof recommendationQuery> }) {
  const districtId = districtScope(opts.actor);
  const rows = await repo.listRecommendations(opts.db, { ...opts.query, districtId }, 2000);
  return {
    items: rows.map((r) => ({
      ...r,
      enterpriseId: r.enterpriseId!,
      typeName: TYPE_NAMES[r.type],
      statusName: STATUS_NAMES[r.status as keyof typeof STATUS_NAMES] ?? r.status,
      upperBody: UPPER_BODY[r.type] ?? '',
      resultName: r.result ? RESULT_NAMES[r.result] : '待上级认定',
      validUntil: r.validUntil ?? null,
      certificateNo: r.certificateNo ?? null,
    })),
  };
}

export async function listBatches(opts: { db: Db; actor: Actor; query: { type?: RecognitionType; year?: number } }) {
  districtScope(opts.actor);
  const rows = await repo.listBatches(opts.db, opts.query);
  return { items: rows.map((b) => ({ ...b, typeName: TYPE_NAMES[b.type] })) };
}

export async function getBatch(opts: { db: Db; actor: Actor; id: number }) {
  districtScope(opts.actor);
  const b = await repo.findBatch(opts.db, opts.id);
  if (!b) {
    throw notFound('推荐上报批次');
  }
  return b;
}

/** A batch list for the upper body: recommended cases of one type and year not yet in a batch. */
export async function createBatch(opts: { db: Db; ctx: RequestContext; input: z.infer<typeof batchBody> }) {
  const actor = opts.ctx.actor!;
  assertOfficer(actor, '推荐上报');
  const { type, year, title } = opts.input;
  const upperBody = UPPER_BODY[type];
  if (!upperBody) {
    throw fieldError('type', `${TYPE_NAMES[type]}由市科委认定，不需推荐上报`);
  }
  const ids = [...new Set(opts.input.applicationIds)];
  return opts.db.transaction(async (tx) => {
    const rows = await repo.lockUnbatched(tx, ids);
    const found = new Map(rows.map((r) => [r.caseId, r]));
    for (const id of ids) {
      const r = found.get(id);
      if (!r) {
        throw fieldError('applicationIds', `申报 ${id} 尚未推荐上报（须公示期满并作出推荐决定）`);
      }
      if (r.type !== type || r.year !== year) {
        throw fieldError('applicationIds', `申报 ${id} 不是${year}年度${TYPE_NAMES[type]}的推荐`);
      }
      if (r.batchId !== null) {
        throw fieldError('applicationIds', `申报 ${id} 已列入另一推荐上报批次`);
      }
    }
    const batch = await repo.insertBatch(tx, { type, year, title, upperBody, submittedOn: businessToday(), createdBy: actor.userId });
    await repo.assignBatch(tx, ids, batch.id);
    await recordAudit(tx, opts.ctx, { action: 'recognition_batch.create', objectType: 'recognition_batch', objectId: batch.id, after: { ...batch, applicationIds: ids } });
    return { ...batch, typeName: TYPE_NAMES[type], total: ids.length, recognised: 0, notRecognised: 0 };
  });
}

/**
 * Records the upper body's result on a recommended case: recognised → the recognition is issued
 * from the result's date (its validity follows it) with the body's certificate number when given;
 * not recognised → the case is rejected. Document number and date are kept on the recommendation.
 */
export async function recordResult(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof resultBody> }) {
  const actor = opts.ctx.actor!;
  assertOfficer(actor, '登记上级认定结果');
  const { recognised, docNo, resultOn, certificateNo, comment } = opts.input;
  const today = businessToday();
  if (resultOn > today) {
    throw fieldError('resultOn', `认定日期不能晚于今天（${today}）`);
  }
  if (!recognised && certificateNo) {
    throw fieldError('certificateNo', '未予认定时不填写证书编号');
  }
  return opts.db.transaction(async (tx) => {
    const app = await lockApplication(tx, opts.ctx, opts.id);
    const rec = await repo.findRecommendation(tx, app.id);
    if (!rec || app.status !== 'recommended') {
      throw new AppError('invalid_state', `申报当前状态为“${STATUS_NAMES[app.status]}”，不是待上级认定的推荐`);
    }
    if (resultOn < rec.recommendedOn) {
      throw fieldError('resultOn', `认定日期不能早于推荐上报日期 ${rec.recommendedOn}`);
    }
    let recognition: typeof recognitions.$inferSelect | null = null;
    if (recognised) {
      if (certificateNo && (await tx.select({ id: recognitions.id }).from(recognitions).where(eq(recognitions.certificateNo, certificateNo))).length) {
        throw fieldError('certificateNo', `证书编号 ${certificateNo} 已登记`);
      }
      recognition = await issueRecognition(tx, opts.ctx, {
        type: app.type,
        enterpriseId: app.enterpriseId,
        districtId: app.districtId,
        applicationId: app.id,
        issuedOn: resultOn,
        validityYears: await validityYearsOf(tx, app.type, resultOn),
        certificateNo,
      });
    }
    await repo.setResult(tx, app.id, {
      result: recognised ? 'recognised' : 'not_recognised',
      resultDocNo: docNo,
      resultOn,
      recognitionId: recognition?.id ?? null,
      recordedBy: actor.userId,
      recordedAt: businessNow(),
    });
    const note = `${UPPER_BODY[app.type] ?? '上级主管部门'}${recognised ? '认定' : '未予认定'}（${docNo}，${resultOn}）${comment ? `。${comment}` : ''}`;
    const moved = await moveApplication(tx, opts.ctx, app, { action: recognised ? 'record_recognised' : 'record_not_recognised', comment: note });
    return { applicationId: app.id, status: moved.status, statusName: STATUS_NAMES[moved.status], certificateNo: recognition?.certificateNo ?? null, validUntil: recognition?.validUntil ?? null };
  });
}
