import type { z } from 'zod';
import type { Database, Db, Executor } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './outreach.repo.js';
import type { assignmentBody, commissionerBody, eventBody, serviceRecordBody } from './outreach.schema.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  return ctx.actor;
}

/** Outreach is organised by the city officer and the district bureaus (within their district). */
export function assertCanOrganise(actor: Actor | null): Actor {
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  if (!hasRole(actor, 'city_officer', 'district_officer')) {
    throw forbidden('只有市科委业务处室和区县科技局可以登记科技下乡与科技特派员工作');
  }
  return actor;
}

/** The district a write lands in: a district officer's own, whatever it names. */
async function districtFor(db: Executor, actor: Actor, ref: string | undefined, field = 'district'): Promise<number | null> {
  if (hasRole(actor, 'district_officer') && !hasRole(actor, 'city_officer')) {
    const d = ref ? await repo.findDistrict(db, ref) : null;
    if (d && d.id !== actor.districtId) {
      throw forbidden(`只能登记本区县（${actor.districtName ?? ''}）的活动`);
    }
    return actor.districtId;
  }
  if (!ref) {
    return null;
  }
  const d = await repo.findDistrict(db, ref);
  if (!d) {
    throw fieldError(field, `区县“${ref}”不存在`);
  }
  return d.id;
}

// ---- events ----

export async function listEvents(opts: { db: Db; query: { year?: number; q?: string } }) {
  const rows = await repo.listEvents(opts.db, { ...opts.query, upTo: businessToday() });
  const photos = await repo.photosOf(
    opts.db,
    rows.map((r) => r.id),
  );
  return {
    total: rows.length,
    items: rows.map(({ districtId: _d, ...r }) => ({ ...r, photos: photos.filter((p) => p.eventId === r.id).map(({ eventId: _e, ...p }) => p) })),
  };
}

export async function getEvent(opts: { db: Executor; id: number }) {
  const e = await repo.findEvent(opts.db, opts.id);
  if (!e) {
    throw notFound('科技下乡活动');
  }
  const [row] = (await repo.listEvents(opts.db, { upTo: '9999-12-31' })).filter((r) => r.id === e.id);
  const photos = await repo.photosOf(opts.db, [e.id]);
  const { districtId: _d, ...rest } = row;
  return { ...rest, photos: photos.map(({ eventId: _e, ...p }) => p) };
}

export async function createEvent(opts: { db: Db; ctx: RequestContext; input: z.infer<typeof eventBody> }) {
  const actor = assertCanOrganise(opts.ctx.actor);
  const { district, ...input } = opts.input;
  const today = businessToday();
  if (input.heldOn > today) {
    throw fieldError('heldOn', `活动日期不能晚于今天（${today}）：活动结束后登记`);
  }
  return opts.db.transaction(async (tx) => {
    const districtId = await districtFor(tx, actor, district);
    const [row] = await repo.insertEvents(tx, [{ ...input, districtId, createdBy: actor.userId }]);
    await recordAudit(tx, opts.ctx, { action: 'outreach_event.create', objectType: 'outreach_event', objectId: row.id, after: row });
    return getEvent({ db: tx, id: row.id });
  });
}

const PHOTO_TYPES: Record<string, { mime: string; ok: (b: Buffer) => boolean }> = {
  jpg: { mime: 'image/jpeg', ok: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { mime: 'image/jpeg', ok: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  png: { mime: 'image/png', ok: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
};

/** An event the actor may add photos to: any for the city, the own district's for a district officer. */
async function eventToEdit(db: Executor, actor: Actor, id: number) {
  const e = await repo.findEvent(db, id);
  if (!e || (hasRole(actor, 'district_officer') && !hasRole(actor, 'city_officer') && e.districtId !== actor.districtId)) {
    throw notFound('科技下乡活动');
  }
  return e;
}

/** The photo upload's checks (role, the event in scope), made before the file is read. */
export async function assertCanAddPhoto(opts: { db: Executor; ctx: RequestContext; id: number }): Promise<void> {
  await eventToEdit(opts.db, assertCanOrganise(opts.ctx.actor), opts.id);
}

export async function addPhoto(opts: { db: Db; ctx: RequestContext; id: number; fileName: string; buffer: Buffer; caption?: string }) {
  const actor = assertCanOrganise(opts.ctx.actor);
  const ext = opts.fileName.split('.').pop()?.toLowerCase() ?? '';
  const type = PHOTO_TYPES[ext];
  if (!type || !opts.buffer.length || !type.ok(opts.buffer)) {
    throw new AppError('attachment_invalid', '照片只接受 JPG 或 PNG 图片', { fields: [{ field: 'file', message: '照片只接受 JPG 或 PNG 图片' }] });
  }
  return opts.db.transaction(async (tx) => {
    const e = await eventToEdit(tx, actor, opts.id);
    const p = await repo.insertPhoto(tx, { eventId: e.id, fileName: opts.fileName, mimeType: type.mime, size: opts.buffer.length, content: opts.buffer, caption: opts.caption ?? null, uploadedBy: actor.userId });
    await recordAudit(tx, opts.ctx, { action: 'outreach_event.photo', objectType: 'outreach_event', objectId: e.id, after: { photoId: p.id, fileName: opts.fileName, size: opts.buffer.length } });
    return getEvent({ db: tx, id: e.id });
  });
}

export async function photo(opts: { db: Db; id: number; photoId: number }) {
  const p = await repo.findPhoto(opts.db, opts.id, opts.photoId);
  if (!p) {
    throw notFound('照片');
  }
  return p;
}

// ---- commissioners ----

function readerScope(actor: Actor): void {
  if (!hasRole(actor, 'city_officer', 'city_admin', 'auditor', 'district_officer')) {
    throw forbidden('无权查看科技特派员名册');
  }
}

async function present(db: Executor, rows: Awaited<ReturnType<typeof repo.listCommissioners>>, year?: number) {
  const ids = rows.map((r) => r.id);
  const [assignments, records] = await Promise.all([repo.assignmentsOf(db, ids), repo.recordsOf(db, ids)]);
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    organization: c.organization,
    title: c.title,
    expertise: c.expertise,
    since: c.since,
    active: c.active,
    assignments: assignments
      .filter((a) => a.commissionerId === c.id && (!year || (a.startOn <= `${year}-12-31` && (a.endOn === null || a.endOn >= `${year}-01-01`))))
      .map(({ commissionerId: _c, districtId: _d, ...a }) => a),
    records: records.filter((r) => r.commissionerId === c.id && (!year || r.year === year)).map((r) => ({ id: r.id, year: r.year, serviceDays: r.serviceDays, enterprisesServed: r.enterprisesServed, trainings: r.trainings, technologiesIntroduced: r.technologiesIntroduced, summary: r.summary })),
  }));
}

