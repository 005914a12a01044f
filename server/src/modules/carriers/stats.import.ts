import { and, eq, sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { bulkInsert, pgArray } from '../../db/bulk.js';
import type { Database, Tx } from '../../db/client.js';
import { carrierStats, carriers, caseEvents, cases, type StatFlag } from '../../db/schema/index.js';
import type { JobRowError } from '../../db/schema/jobs.js';
import { actorOf, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { yuanToFen } from '../../lib/money.js';
import { cellValue, headerOf, type XlsxKind } from '../../lib/xlsx.js';
import { readXlsxRows } from '../../lib/xlsx.stream.js';
import { recordAuditMany } from '../audit/index.js';
import { instrumentOf, statusName } from '../cases/index.js';
import { startJob, type JobControl } from '../jobs/index.js';
import { assertCarrierOperator } from './carriers.policy.js';
import { statsFields, type StatsFields } from './carriers.schema.js';
import { consistencyErrors, fieldsOf, jumpFlags, STAT_LABELS } from './stats.service.js';

/** Most rows one file may hold (a few hundred carriers over several years), and most row errors listed. */
export const MAX_STATS_ROWS = 10_000;
const MAX_LISTED_ERRORS = 200;
/** Reports per round of statements in the write (see db/bulk.ts). */
export const STATS_WRITE_BATCH = 2000;

export const FIELD_KINDS: Record<keyof StatsFields, XlsxKind> = {
  areaM2: 'integer',
  firmsInIncubation: 'integer',
  newFirms: 'integer',
  graduatedFirms: 'integer',
  revenue: 'money',
  jobs: 'integer',
  investment: 'money',
  ipCount: 'integer',
  events: 'integer',
};
export const FIELD_KEYS = Object.keys(FIELD_KINDS) as (keyof StatsFields)[];
/** A figure's column title in the workbook (money in yuan). */
export const statsLabel = (k: keyof StatsFields) => STAT_LABELS[k].replace('（元）', '');
const columnOf = (k: keyof StatsFields) => headerOf({ header: statsLabel(k), kind: FIELD_KINDS[k] });

export interface ParsedStatsRow {
  row: number;
  carrierId: number;
  year: number;
  fields: StatsFields;
}

const num = (v: ExcelJS.CellValue): number | null => {
  const c = cellValue(v);
  if (c === null) {
    return null;
  }
  const n = typeof c === 'number' ? c : Number(String(c).replace(/[,，\s]/g, ''));
  return Number.isFinite(n) ? n : NaN;
};

/** Row errors, each (row, column) once, sorted; the whole file refused with the first 200. */
class RowErrors {
  private readonly byKey = new Map<string, JobRowError>();
  add(row: number, column: string, message: string) {
    const key = `${row}\u0000${column}`;
    if (!this.byKey.has(key)) {
      this.byKey.set(key, { row, column, message });
    }
  }
  get size() {
    return this.byKey.size;
  }
  refusal(): AppError {
    const all = [...this.byKey.values()].sort((a, b) => a.row - b.row);
    return new AppError('import_invalid', `文件有 ${all.length} 处错误，未导入任何数据`, { errors: all.slice(0, MAX_LISTED_ERRORS), total: all.length });
  }
}

/**
 * Reads the workbook with the streamed reader (the zip's bounds checked before anything is
 * inflated, the first worksheet row by row, reading stops past MAX_STATS_ROWS): every row's
 * carrier, year and figures, or the whole file refused with each problem once.
 */
export async function parseStatsWorkbook(buffer: Buffer, control?: JobControl): Promise<ParsedStatsRow[]> {
  const headers = new Map<string, number>();
  const needed = ['载体编号', '年度', ...FIELD_KEYS.map(columnOf)];
  const errors = new RowErrors();
  const out: ParsedStatsRow[] = [];
  const seen = new Map<string, number>();
  let count = 0;
  const onProgress = (f: number) => control?.progress(f * 50, `正在读取和校验（已读 ${count} 行）`);
  for await (const { n, cells } of readXlsxRows(buffer, { onProgress })) {
    if (headers.size === 0) {
      cells.forEach((cell, i) => {
        const h = cellValue(cell);
        if (typeof h === 'string') {
          headers.set(h.replace(/[*＊\s]/g, ''), i);
        }
      });
      const missing = needed.filter((h) => !headers.has(h));
      if (missing.length) {
        missing.forEach((h) => errors.add(n, h, `缺少“${h}”列（请使用导出的文件）`));
        throw errors.refusal();
      }
      continue;
    }
    if (cellValue(cells[headers.get('载体编号')!] ?? null) === '合计') {
      continue; // the export's totals row
    }
    const get = (h: string) => num(cells[headers.get(h)!] ?? null);
    const carrierId = get('载体编号');
    const year = get('年度');
    const raw: Record<string, number | null> = {};
    for (const k of FIELD_KEYS) {
      raw[k] = get(columnOf(k));
    }
    if (carrierId === null && year === null && Object.values(raw).every((v) => v === null)) {
      continue; // an empty row
    }
    if (++count > MAX_STATS_ROWS) {
      throw new AppError('import_invalid', `一次最多导入 ${MAX_STATS_ROWS} 行，请拆分文件`, { errors: [] });
    }
    let ok = true;
    if (!carrierId || !Number.isInteger(carrierId) || carrierId <= 0) {
      errors.add(n, '载体编号', carrierId === null ? '必填' : '载体编号须为正整数');
      ok = false;
    }
    if (!year || !Number.isInteger(year)) {
      errors.add(n, '年度', year === null ? '必填' : '年度须为整数');
      ok = false;
    }
    const parsed = statsFields.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const k = issue.path[0] as keyof StatsFields;
        errors.add(n, k in FIELD_KINDS ? columnOf(k) : String(k), raw[k] === null ? '必填' : issue.message);
      }
      ok = false;
    } else {
      for (const e of consistencyErrors(parsed.data)) {
        errors.add(n, columnOf(e.field.replace(/^fields\./, '') as keyof StatsFields), e.message);
        ok = false;
      }
    }
    if (!ok || !parsed.success) {
      continue;
    }
    const key = `${carrierId}:${year}`;
    const first = seen.get(key);
    if (first) {
      errors.add(n, '载体编号', `与第${first}行是同一载体同一年度`);
      continue;
    }
    seen.set(key, n);
    out.push({ row: n, carrierId: carrierId!, year: year!, fields: parsed.data });
  }
  if (headers.size === 0) {
    throw new AppError('import_invalid', '文件中没有工作表或表头', { errors: [] });
  }
  if (errors.size) {
    throw errors.refusal();
  }
  if (!out.length) {
    throw new AppError('import_invalid', '文件中没有数据行', { errors: [] });
  }
  return out;
}

