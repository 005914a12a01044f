import { and } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { APPLICATION_STATUSES, type ApplicationStatus, type RecognitionType } from '../../db/schema/index.js';
import { hasRole, type Actor, type RequestContext, actorOf } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound, type FieldIssue } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { maskPhone, type PiiCipher } from '../../lib/pii.js';
import { businessNow, businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { casesRepo, openCase } from '../cases/index.js';
import { appendTimeline } from '../timeline/index.js';
import { assessData, type Assessment } from './applications.assess.js';
import { applicationDraft, completenessIssues, emptyApplicationData, type ApplicationDraft } from './applications.form.js';
import { applicationScope, assertCanApply, assertCanEdit, seesContactPhone } from './applications.policy.js';
import * as repo from './applications.repo.js';
import { assertCallOpen, getCall } from './calls.service.js';
import { loadForm } from './forms.service.js';
import { NOTICE_EVENT_NAMES } from '../notices/index.js';
import { ACTION_NAMES, NEXT_STEP, STATUS_NAMES, TYPE_NAMES } from './recognitions.status.js';
import { lockApplication, moveApplication } from './workflow.js';

function isUniqueViolation(err: unknown): boolean {
  let cur: unknown = err;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    if ((cur as { code?: unknown }).code === '23505') {
      return true;
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

const ACTION_LABELS: Record<string, string> = { create: '创建申报草稿', ...ACTION_NAMES, ...NOTICE_EVENT_NAMES };

export function presentListItem(r: repo.ApplicationListRow) {
  return {
    id: r.id,
    callId: r.callId,
    type: r.type,
    typeName: TYPE_NAMES[r.type],
    year: r.year,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    uscc: r.uscc,
    districtId: r.districtId,
    districtName: r.districtName,
    formVersion: r.formVersion,
    status: r.status,
    statusName: STATUS_NAMES[r.status],
    applicationDate: r.applicationDate ?? null,
    submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
    dueOn: r.dueOn ?? null,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

// ---- where is my application ----

const STEPS = [
  { key: 'fill', title: '企业填报' },
  { key: 'district', title: '区县科技局审核' },
  { key: 'city', title: '市科委审核' },
  { key: 'review', title: '专家评审' },
  { key: 'notice', title: '公示' },
  { key: 'decision', title: '认定决定' },
] as const;

const STEP_OF: Record<ApplicationStatus, number> = {
  draft: 0,
  returned: 0,
  submitted: 1,
  district_passed: 2,
  city_passed: 3,
  expert_review: 3,
  scored: 4,
  in_notice: 4,
  recommended: 5,
  approved: 6,
  rejected: 0,
};

type StepState = 'done' | 'current' | 'waiting' | 'error';

function stepsOf(status: ApplicationStatus, rejectedFrom: ApplicationStatus | null): { key: string; title: string; state: StepState }[] {
  const current = status === 'rejected' ? STEP_OF[rejectedFrom ?? 'submitted'] : STEP_OF[status];
  return STEPS.map((s, i) => ({
    key: s.key,
    title: s.title,
    state: (i < current ? 'done' : i === current ? (status === 'rejected' ? 'error' : 'current') : 'waiting') as StepState,
  }));
}

export async function resolveDistrictId(db: Executor, ref: string | undefined): Promise<number | undefined> {
  if (!ref) {
    return undefined;
  }
  const d = await repo.findDistrict(db, ref.trim());
  if (!d) {
    throw fieldError('district', `区县“${ref}”不存在`);
  }
  return d.id;
}

export interface ApplicationQuery {
  type?: RecognitionType;
  year?: number;
  district?: string;
  status?: ApplicationStatus;
  limit: number;
  cursor?: string;
}

async function whereOf(db: Executor, actor: Actor, q: Omit<ApplicationQuery, 'limit' | 'cursor'>) {
  const scope = applicationScope(actor);
  const filter = repo.filterCondition({ type: q.type, year: q.year, status: q.status, districtId: await resolveDistrictId(db, q.district) });
  return scope && filter ? and(scope, filter) : (scope ?? filter);
}

export async function listApplications(opts: { db: Executor; actor: Actor; query: ApplicationQuery }) {
  const where = await whereOf(opts.db, opts.actor, opts.query);
  const after = opts.query.cursor ? decodeCursor(opts.query.cursor).id : undefined;
  const rows = await repo.listPage(opts.db, { where, afterId: after, limit: opts.query.limit + 1 });
  const more = rows.length > opts.query.limit;
  const items = rows.slice(0, opts.query.limit);
  return { items: items.map(presentListItem), nextCursor: more ? encodeCursor(null, items[items.length - 1].id) : null };
}

/** Every row of the filtered, scoped list, in pages (for the export). */
export async function* iterateApplications(opts: { db: Executor; actor: Actor; query: Omit<ApplicationQuery, 'limit' | 'cursor'>; max: number }) {
  const where = await whereOf(opts.db, opts.actor, opts.query);
  let after: number | undefined;
  let n = 0;
  while (n < opts.max) {
    const rows = await repo.listPage(opts.db, { where, afterId: after, limit: Math.min(1000, opts.max - n) });
    for (const r of rows) {
      yield presentListItem(r);
    }
    n += rows.length;
    if (rows.length < 1000) {
      return;
    }
    after = rows[rows.length - 1].id;
  }
}

export async function countApplications(opts: { db: Executor; actor: Actor; query: { type?: RecognitionType; year?: number; district?: string } }) {
  const where = await whereOf(opts.db, opts.actor, opts.query);
  const rows = await repo.countByStatus(opts.db, where);
  const by = new Map(rows.map((r) => [r.status, Number(r.count)]));
  const items = APPLICATION_STATUSES.map((status) => ({ status, statusName: STATUS_NAMES[status], count: by.get(status) ?? 0 }));
  return { items, total: items.reduce((s, i) => s + i.count, 0) };
}

async function readScoped(db: Executor, actor: Actor, id: number) {
  const row = await repo.findApplication(db, id, applicationScope(actor));
  if (!row) {
    throw notFound('申报');
  }
  return row;
}

type Profiled = { profile?: Record<string, unknown> } & Record<string, unknown>;

/**
 * The contact phone is PII: stored encrypted in the data (profile.contactPhoneEnc), never in clear.
 * Data written before that (plain contactPhone) is still read.
 */
export function sealData<T>(data: T, pii: PiiCipher): T {
  const d = data as Profiled;
  const phone = d.profile?.contactPhone;
  if (!d.profile || typeof phone !== 'string') {
    return data;
  }
  const { contactPhone: _drop, ...profile } = d.profile;
  return { ...d, profile: phone.trim() ? { ...profile, contactPhoneEnc: pii.encrypt(phone.trim()) } : profile } as T;
}

/** The data with the contact phone decrypted (the applicant, validation) or masked (everyone else). */
export function openData(data: unknown, pii: PiiCipher, reveal: boolean): Record<string, unknown> {
  const d = (data ?? {}) as Profiled;
  if (!d.profile) {
    return d;
  }
  const { contactPhoneEnc, ...profile } = d.profile;
  let phone = typeof profile.contactPhone === 'string' ? profile.contactPhone : null;
  if (typeof contactPhoneEnc === 'string') {
    try {
      phone = pii.decrypt(contactPhoneEnc);
    } catch {
      phone = null;
    }
  }
  return { ...d, profile: { ...profile, contactPhone: phone === null ? null : reveal ? phone : maskPhone(phone) } };
}

export async function getApplication(opts: { db: Executor; actor: Actor; id: number; pii: PiiCipher }) {
  const { a, enterpriseName, uscc, districtName } = await readScoped(opts.db, opts.actor, opts.id);
  const [events, attachments, call] = await Promise.all([casesRepo.listEvents(opts.db, a.id), casesRepo.listAttachments(opts.db, a.id), getCall(opts.db, a.callId)]);
  const rejectedFrom = a.status === 'rejected' ? ((events.filter((e) => e.toStatus === 'rejected').at(-1)?.fromStatus as ApplicationStatus | null | undefined) ?? null) : null;
  const reveal = seesContactPhone(opts.actor, a);
  return {
    id: a.id,
    callId: a.callId,
    callTitle: call.title,
    callClosesOn: call.closesOn,
    type: a.type,
    typeName: TYPE_NAMES[a.type],
    year: a.year,
    enterpriseId: a.enterpriseId,
    enterpriseName,
    uscc,
    districtId: a.districtId,
    districtName,
    formVersion: a.formVersion,
    status: a.status,
    statusName: STATUS_NAMES[a.status],
    nextStep: NEXT_STEP[a.status],
    dueOn: a.dueOn ?? null,
    editable: (a.status === 'draft' || a.status === 'returned') && reveal,
    data: openData(a.data, opts.pii, reveal),
    assessment: (a.assessment ?? null) as Record<string, unknown> | null,
    applicationDate: a.applicationDate ?? null,
    submittedAt: a.submittedAt ? a.submittedAt.toISOString() : null,
    decidedAt: a.decidedAt ? a.decidedAt.toISOString() : null,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    steps: stepsOf(a.status, rejectedFrom),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      actionName: ACTION_LABELS[e.action] ?? e.action,
      fromStatus: (e.fromStatus as ApplicationStatus | null) ?? null,
      toStatus: e.toStatus as ApplicationStatus,
      toStatusName: STATUS_NAMES[e.toStatus as ApplicationStatus] ?? e.toStatus,
      comment: e.comment ?? null,
      actorLabel: e.actorLabel,
      dueOn: e.dueOn ?? null,
      occurredAt: e.occurredAt.toISOString(),
    })),
    attachments: attachments.map((f) => ({ id: f.id, code: f.code, fileName: f.fileName, mimeType: f.mimeType, size: f.size, sha256: f.sha256, createdAt: f.createdAt.toISOString() })),
  };
}

/** Prefill: the latest earlier application's data (its type-specific fields only for the same type), then the registry record. */
function prefill(
  ent: NonNullable<Awaited<ReturnType<typeof repo.findEnterprise>>>,
  earlier: Awaited<ReturnType<typeof repo.latestEarlierApplication>>,
  type: RecognitionType,
): ApplicationDraft {
  const fromEarlier = earlier ? applicationDraft.safeParse(earlier.data) : null;
  const base = fromEarlier?.success ? fromEarlier.data : emptyApplicationData();
  if (earlier && earlier.type !== type) {
    base.fields = {};
  }
  const earlierPhone = (earlier?.data as Profiled | undefined)?.profile?.contactPhoneEnc;
  base.profile = {
    ...base.profile,
    registeredOn: ent.registeredOn,
    registeredInChina: base.profile.registeredInChina ?? true,
    employees: base.profile.employees ?? ent.employees ?? null,
    contactName: base.profile.contactName ?? ent.contactName ?? null,
  };
  return typeof earlierPhone === 'string' ? ({ ...base, profile: { ...base.profile, contactPhoneEnc: earlierPhone } } as ApplicationDraft) : base;
}

export async function createApplication(opts: { db: Db; ctx: RequestContext; pii: PiiCipher; callId: number }) {
  const actor = actorOf(opts.ctx);
  const enterpriseId = assertCanApply(actor);
  const call = await getCall(opts.db, opts.callId).catch(() => {
    throw fieldError('callId', '申报通知不存在', 'not_found');
  });
  assertCallOpen(call);
  await loadForm(opts.db, call.type, call.formVersion);
  const id = await opts.db.transaction(async (tx) => {
    const ent = await repo.findEnterprise(tx, enterpriseId);
    if (!ent) {
      throw notFound('企业');
    }
    const data = sealData(prefill(ent, await repo.latestEarlierApplication(tx, enterpriseId, call.type), call.type), opts.pii);
    const row = await openCase(tx, opts.ctx, {
      instrument: repo.INSTRUMENT,
      type: call.type,
      year: call.year,
      title: `${call.year}年度${TYPE_NAMES[call.type]}申报`,
      callId: call.id,
      enterpriseId,
      districtId: ent.districtId,
    }).catch((err: unknown) => {
      if (isUniqueViolation(err) || (err instanceof AppError && err.code === 'conflict')) {
        throw new AppError('conflict', `本企业已有“${call.title}”的申报，请在“我的申报”中继续`);
      }
      throw err;
    });
    await repo.insertDetail(tx, { id: row.id, formVersion: call.formVersion, data });
    await recordAudit(tx, opts.ctx, { action: 'recognition_application.create', objectType: 'recognition_application', objectId: row.id, after: { callId: call.id, type: call.type, year: call.year, formVersion: call.formVersion } });
    await appendTimeline(tx, [{ enterpriseId, module: 'recognitions', kind: 'create', title: `${TYPE_NAMES[call.type]}申报：创建申报草稿`, refType: 'recognition_application', refId: row.id }]);
    return row.id;
  });
  return getApplication({ db: opts.db, actor, id, pii: opts.pii });
}

export async function updateApplication(opts: { db: Db; ctx: RequestContext; pii: PiiCipher; id: number; data: ApplicationDraft; version: number }) {
  const actor = actorOf(opts.ctx);
  await opts.db.transaction(async (tx) => {
    const { a } = await readScoped(tx, actor, opts.id);
    assertCanEdit(actor, a);
    if (a.status !== 'draft' && a.status !== 'returned') {
      throw new AppError('invalid_state', `申报当前状态为“${STATUS_NAMES[a.status]}”，不能修改`);
    }
    const updated = await casesRepo.updateAtVersion(tx, a.id, opts.version, {}, repo.editableCondition);
    if (!updated) {
      throw new AppError('version_conflict', '申报已被修改（可能在另一个窗口），请刷新后重试');
    }
    await repo.updateData(tx, a.id, sealData(opts.data, opts.pii));
    await recordAudit(tx, opts.ctx, { action: 'recognition_application.update', objectType: 'recognition_application', objectId: a.id, before: { version: a.version }, after: { version: updated.version } });
  });
  return getApplication({ db: opts.db, actor, id: opts.id, pii: opts.pii });
}

/** The live self-assessment of the given (unsaved) data, or the stored data. Saves nothing. */
export async function assessApplication(opts: { db: Executor; actor: Actor; pii: PiiCipher; id: number; data?: ApplicationDraft }): Promise<Assessment> {
  // the auditor reads the stored assessment in the detail; a live run is the applicant's and the reviewers' tool
  if (!hasRole(opts.actor, 'enterprise_user', 'district_officer', 'city_officer', 'city_admin')) {
    throw forbidden('无权进行申报自评');
  }
  const { a } = await readScoped(opts.db, opts.actor, opts.id);
  const { spec } = await loadForm(opts.db, a.type, a.formVersion);
  return assessData(opts.db, a.type, spec, opts.data ?? openData(a.data, opts.pii, true), a.applicationDate ?? businessToday());
}

export async function submitApplication(opts: { db: Db; ctx: RequestContext; pii: PiiCipher; id: number; version?: number }) {
  const actor = actorOf(opts.ctx);
  await opts.db.transaction(async (tx) => {
    const app = await lockApplication(tx, opts.ctx, opts.id);
    assertCanEdit(actor, app);
    if (opts.version !== undefined && opts.version !== app.version) {
      throw new AppError('version_conflict', '申报已被修改（可能在另一个窗口），请刷新后重试');
    }
    if (app.status !== 'draft' && app.status !== 'returned') {
      throw new AppError('invalid_state', `申报当前状态为“${STATUS_NAMES[app.status]}”，不能提交`);
    }
    if (app.status === 'draft') {
      assertCallOpen(await getCall(tx, app.callId));
    }
    const { spec } = await loadForm(tx, app.type, app.formVersion);
    const data = openData(app.data, opts.pii, true);
    const issues: FieldIssue[] = completenessIssues(data, spec);
    const uploaded = await casesRepo.attachmentCodes(tx, app.id);
    for (const att of spec.attachments) {
      if (att.required && !uploaded.has(att.code)) {
        issues.push({ field: `attachments.${att.code}`, message: `请上传${att.name}` });
      }
    }
    const today = businessToday();
    const applicationDate = app.applicationDate ?? today;
    const assessment = issues.length ? null : await assessData(tx, app.type, spec, data, applicationDate);
    if (assessment && !assessment.complete) {
      issues.push(...assessment.issues);
    }
    if (issues.length) {
      throw new AppError('validation_failed', `申报材料不完整或有误（${issues.length}处），请修改后再提交`, { fields: issues });
    }
    await moveApplication(tx, opts.ctx, app, { action: 'submit', set: { assessment, applicationDate, submittedAt: businessNow() } });
  });
  return getApplication({ db: opts.db, actor, id: opts.id, pii: opts.pii });
}
