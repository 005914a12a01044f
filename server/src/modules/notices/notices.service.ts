import type { Db, Executor } from '../../db/client.js';
import { type Actor, type RequestContext, actorOf } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { addWorkingDays } from '../calendar/index.js';
import { casesRepo, instrumentOf, lockCase, moveCase, statusName, typeName, type CaseRow, type InstrumentDef, type NoticeConfig } from '../cases/index.js';
import { assertCanManageNotices, assertCanReadNotices, seesScheduled } from './notices.policy.js';
import * as repo from './notices.repo.js';
import { NOTICE_STATE_NAMES, type NOTICE_STATES, type PublishInput } from './notices.schema.js';

/** The instrument a notice request is about (recognitions unless said), with its notice configuration. */
export function noticeInstrument(code = 'recognitions', type?: string): { def: InstrumentDef; notice: NoticeConfig } {
  const def = instrumentOf(code);
  if (!def.notice) {
    throw fieldError('instrument', `${def.name}不设公示环节`);
  }
  if (type !== undefined && !def.types[type]) {
    throw fieldError(code === 'recognitions' ? 'subject' : 'type', '类型不正确');
  }
  return { def, notice: def.notice };
}

type NoticeState = (typeof NOTICE_STATES)[number];

/** scheduled before publishedOn, open through 24:00 of endsOn, closed from the next day. */
export function noticeState(n: { publishedOn: string; endsOn: string }, today: string): NoticeState {
  if (today < n.publishedOn) {
    return 'scheduled';
  }
  return today <= n.endsOn ? 'open' : 'closed';
}

/** A notice's state and its name, as the responses send them. */
function stateOf(n: { publishedOn: string; endsOn: string }, today: string) {
  const state = noticeState(n, today);
  return { state, stateName: NOTICE_STATE_NAMES[state] };
}

const score = (v: string | null) => (v === null ? null : Number(v));

export async function listCandidates(opts: { db: Db; actor: Actor; instrument?: string; type: string; year: number }) {
  assertCanReadNotices(opts.actor);
  const { def, notice } = noticeInstrument(opts.instrument, opts.type);
  const rows = await repo.candidateCases(opts.db, def.code, opts.type, opts.year);
  const ready = [];
  for (const r of rows) {
    if (await notice.ready(opts.db, r.case)) {
      ready.push(r);
    }
  }
  return {
    type: opts.type,
    typeName: typeName(def, opts.type),
    year: opts.year,
    expertReview: await notice.typeHasPanel(opts.db, opts.type, businessToday()),
    defaultWorkingDays: notice.workingDays(opts.type),
    items: ready.map((r) => ({
      applicationId: r.case.id,
      enterpriseId: r.case.enterpriseId,
      enterpriseName: r.enterpriseName ?? '',
      districtName: r.districtName ?? '',
      status: r.case.status,
      panelScore: score(r.case.panelScore),
      submittedAt: r.case.submittedAt?.toISOString() ?? null,
    })),
  };
}