type StatsRow = typeof carrierStats.$inferSelect;
interface Planned {
  r: ParsedStatsRow;
  flags: StatFlag[];
  /** the report saved over (draft or returned), or none: a new draft */
  existing?: StatsRow;
  carrier: { name: string; organizationId: number; districtId: number };
}

/**
 * Checks every row against the records, in the write's transaction (the reports to save over are
 * locked): the operator's own carrier, the year (not after this one, not before the founding),
 * the report still in 填报中 or 退回修改; and the year-on-year flags against the previous year (the
 * file's when it has it). Every problem is listed, each once.
 */
async function plan(tx: Tx, ctx: RequestContext, rows: ParsedStatsRow[]): Promise<Planned[]> {
  const actor = actorOf(ctx);
  const ids = pgArray([...new Set(rows.map((r) => r.carrierId))]);
  const owned = await tx
    .select({ id: carriers.id, name: carriers.name, organizationId: carriers.organizationId, districtId: carriers.districtId, foundedOn: carriers.foundedOn })
    .from(carriers)
    .where(and(sql`${carriers.id} = any(${ids}::int[])`, eq(carriers.organizationId, actor.organizationId)));
  const carrierById = new Map(owned.map((c) => [c.id, c]));
  const reports = await tx
    .select({ s: carrierStats, status: cases.status })
    .from(carrierStats)
    .innerJoin(cases, eq(cases.id, carrierStats.id))
    .where(sql`${carrierStats.carrierId} = any(${ids}::int[])`)
    .for('update', { of: cases });
  const reportOf = new Map(reports.map((x) => [`${x.s.carrierId}:${x.s.year}`, x]));
  const inFile = new Map(rows.map((r) => [`${r.carrierId}:${r.year}`, r.fields]));
  const current = Number(businessToday().slice(0, 4));
  const def = instrumentOf('carrier_stats');
  const errors = new RowErrors();
  const planned: Planned[] = [];
  for (const r of rows) {
    const carrier = carrierById.get(r.carrierId);
    if (!carrier) {
      errors.add(r.row, '载体编号', `载体编号 ${r.carrierId} 不存在或不是本单位运营的载体`);
      continue;
    }
    const founded = carrier.foundedOn ? Number(carrier.foundedOn.slice(0, 4)) : null;
    if (r.year > current) {
      errors.add(r.row, '年度', `统计年度不能晚于${current}年`);
      continue;
    }
    if (founded !== null && r.year < founded) {
      errors.add(r.row, '年度', `统计年度早于载体成立年份（${founded}年）`);
      continue;
    }
    const found = reportOf.get(`${r.carrierId}:${r.year}`);
    if (found && !['draft', 'returned'].includes(found.status)) {
      errors.add(r.row, '年度', `${r.year}年度统计报表状态为“${statusName(def, found.status)}”，不能再修改`);
      continue;
    }
    const prevKey = `${r.carrierId}:${r.year - 1}`;
    const prevRow = reportOf.get(prevKey);
    const previous = inFile.get(prevKey) ?? (prevRow ? fieldsOf(prevRow.s) : null);
    planned.push({ r, flags: jumpFlags(r.fields, previous), existing: found?.s, carrier });
  }
  if (errors.size) {
    throw errors.refusal();
  }
  return planned;
}

