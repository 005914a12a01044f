import type { SQL } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { cases } from '../../db/schema/index.js';
import { hasRole, type Actor } from '../../http/context.js';
import { fieldError } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { businessToday } from '../../lib/clock.js';
import { addWorkingDays } from '../calendar/index.js';
import { countPaymentsAwaiting, paymentsAwaiting, PAYMENTS_INBOX } from '../payments/index.js';
import * as repo from './inbox.repo.js';
import { instrumentOf, instruments, panelReviewStatuses, statusesAwaiting, statusName, typeName, type InstrumentDef } from './instruments.js';

/** A case due within this many working days is highlighted as due soon. */
export const DUE_SOON_WORKING_DAYS = 3;

export interface InboxQuery {
  instrument?: string;
  type?: string;
  status?: string;
  district?: string;
  dueBefore?: string;
  mine?: boolean;
  cursor?: string;
  limit: number;
}

const isExpertOnly = (actor: Actor) => hasRole(actor, 'expert') && !hasRole(actor, 'city_officer', 'city_admin', 'auditor', 'district_officer', 'enterprise_user');

/**
 * The caller's cases as a WHERE condition: bureau roles all, a district officer its district,
 * an enterprise its own, an expert the cases it sits on a live panel for, any other user its
 * organisation's.
 */
function scopeOf(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return eq(cases.districtId, actor.districtId);
  }
  if (hasRole(actor, 'enterprise_user') && actor.enterpriseId !== null) {
    return eq(cases.enterpriseId, actor.enterpriseId);
  }
  if (hasRole(actor, 'expert')) {
    return repo.expertSeatCondition(actor.userId, panelReviewStatuses());
  }
  return eq(cases.organizationId, actor.organizationId);
}

async function whereOf(db: Executor, actor: Actor, q: Omit<InboxQuery, 'cursor' | 'limit'>): Promise<repo.InboxWhere> {
  if (q.instrument && q.instrument !== PAYMENTS_INBOX.instrument && !instruments().some((d) => d.code === q.instrument)) {
    throw fieldError('instrument', `业务类别“${q.instrument}”不存在`);
  }
  let districtId: number | undefined;
  if (q.district) {
    districtId = await repo.districtIdOf(db, q.district.trim());
    if (districtId === undefined) {
      throw fieldError('district', `区县“${q.district}”不存在`);
    }
  }
  // an expert's "mine" is its live seats, which the scope already is
  const awaiting = q.mine && !isExpertOnly(actor) ? instruments().map((d) => ({ instrument: d.code, statuses: statusesAwaiting(d, actor.roles) })) : undefined;
  return { instrument: q.instrument, type: q.type, status: q.status, districtId, dueBefore: q.dueBefore, scope: scopeOf(actor), awaiting };
}

type DueState = 'overdue' | 'due_soon' | 'ok';

function dueStateOf(dueOn: string | null, today: string, soon: string): DueState | null {
  if (!dueOn) {
    return null;
  }
  return dueOn < today ? 'overdue' : dueOn <= soon ? 'due_soon' : 'ok';
}

function audienceOf(actor: Actor): 'officer' | 'applicant' | 'expert' {
  if (isExpertOnly(actor)) {
    return 'expert';
  }
  return hasRole(actor, 'city_officer', 'city_admin', 'auditor', 'district_officer') ? 'officer' : 'applicant';
}

async function dueWindow(db: Executor) {
  const today = businessToday();
  return { today, soon: await addWorkingDays(today, DUE_SOON_WORKING_DAYS, db) };
}

/** The inbox (待办): the caller's cases, most urgent first, one keyset page. */
export async function listInbox(opts: { db: Executor; actor: Actor; query: InboxQuery }) {
  const where = await whereOf(opts.db, opts.actor, opts.query);
  const after = opts.query.cursor ? decodeCursor(opts.query.cursor) : undefined;
  if (after && typeof after.value !== 'string') {
    throw fieldError('cursor', '分页游标无效', 'bad_cursor');
  }
  // the payment orders waiting for the finance reviewer follow the cases (they have no deadline); their pages' cursor says so
  const inPayments = after?.value === PAYMENTS_INBOX.instrument;
  const rows = inPayments ? [] : await repo.inboxPage(opts.db, where, { after: after ? { due: after.value as string, id: after.id } : undefined, limit: opts.query.limit + 1 });
  const more = rows.length > opts.query.limit;
  const page = rows.slice(0, opts.query.limit);
  const room = opts.query.limit - page.length;
  const payments = more || !withPayments(opts.query) ? [] : await paymentsAwaiting(opts.db, opts.actor, { status: opts.query.status, afterId: inPayments ? after?.id : undefined, limit: room + 1 });
  const shownPayments = payments.slice(0, room);
  const { today, soon } = await dueWindow(opts.db);
  const audience = audienceOf(opts.actor);
  const last = page.at(-1);
  return {
    items: page.map((r) => {
      const def: InstrumentDef = instrumentOf(r.instrument);
      return {
        id: r.id,
        instrument: r.instrument,
        instrumentName: def.name,
        type: r.type,
        typeName: typeName(def, r.type),
        status: r.status,
        statusName: statusName(def, r.status),
        title: r.title,
        dueOn: r.dueOn ?? null,
        dueState: dueStateOf(r.dueOn ?? null, today, soon),
        enterprise: r.enterpriseId !== null ? { id: r.enterpriseId, name: r.enterpriseName ?? '' } : null,
        applicantName: r.enterpriseName ?? r.organizationName ?? '',
        district: r.districtCode ? { code: r.districtCode, name: r.districtName ?? '' } : null,
        href: def.href(r, audience),
        updatedAt: r.updatedAt.toISOString(),
      };
    }).concat(shownPayments),
    nextCursor: more && last ? encodeCursor(last.due, last.id) : payments.length > room ? encodeCursor(PAYMENTS_INBOX.instrument, shownPayments.at(-1)?.id ?? 0) : null,
  };
}

/** Payment orders have no type, district or deadline: a filter on one of those leaves them out, as another instrument does. */
const withPayments = (q: Omit<InboxQuery, 'cursor' | 'limit'>) => !q.type && !q.district && !q.dueBefore && (!q.instrument || q.instrument === PAYMENTS_INBOX.instrument);

/** Counts for the inbox header: all, overdue and due soon, per instrument. */
export async function inboxSummary(opts: { db: Executor; actor: Actor; query: Omit<InboxQuery, 'cursor' | 'limit'> }) {
  const where = await whereOf(opts.db, opts.actor, opts.query);
  const { today, soon } = await dueWindow(opts.db);
  const rows = await repo.inboxCounts(opts.db, where, today, soon);
  const byInstrument = rows.map((r) => ({ instrument: r.instrument, instrumentName: instrumentOf(r.instrument).name, count: r.count, overdue: r.overdue, dueSoon: r.dueSoon }));
  const payments = withPayments(opts.query) ? await countPaymentsAwaiting(opts.db, opts.actor, opts.query.status) : 0;
  if (payments > 0) {
    byInstrument.push({ ...PAYMENTS_INBOX, count: payments, overdue: 0, dueSoon: 0 });
  }
  return {
    today,
    total: byInstrument.reduce((s, r) => s + r.count, 0),
    overdue: byInstrument.reduce((s, r) => s + r.overdue, 0),
    dueSoon: byInstrument.reduce((s, r) => s + r.dueSoon, 0),
    byInstrument,
  };
}