function presentNotice(n: repo.NoticeRow | Awaited<ReturnType<typeof repo.listNotices>>[number], itemCount: number, today: string) {
  return {
    id: n.id,
    instrument: n.module,
    title: n.title,
    subject: n.subject,
    subjectName: typeName(instrumentOf(n.module), n.subject),
    year: n.year,
    publishedOn: n.publishedOn,
    workingDays: n.workingDays,
    endsOn: n.endsOn,
    ...stateOf(n, today),
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
 * Publishes a notice of ready cases (city officer): every case must be of the notice's
 * instrument, type and year and ready (its instrument says: scored, or city-passed for types
 * without expert review); the period ends on the N-th working day (RULES.md §4). One
 * transaction, audited; each case moves into the notice with the end date as its deadline.
 */
export async function publishNotice(opts: { db: Db; ctx: RequestContext; input: PublishInput }) {
  const actor = actorOf(opts.ctx);
  assertCanManageNotices(actor);
  const { input } = opts;
  const { def, notice: config } = noticeInstrument(input.instrument, input.subject);
  const today = businessToday();
  const publishedOn = input.publishedOn ?? today;
  if (publishedOn < today) {
    throw fieldError('publishedOn', '公示发布日期不能早于今天（倒签会缩短公示期）');
  }
  const workingDays = input.workingDays ?? config.workingDays(input.subject);
  const ids = [...input.applicationIds].sort((a, b) => a - b);
  const labels = await casesRepo.caseLabels(opts.db, ids);
  return opts.db.transaction(async (tx) => {
    const endsOn = await addWorkingDays(publishedOn, workingDays, tx);
    const ready: CaseRow[] = [];
    // ascending id order, so two publishers never lock in opposite orders
    for (const id of ids) {
      const label = labels.get(id);
      if (!label) {
        throw new AppError('not_found', `申报 #${id} 不存在`, { applicationId: id });
      }
      const c = await lockCase(tx, opts.ctx, id);
      const who = `申报 #${id}（${label.applicantName}）`;
      if (c.instrument !== def.code || c.type !== input.subject || c.year !== input.year) {
        throw new AppError('invalid_state', `${who}不是${input.year}年度${typeName(def, input.subject)}申报，不能列入本次公示`, { applicationId: id });
      }
      if (c.noticeId !== null || !(await config.ready(tx, c))) {
        throw new AppError('invalid_state', `${who}当前状态为“${statusName(def, c.status)}”，须为“${await config.readyLabel(tx, c)}”才能进入公示`, { applicationId: id });
      }
      ready.push(c);
    }
    const notice = await repo.insertNotice(tx, {
      module: def.code,
      title: input.title,
      body: input.body ?? null,
      subject: input.subject,
      year: input.year,
      publishedOn,
      workingDays,
      endsOn,
      publishedBy: actor.userId,
    });
    const items = [];
    for (const c of ready) {
      items.push({ noticeId: notice.id, caseId: c.id, name: labels.get(c.id)!.applicantName, districtName: labels.get(c.id)!.districtName, summary: await config.summary(tx, c) });
    }
    await repo.insertItems(tx, items);
    for (const c of ready) {
      await moveCase(tx, opts.ctx, c, { action: config.publishAction, set: { noticeId: notice.id }, dueOn: endsOn });
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

export async function listNotices(opts: { db: Db; actor: Actor | null; query: { instrument?: string; subject?: string; year?: number; state?: NoticeState } }) {
  const today = businessToday();
  const { state } = opts.query;
  const all = seesScheduled(opts.actor);
  if (state === 'scheduled' && !all) {
    return { items: [], today };
  }
  const rows = await repo.listNotices(opts.db, {
    instrument: opts.query.instrument,
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
  const today = businessToday();
  const n = await repo.findNotice(opts.db, opts.id);
  if (!n || (n.publishedOn > today && !seesScheduled(opts.actor))) {
    throw notFound('公示');
  }
  return detailOf(opts.db, n, today);
}

/** Why an item cannot be decided now, or null; and whether only a decline is possible. */
export function blockOf(
  notice: Pick<repo.NoticeRow, 'endsOn'>,
  app: Pick<CaseRow, 'status' | 'instrument'>,
  counts: { open: number; upheld: number } | undefined,
  today: string,
): { blockedReason: string | null; declineOnly: boolean } {
  const declineOnly = (counts?.upheld ?? 0) > 0;
  const def = instrumentOf(app.instrument);
  const inNotice = def.notice ? def.transitions[def.notice.approveAction]?.from.includes(app.status) : false;
  if (!inNotice) {
    return { blockedReason: `申报已不在公示中（${statusName(def, app.status)}）`, declineOnly };
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
  const today = businessToday();
  const n = await repo.findNotice(opts.db, opts.id);
  if (!n) {
    throw notFound('公示');
  }
  const items = await repo.listItems(opts.db, n.id);
  const [apps, counts] = await Promise.all([repo.casesByIds(opts.db, items.map((i) => i.caseId)), repo.objectionCounts(opts.db, items.map((i) => i.id))]);
  return {
    noticeId: n.id,
    endsOn: n.endsOn,
    ...stateOf(n, today),
    items: items.map((i) => {
      const app = apps.get(i.caseId)!;
      const c = counts.get(i.id) ?? { open: 0, upheld: 0, dismissed: 0 };
      return {
        itemId: i.id,
        applicationId: i.caseId,
        enterpriseId: app.enterpriseId,
        name: i.name,
        districtName: i.districtName,
        summary: i.summary,
        status: app.status,
        statusName: statusName(instrumentOf(app.instrument), app.status),
        objections: c,
        ...blockOf(n, app, c, today),
      };
    }),
  };
}