const figureColumns = (f: StatsFields) => ({
  areaM2: f.areaM2,
  firmsInIncubation: f.firmsInIncubation,
  newFirms: f.newFirms,
  graduatedFirms: f.graduatedFirms,
  revenueFen: yuanToFen(f.revenue),
  jobs: f.jobs,
  investmentFen: yuanToFen(f.investment),
  ipCount: f.ipCount,
  events: f.events,
});

/** Saves over the drafts and returned reports of a batch: one statement for the figures, one for the cases' versions. */
async function updateBatch(tx: Tx, batch: Planned[]) {
  if (batch.length === 0) {
    return;
  }
  const json = JSON.stringify(batch.map((p) => ({ id: p.existing!.id, flags: p.flags, ...figureColumns(p.r.fields) })));
  await tx.execute(sql`
    update carrier_stats s set area_m2 = x."areaM2", firms_in_incubation = x."firmsInIncubation", new_firms = x."newFirms",
      graduated_firms = x."graduatedFirms", revenue_fen = x."revenueFen", jobs = x.jobs, investment_fen = x."investmentFen",
      ip_count = x."ipCount", events = x.events, flags = x.flags
    from jsonb_to_recordset(${json}::jsonb) as x(id int, "areaM2" int, "firmsInIncubation" int, "newFirms" int, "graduatedFirms" int,
      "revenueFen" bigint, jobs int, "investmentFen" bigint, "ipCount" int, events int, flags jsonb)
    where s.id = x.id`);
  await tx.execute(sql`update cases set version = version + 1, updated_at = now() where id = any(${pgArray(batch.map((p) => p.existing!.id))}::int[])`);
}

