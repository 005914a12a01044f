import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { carrierAssessments, organizations, type AssessmentGrade } from '../../db/schema/index.js';
import { actorOf, type Actor, type RequestContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { yuanToFen } from '../../lib/money.js';
import { recordAudit } from '../audit/index.js';
import { preparePayment } from '../payments/index.js';
import { ACCEPTANCE_PASS, FAILS_IN_A_ROW_TO_EXIT, GRADE_BANDS, GRADE_NAMES, KIND_NAMES, SUBSIDY_YUAN, gradeOf, scoreSheetOf, type ScoreItem } from './carriers.rules.js';
import { assertCityOfficer, carrierScopeWhere } from './carriers.policy.js';
import * as repo from './carriers.repo.js';
import { presentAssessment } from './carriers.service.js';
import { exitCarrier } from './recognition.service.js';
import { CARRIER_PAYABLE } from './subsidy.js';

export interface AssessInput {
  year: number;
  kind: 'annual' | 'acceptance';
  items: { code: string; score: number }[];
  comment?: string;
}

/** Each item of the sheet once, within its range: field errors otherwise. */
function checkItems(sheet: readonly ScoreItem[], items: AssessInput['items']) {
  const fields: { field: string; message: string }[] = [];
  items.forEach((it, i) => {
    const def = sheet.find((d) => d.code === it.code);
    if (!def) {
      fields.push({ field: `items.${i}.code`, message: `没有评分项“${it.code}”` });
    } else if (it.score < 0 || it.score > def.max || Math.round(it.score * 10) !== it.score * 10) {
      fields.push({ field: `items.${i}.score`, message: `${def.label}得分应在0–${def.max}之间，最多一位小数` });
    } else if (items.findIndex((x) => x.code === it.code) !== i) {
      fields.push({ field: `items.${i}.code`, message: `评分项“${def.label}”重复` });
    }
  });
  sheet.forEach((d) => {
    if (!items.some((x) => x.code === d.code)) {
      fields.push({ field: 'items', message: `缺少评分项“${d.label}”` });
    }
  });
  if (fields.length) {
    throw new AppError('validation_failed', '评分表填写有误', { fields });
  }
}

/**
 * The city's annual assessment (or a platform's acceptance): the score sheet gives the grade; an
 * annual grade with a subsidy prepares its payment order on the payments kernel from the carriers'
 * book; the second 不合格 in consecutive years exits the carrier (its recognitions end that day).
 */
export async function assessCarrier(db: Db, ctx: RequestContext, carrierId: number, input: AssessInput) {
  const actor = actorOf(ctx);
  assertCityOfficer(actor);
  const today = businessToday();
  if (input.year > Number(today.slice(0, 4))) {
    throw new AppError('validation_failed', '考核年度不能晚于今年', { fields: [{ field: 'year', message: '考核年度不能晚于今年' }] });
  }
  const id = await db.transaction(async (tx) => {
    const carrier = await repo.findCarrier(tx, carrierId, true);
    if (!carrier) {
      throw notFound('载体');
    }
    if (input.kind === 'acceptance' && carrier.kind !== 'platform') {
      throw new AppError('validation_failed', '验收仅适用于科技创新服务平台', { fields: [{ field: 'kind', message: '众创空间和孵化器只做年度考核' }] });
    }
    checkItems(scoreSheetOf(carrier.kind, input.kind), input.items);
    if (carrier.exitedOn) {
      throw new AppError('invalid_state', `该载体已于${carrier.exitedOn}退出，不再考核`);
    }
    if (carrier.kind !== 'platform') {
      const recs = await repo.recognitionsOf(tx, carrierId);
      if (!recs.some((r) => r.revokedOn === null && r.recognisedOn <= `${input.year}-12-31`)) {
        throw new AppError('invalid_state', `该载体在${input.year}年没有有效的认定，不参加年度考核`);
      }
    }
    const score = Math.round(input.items.reduce((s, i) => s + i.score, 0) * 10) / 10;
    let grade: AssessmentGrade = gradeOf(score);
    if (input.kind === 'acceptance') {
      grade = score >= ACCEPTANCE_PASS ? 'pass' : 'fail';
    }
    const subsidyYuan = input.kind === 'annual' ? SUBSIDY_YUAN[carrier.kind][grade] : 0;
    let row;
    try {
      [row] = await tx.transaction(async (sp) =>
        sp
          .insert(carrierAssessments)
          .values({ carrierId, year: input.year, kind: input.kind, items: input.items, score: score.toFixed(1), grade, comment: input.comment?.trim() || null, subsidyFen: yuanToFen(subsidyYuan), assessedOn: today, assessedBy: actor.userId })
          .returning(),
      );
    } catch (err) {
      const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
      if (code === '23505') {
        throw new AppError('conflict', `该载体${input.year}年度已${input.kind === 'annual' ? '考核' : '验收'}`, { fields: [{ field: 'year', message: '该年度已有考核结果' }] });
      }
      throw err;
    }
    await recordAudit(tx, ctx, { action: `carrier_assessment.${input.kind}`, objectType: 'carrier', objectId: carrierId, after: row });
    if (subsidyYuan > 0) {
      const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, carrier.organizationId));
      const order = await preparePayment(tx, ctx, {
        payable: CARRIER_PAYABLE,
        caseId: null,
        payee: { type: 'organization', id: carrier.organizationId, name: org.name },
        amountFen: yuanToFen(subsidyYuan),
        purpose: `${carrier.name} ${input.year}年度${KIND_NAMES[carrier.kind]}考核${GRADE_NAMES[grade]}补助`,
        debit: { kind: 'budget', scope: input.year },
        credit: { kind: 'paid', scope: input.year, owner: { type: 'organization', id: carrier.organizationId } },
        idempotencyKey: `${CARRIER_PAYABLE}:${carrierId}:${input.year}`,
      });
      await tx.update(carrierAssessments).set({ paymentOrderId: order.id }).where(eq(carrierAssessments.id, row.id));
    }
    if (input.kind === 'annual' && grade === 'fail') {
      const earlier = await tx
        .select({ year: carrierAssessments.year, grade: carrierAssessments.grade })
        .from(carrierAssessments)
        .where(and(eq(carrierAssessments.carrierId, carrierId), eq(carrierAssessments.kind, 'annual')));
      const fails = new Set(earlier.filter((e) => e.grade === 'fail').map((e) => e.year));
      let run = 0;
      for (let y = input.year; fails.has(y); y--) {
        run++;
      }
      if (run >= FAILS_IN_A_ROW_TO_EXIT) {
        await exitCarrier(tx, ctx, carrierId, today, `连续${run}年年度考核不合格（${input.year - run + 1}–${input.year}年），按规定退出`);
      }
    }
    return row.id;
  });
  const [r] = await repo.assessmentsWhere(db, eq(carrierAssessments.id, id));
  return presentAssessment(r);
}

export async function listAssessments(db: Db, actor: Actor, year?: number) {
  const scope = carrierScopeWhere(actor);
  const rows = await repo.assessmentsWhere(db, and(scope, year ? eq(carrierAssessments.year, year) : undefined));
  return { items: rows.map(presentAssessment) };
}


/** The score sheets in force, for the assessment form: per carrier kind and assessment kind, with the grade bands. */
export function scoreSheets() {
  const kinds = [
    ['incubator', 'annual'],
    ['makerspace', 'annual'],
    ['platform', 'annual'],
    ['platform', 'acceptance'],
  ] as const;
  return {
    items: kinds.map(([carrierKind, kind]) => ({ carrierKind, kind, items: scoreSheetOf(carrierKind, kind).map((i) => ({ ...i })), subsidy: kind === 'annual' ? SUBSIDY_YUAN[carrierKind] : null })),
    grades: GRADE_BANDS.map((b) => ({ ...b, name: GRADE_NAMES[b.grade] })),
    acceptancePass: ACCEPTANCE_PASS,
  };
}
