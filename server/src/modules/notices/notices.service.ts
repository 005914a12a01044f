import type { Db, Executor } from '../../db/client.js';
import type { RecognitionType } from '../../db/schema/index.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { addWorkingDays } from '../calendar/index.js';
import { STATUS_NAMES, TYPE_NAMES } from '../recognitions/recognitions.status.js';
import { lockApplication, moveApplication } from '../recognitions/workflow.js';
import { listCriteria } from '../rules/rules.repo.js';
import { noticesToday } from './notices.clock.js';
import { assertCanManageNotices, assertCanReadNotices, seesScheduled } from './notices.policy.js';
import * as repo from './notices.repo.js';
import type { NOTICE_STATES, PublishInput } from './notices.schema.js';

/**
 * Working days of a notice when the officer does not say (RULES.md §4: 10 for hnte and tech
 * SMEs; the bureau's default for the other types). A configurable default, not a rule.
 */
export const NOTICE_WORKING_DAYS: Partial<Record<RecognitionType, number>> & { default: number } = { hnte: 10, tech_sme: 10, default: 7 };

export const defaultWorkingDays = (type: RecognitionType): number => NOTICE_WORKING_DAYS[type] ?? NOTICE_WORKING_DAYS.default;

type NoticeState = (typeof NOTICE_STATES)[number];

/** scheduled before publishedOn, open through 24:00 of endsOn, closed from the next day. */
export function noticeState(n: { publishedOn: string; endsOn: string }, today: string): NoticeState {
  if (today < n.publishedOn) {
    return 'scheduled';
  }
  return today <= n.endsOn ? 'open' : 'closed';
}

function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  return ctx.actor;
}

/**
 * Whether applications of a type go through expert review before the notice: hnte yes, tech
 * SMEs no (district and city only), the criteria types as their criteria in force say.
 */
export async function hasExpertReview(db: Executor, type: RecognitionType, on: string): Promise<boolean> {
  if (type === 'hnte') {
    return true;
  }
  if (type === 'tech_sme') {
    return false;
  }
  const criteriaType = type === 'research_institute_provincial_key' ? 'research_institute_provincial' : type;
  const rows = (await listCriteria(db, criteriaType)).filter((r) => r.effectiveFrom <= on);
  const row = rows.at(-1) ?? (await listCriteria(db, criteriaType))[0];
  const levels = (row?.spec as { reviewerLevels?: string[] } | undefined)?.reviewerLevels ?? ['district', 'city', 'expert'];
  return levels.includes('expert');
}

const score = (v: string | null) => (v === null ? null : Number(v));

export async function listCandidates(opts: { db: Db; actor: Actor; type: RecognitionType; year: number }) {
  assertCanReadNotices(opts.actor);
  const expertReview = await hasExpertReview(opts.db, opts.type, noticesToday());
  const ready = expertReview ? 'scored' : 'city_passed';
  const rows = (await repo.candidateApplications(opts.db, opts.type, opts.year)).filter((r) => r.status === ready);
  return {
    type: opts.type,
    typeName: TYPE_NAMES[opts.type],
    year: opts.year,
    expertReview,
    defaultWorkingDays: defaultWorkingDays(opts.type),
    items: rows.map((r) => ({ ...r, panelScore: score(r.panelScore), submittedAt: r.submittedAt?.toISOString() ?? null })),
  };
}

/** What the public reads of an item: the type and the technical domain; expert scores are the bureau's, not published. */
function summaryOf(type: RecognitionType, data: unknown): string {
  const domain = (data as { profile?: { domain?: unknown } } | null)?.profile?.domain;
  return typeof domain === 'string' && domain ? `${TYPE_NAMES[type]}；技术领域：${domain}` : TYPE_NAMES[type];
}

function presentNotice(n: repo.NoticeRow | Awaited<ReturnType<typeof repo.listNotices>>[number], itemCount: number, today: string) {
  return {
    id: n.id,
    title: n.title,
    subject: n.subject,
    subjectName: TYPE_NAMES[n.subject as RecognitionType] ?? n.subject,
    year: n.year,
    publishedOn: n.publishedOn,
    workingDays: n.workingDays,
    endsOn: n.endsOn,
    state: noticeState(n, today),
    itemCount,
  };
}

async function detailOf(db: Executor, n: repo.NoticeRow, today: string) {
  const items = await repo.listItems(db, n.id);
  return {
    ...presentNotice(n, items.length, today),
    body: n.body,
    objectionDeadline: `${n.endsOn} 24:00`,
    items: items.map((i) => ({ id: i.id, name: i.name, districtName: i.districtName, summary: i.summary })),
  };
}

/**
 * Publishes a notice of ready applications (city officer): every application must be of the
 * notice's type and year and ready (scored, or city_passed for types without expert review);
 * the period ends on the N-th working day (RULES.md §4). One transaction, audited; each
 * application moves to in_notice with the end date as its deadline.
 */