/** Opens the new reports of a batch as draft cases (ids taken from the sequence first), with their create events and figures. */
async function createBatch(tx: Tx, ctx: RequestContext, batch: Planned[], at: Date): Promise<number[]> {
  if (batch.length === 0) {
    return [];
  }
  const idRows = await tx.execute(sql`select nextval(pg_get_serial_sequence('cases', 'id'))::int as id from generate_series(1, ${batch.length})`);
  const ids = (Array.isArray(idRows) ? idRows : ((idRows as { rows?: { id: number }[] }).rows ?? [])).map((x: { id: number }) => Number(x.id));
  const actor = actorOf(ctx);
  const status = instrumentOf('carrier_stats').initialStatus;
  const json = JSON.stringify(batch.map((p, i) => ({ id: ids[i], year: p.r.year, title: `${p.r.year}年度统计报表：${p.carrier.name}`, org: p.carrier.organizationId, district: p.carrier.districtId })));
  await tx.execute(sql`
    insert into cases (id, instrument, type, year, title, organization_id, district_id, status, created_by, created_at, updated_at)
    overriding system value
    select x.id, 'carrier_stats', 'annual', x.year, x.title, x.org, x.district, ${status}, ${actor.userId}, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
    from jsonb_to_recordset(${json}::jsonb) as x(id int, year int, title text, org int, district int)`);
  await bulkInsert(
    tx,
    caseEvents,
    ids.map((caseId) => ({ caseId, action: 'create', fromStatus: null, toStatus: status, comment: null, actorId: actor.userId, actorLabel: `${actor.displayName}（${actor.organizationName}）`, dueOn: null, occurredAt: at })),
  );
  await bulkInsert(
    tx,
    carrierStats,
    batch.map((p, i) => ({ id: ids[i], carrierId: p.r.carrierId, year: p.r.year, ...figureColumns(p.r.fields), flags: p.flags })),
  );
  return ids;
}

/**
 * The operator's import, all or nothing in one transaction: every row checked (each problem
 * once), then STATS_WRITE_BATCH reports per round of set-based statements (figures, cases, events,
 * audit rows), the event loop and the progress bar getting a turn between rounds.
 */
export async function importStats(opts: { database: Database; ctx: RequestContext; buffer: Buffer; control?: JobControl }) {
  assertCarrierOperator(actorOf(opts.ctx));
  const rows = await parseStatsWorkbook(opts.buffer, opts.control);
  opts.control?.progress(50, '正在核对载体和报表');
  const at = new Date();
  try {
    return await opts.database.db.transaction(async (tx) => {
      const planned = await plan(tx, opts.ctx, rows);
      let created = 0;
      for (let i = 0; i < planned.length; i += STATS_WRITE_BATCH) {
        const batch = planned.slice(i, i + STATS_WRITE_BATCH);
        const updates = batch.filter((p) => p.existing);
        const fresh = batch.filter((p) => !p.existing);
        await updateBatch(tx, updates);
        const ids = await createBatch(tx, opts.ctx, fresh, at);
        created += ids.length;
        await recordAuditMany(tx, opts.ctx, [
          ...updates.map((p) => ({ action: 'carrier_stats_case.update', objectType: 'carrier_stats_case', objectId: p.existing!.id, before: fieldsOf(p.existing!), after: p.r.fields })),
          ...fresh.map((p, j) => ({ action: 'carrier_stats_case.create', objectType: 'carrier_stats_case', objectId: ids[j], after: p.r.fields })),
        ]);
        opts.control?.progress(55 + ((i + batch.length) / planned.length) * 45, `正在写入（${i + batch.length} / ${planned.length}）`);
        await nextTurn();
      }
      return { saved: planned.length, created, flagged: planned.filter((p) => p.flags.length > 0).length };
    });
  } catch (err) {
    // A report of the file opened meanwhile (a form): refused as a whole (the transaction rolled back).
    const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') {
      throw new AppError('import_invalid', '导入期间有报表被新建，未导入任何数据，请重新导入', { errors: [] });
    }
    throw err;
  }
}

/** Starts the import as a background job (the POST answers 202 with it); the job holds the result or the row errors. */
export function startStatsImport(opts: { database: Database; ctx: RequestContext; buffer: Buffer; filename: string; log?: { error(o: object, m: string): void } }) {
  const actor = actorOf(opts.ctx);
  assertCarrierOperator(actor);
  return startJob({ database: opts.database, actor, kind: 'carrier_stats_import', filename: opts.filename, log: opts.log, run: (control) => importStats({ ...opts, control }) });
}
