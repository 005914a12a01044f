import type { Db, Executor } from '../../db/client.js';
import { type RequestContext, type Actor, actorOf } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { fenToYuan, yuanToFen } from '../../lib/money.js';
import { maskIdNumber, maskPhone, type PiiCipher } from '../../lib/pii.js';
import { recordAudit } from '../audit/index.js';
import { appendTimeline, listTimeline } from '../timeline/index.js';
import { assertCanCreateIn, assertCanUpdate, enterpriseScope, registryScope } from './enterprises.policy.js';
import * as repo from './enterprises.repo.js';
import { SIZE_NAMES, type CreateEnterpriseInput, type EnterpriseQuery, type PatchEnterpriseInput } from './enterprises.schema.js';

export function presentItem(e: repo.EnterpriseListRow) {
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    districtId: e.districtId,
    districtCode: e.districtCode,
    districtName: e.districtName,
    registeredOn: e.registeredOn,
    industry: e.industry,
    size: e.size ?? null,
    sizeName: e.size ? SIZE_NAMES[e.size] : null,
    employees: e.employees ?? null,
    version: e.version,
  };
}

function presentDetail(e: repo.EnterpriseWithDistrict, pii: PiiCipher) {
  const reveal = (enc: string | null, mask: (s: string) => string) => (enc ? mask(pii.decrypt(enc)) : null);
  return {
    ...presentItem(e),
    registeredCapital: e.registeredCapital === null ? null : fenToYuan(e.registeredCapital),
    address: e.address,
    website: e.website,
    legalRepName: e.legalRepName,
    legalRepPhone: reveal(e.legalRepPhoneEnc, maskPhone),
    legalRepIdNumber: reveal(e.legalRepIdEnc, maskIdNumber),
    contactName: e.contactName,
    contactPhone: reveal(e.contactPhoneEnc, maskPhone),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

/** What an audit row may hold: no clear-text PII, only masks. */
function auditView(e: repo.EnterpriseRow, pii: PiiCipher) {
  const { legalRepIdEnc, legalRepIdHash, legalRepPhoneEnc, legalRepPhoneHash, contactPhoneEnc, contactPhoneHash, ...rest } = e;
  void legalRepIdHash;
  void legalRepPhoneHash;
  void contactPhoneHash;
  return {
    ...rest,
    legalRepIdNumber: legalRepIdEnc ? maskIdNumber(pii.decrypt(legalRepIdEnc)) : null,
    legalRepPhone: legalRepPhoneEnc ? maskPhone(pii.decrypt(legalRepPhoneEnc)) : null,
    contactPhone: contactPhoneEnc ? maskPhone(pii.decrypt(contactPhoneEnc)) : null,
  };
}

// Every filtered list resolves a district, and districts change a few times a decade: keep the
// map per database handle for a minute, and reload at once when a name or code is not in it.
const DISTRICT_MAP_TTL_MS = 60_000;
const districtMaps = new WeakMap<Executor, { at: number; map: Awaited<ReturnType<typeof repo.districtMap>> }>();

async function districtMap(db: Executor, fresh: boolean) {
  const hit = districtMaps.get(db);
  if (hit && !fresh && Date.now() - hit.at < DISTRICT_MAP_TTL_MS) {
    return hit.map;
  }
  const map = await repo.districtMap(db);
  districtMaps.set(db, { at: Date.now(), map });
  return map;
}

type DistrictMap = Awaited<ReturnType<typeof repo.districtMap>>;
type District = NonNullable<ReturnType<DistrictMap['get']>>;

function findDistrict(map: DistrictMap, ref: string): District | undefined {
  return map.get(ref.trim()) ?? map.get(ref.trim().replace(/[(（].*$/, ''));
}

export async function resolveDistrict(db: Executor, ref: string, field = 'district'): Promise<District> {
  const d = findDistrict(await districtMap(db, false), ref) ?? findDistrict(await districtMap(db, true), ref);
  if (!d) {
    throw fieldError(field, `区县“${ref}”不存在，请填写区县名称或6位行政区划代码`);
  }
  return d;
}

/** The district of a list filter from the map this process holds, if it is fresh and has it (no await on the hot path). */
function knownDistrict(db: Executor, ref: string): District | undefined {
  const hit = districtMaps.get(db);
  return hit && Date.now() - hit.at < DISTRICT_MAP_TTL_MS ? findDistrict(hit.map, ref) : undefined;
}

type PiiFields = Pick<CreateEnterpriseInput, 'legalRepPhone' | 'legalRepIdNumber' | 'contactPhone'>;

function piiColumns(input: Partial<PiiFields>, pii: PiiCipher): Partial<repo.NewEnterpriseRow> {
  const out: Partial<repo.NewEnterpriseRow> = {};
  const put = (value: string | null | undefined, enc: keyof repo.NewEnterpriseRow, hash: keyof repo.NewEnterpriseRow) => {
    if (value === undefined) {
      return;
    }
    Object.assign(out, { [enc]: value ? pii.encrypt(value) : null, [hash]: value ? pii.lookupHash(value) : null });
  };
  put(input.legalRepPhone, 'legalRepPhoneEnc', 'legalRepPhoneHash');
  put(input.legalRepIdNumber, 'legalRepIdEnc', 'legalRepIdHash');
  put(input.contactPhone, 'contactPhoneEnc', 'contactPhoneHash');
  return out;
}

/** Maps validated input (district already resolved) to columns. */
export function toRow(input: Omit<CreateEnterpriseInput, 'district'> & { districtId: number }, pii: PiiCipher): repo.NewEnterpriseRow {
  return {
    uscc: input.uscc,
    name: input.name,
    districtId: input.districtId,
    registeredOn: input.registeredOn,
    industry: input.industry,
    size: input.size ?? null,
    registeredCapital: input.registeredCapital === undefined || input.registeredCapital === null ? null : yuanToFen(input.registeredCapital),
    employees: input.employees ?? null,
    address: input.address ?? null,
    website: input.website ?? null,
    legalRepName: input.legalRepName ?? null,
    contactName: input.contactName ?? null,
    ...piiColumns(input, pii),
  };
}

function sortValue(e: repo.EnterpriseListRow, sort: EnterpriseQuery['sort']): string | number {
  return sort === 'id' ? e.id : sort === 'name' ? e.name : e.registeredOn;
}

export async function listEnterprises(opts: { db: Db; actor: Actor; query: EnterpriseQuery }) {
  const { db, actor, query } = opts;
  const districtId = query.district ? (knownDistrict(db, query.district) ?? (await resolveDistrict(db, query.district))).id : undefined;
  const scope = registryScope(actor);
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await repo.listPage(db, { scope, q: query.q, districtId, industry: query.industry, size: query.size, sort: query.sort, order: query.order, after, limit: query.limit + 1 });
  const page = rows.length > query.limit ? rows.slice(0, query.limit) : rows;
  const last = page[page.length - 1];
  return { items: page.map(presentItem), nextCursor: rows.length > query.limit && last ? encodeCursor(sortValue(last, query.sort), last.id) : null };
}

/** Streams every row the filter matches, in keyset batches, for export. */
export async function* iterateEnterprises(opts: { db: Db; actor: Actor; query: Omit<EnterpriseQuery, 'limit' | 'cursor'>; max: number }) {
  let cursor: string | undefined;
  let sent = 0;
  do {
    const page = await listEnterprises({ db: opts.db, actor: opts.actor, query: { ...opts.query, limit: 500, cursor } });
    for (const item of page.items) {
      if (sent++ >= opts.max) {
        return;
      }
      yield item;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export async function getEnterprise(opts: { db: Db; actor: Actor; id: number; pii: PiiCipher }) {
  const row = await repo.findById(opts.db, opts.id, enterpriseScope(opts.actor));
  if (!row) {
    throw notFound('企业');
  }
  return { ...presentDetail(row, opts.pii), timeline: await listTimeline(opts.db, row.id) };
}

/** What an actor who sees only part of the registry may learn of a taken code: "exists" only within its scope. */
export const USCC_UNAVAILABLE = '该统一社会信用代码无法由本区县登记，请联系市科委核实';

async function usccTaken(db: Executor, actor: Actor, uscc: string): Promise<AppError> {
  const scope = enterpriseScope(actor);
  if (scope === undefined || (actor.districtId !== null && (await repo.existingUsccs(db, [uscc], actor.districtId)).size)) {
    return fieldError('uscc', '该统一社会信用代码已存在', 'uscc_exists');
  }
  // another district's enterprise: its existence is not revealed
  return fieldError('uscc', USCC_UNAVAILABLE, 'uscc_unavailable');
}

export async function createEnterprise(opts: { db: Db; ctx: RequestContext; pii: PiiCipher; input: CreateEnterpriseInput }) {
  const actor = actorOf(opts.ctx);
  const { district, ...rest } = opts.input;
  const d = await resolveDistrict(opts.db, district);
  assertCanCreateIn(actor, d.id);
  const id = await opts.db.transaction(async (tx) => {
    if ((await repo.existingUsccs(tx, [rest.uscc])).size) {
      throw await usccTaken(tx, actor, rest.uscc);
    }
    const [row] = await repo.insertMany(tx, [toRow({ ...rest, districtId: d.id }, opts.pii)]);
    await appendTimeline(tx, [{ enterpriseId: row.id, module: 'enterprises', kind: 'created', title: `录入企业库（${actor.organizationName}）`, refType: 'enterprise', refId: row.id }]);
    await recordAudit(tx, opts.ctx, { action: 'enterprise.create', objectType: 'enterprise', objectId: row.id, after: auditView(row, opts.pii) });
    return row.id;
  });
  return getEnterprise({ db: opts.db, actor, id, pii: opts.pii });
}

export async function updateEnterprise(opts: { db: Db; ctx: RequestContext; pii: PiiCipher; id: number; input: PatchEnterpriseInput }) {
  const actor = actorOf(opts.ctx);
  const { version, district, ...fields } = opts.input;
  const changes = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined);
  if (district !== undefined) {
    changes.push('district');
  }
  const newDistrict = district !== undefined ? await resolveDistrict(opts.db, district) : null;
  await opts.db.transaction(async (tx) => {
    const before = await repo.findById(tx, opts.id, enterpriseScope(actor), true);
    if (!before) {
      throw notFound('企业');
    }
    assertCanUpdate(actor, before.districtId, changes, newDistrict?.id ?? null);
    if (before.version !== version) {
      throw new AppError('version_conflict', '该企业信息已被他人修改，请刷新后重试', { currentVersion: before.version });
    }
    if (changes.length === 0) {
      return; // nothing to change: no new version, no timeline entry, no audit row
    }
    if (fields.uscc && fields.uscc !== before.uscc && (await repo.existingUsccs(tx, [fields.uscc])).size) {
      throw await usccTaken(tx, actor, fields.uscc);
    }
    const set: Partial<repo.NewEnterpriseRow> = {
      ...Object.fromEntries(
        (['uscc', 'name', 'registeredOn', 'industry', 'size', 'employees', 'address', 'website', 'legalRepName', 'contactName'] as const)
          .filter((k) => fields[k] !== undefined)
          .map((k) => [k, fields[k]]),
      ),
      ...(fields.registeredCapital !== undefined
        ? { registeredCapital: fields.registeredCapital === null ? null : yuanToFen(fields.registeredCapital) }
        : {}),
      ...(newDistrict ? { districtId: newDistrict.id } : {}),
      ...piiColumns(fields, opts.pii),
    };
    const after = await repo.updateVersioned(tx, opts.id, version, set);
    if (!after) {
      throw new AppError('version_conflict', '该企业信息已被他人修改，请刷新后重试', { currentVersion: before.version });
    }
    await appendTimeline(tx, [{ enterpriseId: opts.id, module: 'enterprises', kind: 'updated', title: `档案信息变更：${changes.join('、')}`, refType: 'enterprise', refId: opts.id }]);
    await recordAudit(tx, opts.ctx, {
      action: 'enterprise.update',
      objectType: 'enterprise',
      objectId: opts.id,
      before: auditView(before, opts.pii),
      after: auditView(after, opts.pii),
    });
  });
  return getEnterprise({ db: opts.db, actor, id: opts.id, pii: opts.pii });
}