export async function listCommissioners(opts: { db: Db; actor: Actor; query: { year?: number; q?: string } }) {
  readerScope(opts.actor);
  return { items: await present(opts.db, await repo.listCommissioners(opts.db, opts.query.q), opts.query.year) };
}

export async function getCommissioner(opts: { db: Executor; actor: Actor; id: number }) {
  readerScope(opts.actor);
  const c = await repo.findCommissioner(opts.db, opts.id);
  if (!c) {
    throw notFound('科技特派员');
  }
  return (await present(opts.db, [c]))[0];
}

export async function createCommissioner(opts: { db: Db; ctx: RequestContext; input: z.infer<typeof commissionerBody> }) {
  const actor = actorOf(opts.ctx);
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('科技特派员由市科委选派登记');
  }
  return opts.db.transaction(async (tx) => {
    const [row] = await repo.insertCommissioners(tx, [{ ...opts.input, title: opts.input.title ?? null }]);
    await recordAudit(tx, opts.ctx, { action: 'commissioner.create', objectType: 'commissioner', objectId: row.id, after: row });
    return getCommissioner({ db: tx, actor, id: row.id });
  });
}

export async function addAssignment(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof assignmentBody> }) {
  const actor = assertCanOrganise(opts.ctx.actor);
  const { district, enterpriseId, ...input } = opts.input;
  if (input.endOn && input.endOn < input.startOn) {
    throw fieldError('endOn', '结束日期不能早于开始日期');
  }
  return opts.db.transaction(async (tx) => {
    if (!(await repo.findCommissioner(tx, opts.id))) {
      throw notFound('科技特派员');
    }
    const districtId = (await districtFor(tx, actor, district))!;
    if (enterpriseId !== undefined) {
      const e = await repo.findEnterprise(tx, enterpriseId);
      if (!e || e.districtId !== districtId) {
        throw fieldError('enterpriseId', '服务企业须为该区县登记在册的企业');
      }
    }
    const [row] = await repo.insertAssignments(tx, [{ ...input, commissionerId: opts.id, districtId, enterpriseId: enterpriseId ?? null, endOn: input.endOn ?? null }]);
    await recordAudit(tx, opts.ctx, { action: 'commissioner.assign', objectType: 'commissioner', objectId: opts.id, after: row });
    return getCommissioner({ db: tx, actor, id: opts.id });
  });
}

export async function addServiceRecord(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof serviceRecordBody> }) {
  const actor = assertCanOrganise(opts.ctx.actor);
  if (opts.input.year > Number(businessToday().slice(0, 4))) {
    throw fieldError('year', '不能登记未来年度的服务记录');
  }
  return opts.db.transaction(async (tx) => {
    if (!(await repo.findCommissioner(tx, opts.id))) {
      throw notFound('科技特派员');
    }
    const [row] = await repo.insertRecords(tx, [{ ...opts.input, commissionerId: opts.id, recordedBy: actor.userId }]);
    if (!row) {
      throw new AppError('conflict', `${opts.input.year}年度的服务记录已登记`, { fields: [{ field: 'year', message: '该年度已登记' }] });
    }
    await recordAudit(tx, opts.ctx, { action: 'commissioner.service_record', objectType: 'commissioner', objectId: opts.id, after: row });
    return getCommissioner({ db: tx, actor, id: opts.id });
  });
}

// ---- the indicator ----

/** outreach.events of a year: city-wide (every event) or one district's; and every district's. */
export async function outreachYearFigures(opts: { database: Database; year: number; districtId?: number }) {
  const rows = await repo.eventCounts(opts.database.db, opts.year);
  const total = opts.districtId === undefined ? rows.reduce((s, r) => s + r.n, 0) : (rows.find((r) => r.districtId === opts.districtId)?.n ?? 0);
  return { events: total, byDistrict: rows.filter((r) => r.districtId !== null).map((r) => ({ districtId: r.districtId!, events: r.n })) };
}

export async function outreachIndicatorRecords(database: Database, opts: { year: number; districtId?: number; limit: number; after?: { date: string; id: number } }) {
  return repo.eventRecords(database.db, opts);
}