export async function publishNotice(opts: { db: Db; ctx: RequestContext; input: PublishInput }) {
  const actor = actorOf(opts.ctx);
  assertCanManageNotices(actor);
  const { input } = opts;
  const today = noticesToday();
  const publishedOn = input.publishedOn ?? today;
  if (publishedOn < today) {
    throw fieldError('publishedOn', '公示发布日期不能早于今天（倒签会缩短公示期）');
  }
  const workingDays = input.workingDays ?? defaultWorkingDays(input.subject);
  const expertReview = await hasExpertReview(opts.db, input.subject, today);
  const ready = expertReview ? 'scored' : 'city_passed';
  const ids = [...input.applicationIds].sort((a, b) => a - b);
  const labels = await repo.applicationLabels(opts.db, ids);
  return opts.db.transaction(async (tx) => {
    const endsOn = await addWorkingDays(publishedOn, workingDays, tx);
    const apps = [];
    // ascending id order, so two publishers never lock in opposite orders
    for (const id of ids) {
      const label = labels.get(id);
      if (!label) {
        throw new AppError('not_found', `申报 #${id} 不存在`, { applicationId: id });
      }
      const app = await lockApplication(tx, opts.ctx, id);
      const who = `申报 #${id}（${label.enterpriseName}）`;
      if (app.type !== input.subject || app.year !== input.year) {
        throw new AppError('invalid_state', `${who}不是${input.year}年度${TYPE_NAMES[input.subject]}申报，不能列入本次公示`, { applicationId: id });
      }
      if (app.status !== ready || app.noticeId !== null) {
        const need = expertReview ? '专家评审完成' : '市级审核通过';
        throw new AppError('invalid_state', `${who}当前状态为“${STATUS_NAMES[app.status]}”，须为“${need}”才能进入公示`, { applicationId: id });
      }
      apps.push(app);
    }
    const notice = await repo.insertNotice(tx, {
      module: repo.NOTICE_MODULE,
      title: input.title,
      body: input.body ?? null,
      subject: input.subject,
      year: input.year,
      publishedOn,
      workingDays,
      endsOn,
      publishedBy: actor.userId,
    });
    await repo.insertItems(
      tx,
      apps.map((a) => ({
        noticeId: notice.id,
        refType: repo.APPLICATION_REF,
        refId: a.id,
        name: labels.get(a.id)!.enterpriseName,
        districtName: labels.get(a.id)!.districtName,
        summary: summaryOf(a.type, a.data),
      })),
    );
    for (const app of apps) {
      await moveApplication(tx, opts.ctx, app, { action: 'publish_notice', set: { noticeId: notice.id }, dueOn: endsOn });
    }
    await recordAudit(tx, opts.ctx, {
      action: 'notice.publish',
      objectType: 'public_notice',
      objectId: notice.id,
      after: { ...notice, applicationIds: ids },
    });
    return detailOf(tx, notice, today);
  });
}

export async function listNotices(opts: { db: Db; actor: Actor | null; query: { subject?: RecognitionType; year?: number; state?: NoticeState } }) {
  const today = noticesToday();
  const { state } = opts.query;
  const all = seesScheduled(opts.actor);
  if (state === 'scheduled' && !all) {
    return { items: [], today };
  }
  const rows = await repo.listNotices(opts.db, {
    subject: opts.query.subject,
    year: opts.query.year,
    publishedBy: all && (!state || state === 'scheduled') ? undefined : today,
    publishedAfter: state === 'scheduled' ? today : undefined,
    endsAfter: state === 'open' ? today : undefined,
    endsOnOrBefore: state === 'closed' ? today : undefined,
  });
  return { items: rows.map((r) => presentNotice(r, r.itemCount, today)), today };
}

/** A notice and its items (enterprise name, district, summary: nothing personal). Scheduled ones are the bureau's until published. */
export async function getNotice(opts: { db: Db; actor: Actor | null; id: number }) {
  const today = noticesToday();
  const n = await repo.findNotice(opts.db, opts.id);
  if (!n || (n.publishedOn > today && !seesScheduled(opts.actor))) {
    throw notFound('公示');
  }
  return detailOf(opts.db, n, today);
}

/** Why an item cannot be decided now, or null; and whether only a decline is possible. */
export function blockOf(
  notice: Pick<repo.NoticeRow, 'endsOn'>,
  app: { status: string },
  counts: { open: number; upheld: number } | undefined,
  today: string,
): { blockedReason: string | null; declineOnly: boolean } {
  const declineOnly = (counts?.upheld ?? 0) > 0;
  if (app.status !== 'in_notice') {
    return { blockedReason: `申报已不在公示中（${STATUS_NAMES[app.status as keyof typeof STATUS_NAMES] ?? app.status}）`, declineOnly };
  }
  if (today <= notice.endsOn) {
    return { blockedReason: `公示期至 ${notice.endsOn} 24:00，期满后方可作出认定决定`, declineOnly };
  }
  if ((counts?.open ?? 0) > 0) {
    return { blockedReason: '有未处理的实名异议，须先核查处理', declineOnly };
  }
  return { blockedReason: null, declineOnly };
}

/** The officer's view of a notice's items: application status, objections, and whether each can be decided now. */
export async function reviewNotice(opts: { db: Db; actor: Actor; id: number }) {
  assertCanReadNotices(opts.actor);
  const today = noticesToday();
  const n = await repo.findNotice(opts.db, opts.id);
  if (!n) {
    throw notFound('公示');
  }
  const items = await repo.listItems(opts.db, n.id);
  const [apps, counts] = await Promise.all([repo.applicationStatuses(opts.db, items.map((i) => i.refId)), repo.objectionCounts(opts.db, items.map((i) => i.id))]);
  return {
    noticeId: n.id,
    endsOn: n.endsOn,
    state: noticeState(n, today),
    items: items.map((i) => {
      const app = apps.get(i.refId)!;
      const c = counts.get(i.id) ?? { open: 0, upheld: 0, dismissed: 0 };
      return {
        itemId: i.id,
        applicationId: i.refId,
        enterpriseId: app.enterpriseId,
        name: i.name,
        districtName: i.districtName,
        summary: i.summary,
        status: app.status,
        statusName: STATUS_NAMES[app.status],
        objections: c,
        ...blockOf(n, app, c, today),
      };
    }),
  };
}
