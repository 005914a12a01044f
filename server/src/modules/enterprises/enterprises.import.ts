import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import type { JobRowError } from '../../db/schema/jobs.js';
import { actorOf, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { maskIdNumber, maskPhone, type PiiCipher } from '../../lib/pii.js';
import { cellCode, cellDate, cellValue } from '../../lib/xlsx.js';
import { readXlsxRows, type XlsxRow } from '../../lib/xlsx.stream.js';
import { recordAuditMany } from '../audit/index.js';
import { startJob, type JobControl } from '../jobs/index.js';
import { COLUMNS } from './enterprises.excel.js';
import { assertCanImport } from './enterprises.policy.js';
import * as repo from './enterprises.repo.js';
import { createEnterpriseBody, SIZE_NAMES, type CreateEnterpriseInput } from './enterprises.schema.js';
import { toRow, USCC_UNAVAILABLE } from './enterprises.service.js';

type Field = keyof CreateEnterpriseInput;

export const MAX_IMPORT_ROWS = 50_000;
const MAX_LISTED_ERRORS = 200;
/** Enterprises per round of statements: bounds one statement's time (the embedded database runs on the event loop's thread). */
export const WRITE_BATCH = 5000;
const SIZE_BY_NAME: Record<string, string> = Object.fromEntries(Object.entries(SIZE_NAMES).map(([k, v]) => [v, k]));
const NUMERIC: Field[] = ['registeredCapital', 'employees'];
const CODES: Field[] = ['uscc', 'legalRepIdNumber', 'legalRepPhone', 'contactPhone'];
const LOST_DIGITS = '该单元格被 Excel 存成了数字，末几位已丢失：请把本列设为文本格式后重新填写（或粘贴时选“只粘贴值”）';
const BAD_DATE = '日期无法识别，请填写如 2015-06-01、2015/6/1 或 2015年6月1日';
const titleOf = (f: string) => COLUMNS.find((c) => c.field === f)?.title ?? f;

/** A row ready to insert, with what its audit row shows of the personal data (masks only). */
interface ValidRow {
  row: repo.NewEnterpriseRow;
  masked: { legalRepIdNumber: string | null; legalRepPhone: string | null; contactPhone: string | null };
  sheetRow: number;
}

/** The header row: which column holds which field; 400-style failure when a required one is missing. */
function headerIndex(header: XlsxRow): Map<Field, number> {
  const index = new Map<Field, number>();
  header.cells.forEach((cell, i) => {
    const title = String(cellValue(cell) ?? '').replace(/[*＊\s]/g, '');
    const col = COLUMNS.find((c) => c.title === title);
    if (col) {
      index.set(col.field, i);
    }
  });
  const missing = COLUMNS.filter((c) => c.required && !index.has(c.field));
  if (missing.length) {
    throw new AppError('import_invalid', `表头缺少必填列：${missing.map((m) => m.title).join('、')}`, {
      errors: missing.map((m) => ({ row: 1, column: m.title, message: '缺少此列' })),
    });
  }
  return index;
}

/** One cell to the value the schema expects, or a problem of the cell itself. */
function fieldValue(field: Field, cell: XlsxRow['cells'][number]): { value: unknown; problem?: string } {
  let v: unknown = cellValue(cell ?? null);
  if (v === null) {
    return { value: null };
  }
  if (CODES.includes(field)) {
    const code = cellCode(cell ?? null);
    return code.lostDigits ? { value: undefined, problem: LOST_DIGITS } : { value: code.value };
  }
  if (field === 'registeredOn') {
    const d = cellDate(cell ?? null);
    return d === null ? { value: undefined, problem: BAD_DATE } : { value: d };
  }
  if (v instanceof Date) {
    v = v.toISOString().slice(0, 10);
  }
  if (NUMERIC.includes(field) && typeof v === 'string') {
    v = Number(v.replace(/[,，\s]/g, ''));
  }
  if (!NUMERIC.includes(field) && typeof v === 'number') {
    v = String(v);
  }
  if (field === 'size' && typeof v === 'string') {
    v = SIZE_BY_NAME[v] ?? v;
  }
  return { value: v };
}

interface Scope {
  /** the importer's district, when it may import only there */
  districtId?: number;
  districtName?: string;
}

/**
 * Streams the workbook and validates every row: the cell's own problem (lost digits, a date it
 * cannot read), then the schema, the district (and the importer's scope), duplicates within the
 * file. Every problem is reported once per cell.
 */
async function validateRows(opts: { db: Executor; buffer: Buffer; pii: PiiCipher; scope: Scope; control?: JobControl }) {
  const districts = await repo.districtMap(opts.db);
  const errors: JobRowError[] = [];
  const rows: ValidRow[] = [];
  const seen = new Map<string, number>();
  let index: Map<Field, number> | undefined;
  let count = 0;
  const onProgress = (f: number) => opts.control?.progress(f * 50, `正在读取和校验（已读 ${count} 行）`);
  let fields: [Field, number][] = [];
  for await (const line of readXlsxRows(opts.buffer, { onProgress })) {
    if (!index) {
      index = headerIndex(line);
      fields = [...index];
      continue;
    }
    // Per row: no error list or set until the row has a problem (most rows have none).
    const raw: Record<string, unknown> = {};
    let rowErrors: JobRowError[] | undefined;
    let reported: Set<string> | undefined;
    let empty = true;
    for (let k = 0; k < fields.length; k++) {
      const [field, i] = fields[k];
      const { value, problem } = fieldValue(field, line.cells[i]);
      if (value !== null) {
        empty = false;
      }
      if (problem) {
        (rowErrors ??= []).push({ row: line.n, column: titleOf(field), message: problem });
        (reported ??= new Set()).add(titleOf(field));
      }
      raw[field] = value;
    }
    if (empty) {
      continue;
    }
    if (++count > MAX_IMPORT_ROWS) {
      throw new AppError('import_invalid', `单次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件`, { errors: [] });
    }
    const parsed = createEnterpriseBody.safeParse(raw);
    if (!parsed.success) {
      rowErrors ??= [];
      reported ??= new Set();
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0] ?? '');
        const column = titleOf(f);
        if (!reported.has(column)) {
          reported.add(column);
          const message = raw[f] === null || raw[f] === undefined ? '必填项为空' : f === 'size' ? '企业规模应为：微型、小型、中型、大型' : issue.message;
          rowErrors.push({ row: line.n, column, message });
        }
      }
    }
    const districtRef = typeof raw.district === 'string' ? raw.district : null;
    const d = districtRef ? (districts.get(districtRef) ?? districts.get(districtRef.replace(/[(（].*$/, ''))) : undefined;
    if (districtRef && !d && !reported?.has(titleOf('district'))) {
      (rowErrors ??= []).push({ row: line.n, column: titleOf('district'), message: `区县“${districtRef}”不存在` });
    } else if (d && opts.scope.districtId !== undefined && d.id !== opts.scope.districtId) {
      (rowErrors ??= []).push({ row: line.n, column: titleOf('district'), message: `只能导入本区县（${opts.scope.districtName ?? ''}）的企业` });
    }
    if (rowErrors?.length || !parsed.success || !d) {
      if (rowErrors) {
        errors.push(...rowErrors);
      }
      continue;
    }
    const { district: _district, ...rest } = parsed.data;
    const first = seen.get(rest.uscc);
    if (first) {
      errors.push({ row: line.n, column: titleOf('uscc'), message: `与第${first}行的统一社会信用代码重复` });
      continue;
    }
    seen.set(rest.uscc, line.n);
    rows.push({
      row: toRow({ ...rest, districtId: d.id }, opts.pii),
      masked: {
        legalRepIdNumber: rest.legalRepIdNumber ? maskIdNumber(rest.legalRepIdNumber) : null,
        legalRepPhone: rest.legalRepPhone ? maskPhone(rest.legalRepPhone) : null,
        contactPhone: rest.contactPhone ? maskPhone(rest.contactPhone) : null,
      },
      sheetRow: line.n,
    });
  }
  if (!index) {
    throw new AppError('import_invalid', '文件中没有工作表或表头', { errors: [] });
  }
  return { rows, errors };
}

/** Codes already registered: said to exist only when the importer could see them. */
async function registeredCodes(db: Executor, rows: ValidRow[], scope: Scope): Promise<JobRowError[]> {
  const existing = await repo.existingUsccs(db, rows.map((x) => x.row.uscc));
  return existing.size === 0 ? [] : codeErrors(db, rows, existing, scope);
}

/** The errors of rows whose code is registered, each said to exist only when the importer could see it. */
async function codeErrors(db: Executor, rows: ValidRow[], existing: Set<string>, scope: Scope): Promise<JobRowError[]> {
  const visible = scope.districtId === undefined ? existing : await repo.existingUsccs(db, [...existing], scope.districtId);
  return rows
    .filter((x) => existing.has(x.row.uscc))
    .map((x) => ({ row: x.sheetRow, column: titleOf('uscc'), message: visible.has(x.row.uscc) ? '该统一社会信用代码已在企业库中' : USCC_UNAVAILABLE }));
}

function refuse(errors: JobRowError[]): never {
  errors.sort((a, b) => a.row - b.row);
  throw new AppError('import_invalid', `校验未通过：共 ${errors.length} 处错误，未导入任何数据`, { errors: errors.slice(0, MAX_LISTED_ERRORS), total: errors.length });
}

/**
 * Writes the validated rows in one transaction (all or nothing), WRITE_BATCH enterprises per
 * round of two statements (enterprises with their timeline events, see repo.insertImported; one
 * audit row listing the batch), giving the event loop a turn and the progress bar a step between
 * rounds. The registry's unique index is the check for codes already registered: a code it skips
 * was registered before (or during) the import; then the rows not yet written are checked too, and
 * every registered code is refused as a row error while the transaction rolls back.
 */
async function writeRows(opts: { database: Database; ctx: RequestContext; rows: ValidRow[]; scope: Scope; source: string; control?: JobControl }) {
  const actor = actorOf(opts.ctx);
  const title = `批量导入建档（${opts.source}，${actor.organizationName}）`;
  const createdAt = new Date();
  const batches = Math.ceil(opts.rows.length / WRITE_BATCH);
  return opts.database.db.transaction(async (tx) => {
    if (opts.database.kind === 'pglite') {
      // A 50,000-row import writes ~90 MB of WAL. PGlite (superuser, fsync off) zero-fills each new
      // 16 MB segment 8 KB at a time, and its in-memory file system grows the file by 12.5 % per
      // step, copying it each time (~1 s of a 50,000-row import); off, the segment is sized by one
      // write of its last byte. Only how a new segment file is created changes, for this transaction.
      await tx.execute(sql`set local wal_init_zero = off`);
    }
    for (let i = 0; i < opts.rows.length; i += WRITE_BATCH) {
      const batch = opts.rows.slice(i, i + WRITE_BATCH);
      const given = await repo.insertImported(
        tx,
        batch.map((b) => b.row),
        { createdAt, title },
      );
      if (given.size < batch.length) {
        const skipped = new Set(batch.filter((b) => !given.has(b.row.uscc)).map((b) => b.row.uscc));
        refuse([...(await codeErrors(tx, batch, skipped, opts.scope)), ...(await registeredCodes(tx, opts.rows.slice(i + WRITE_BATCH), opts.scope))]);
      }
      // One audit row per batch (docs/decisions/0007): who and when as any audit row, which enterprises with masks of their personal data.
      await recordAuditMany(tx, opts.ctx, [
        {
          action: 'enterprise.import',
          objectType: 'enterprise_import',
          objectId: opts.control?.jobId ?? opts.source,
          after: {
            source: opts.source,
            batch: i / WRITE_BATCH + 1,
            batches,
            createdAt,
            enterprises: batch.map(({ row, masked }) => ({ id: given.get(row.uscc)!, uscc: row.uscc, name: row.name, districtId: row.districtId, ...masked })),
          },
        },
      ]);
      opts.control?.progress(55 + ((i + batch.length) / opts.rows.length) * 45, `正在写入（${i + batch.length} / ${opts.rows.length}）`);
      await nextTurn();
    }
    return opts.rows.length;
  });
}

/**
 * The whole import, all-or-nothing: every row valid, no code registered, the importer's scope
 * respected, or nothing is written and every problem is listed (each once, the first 200).
 */
export async function importEnterprises(opts: { database: Database; ctx: RequestContext; pii: PiiCipher; buffer: Buffer; filename: string; control?: JobControl }) {
  const actor = actorOf(opts.ctx);
  assertCanImport(actor);
  const scope: Scope = actor.roles.includes('city_officer') ? {} : { districtId: actor.districtId ?? -1, districtName: actor.districtName ?? undefined };
  const { rows, errors } = await validateRows({ db: opts.database.db, buffer: opts.buffer, pii: opts.pii, scope, control: opts.control });
  if (errors.length) {
    // Invalid rows: nothing is written; the codes already registered are listed with the other errors.
    opts.control?.progress(50, '正在核对企业库中已有的代码');
    refuse([...errors, ...(await registeredCodes(opts.database.db, rows, scope))]);
  }
  if (rows.length === 0) {
    throw new AppError('import_invalid', '文件中没有数据行', { errors: [] });
  }
  opts.control?.progress(50, '正在写入并核对企业库中已有的代码');
  const imported = await writeRows({ database: opts.database, ctx: opts.ctx, rows, scope, source: opts.filename, control: opts.control });
  return { imported };
}

/** Starts the import as a background job (the POST answers 202 with it); the job holds the result or the errors. */
export function startEnterpriseImport(opts: { database: Database; ctx: RequestContext; pii: PiiCipher; buffer: Buffer; filename: string; log?: { error(o: object, m: string): void } }) {
  const actor = actorOf(opts.ctx);
  assertCanImport(actor);
  return startJob({
    database: opts.database,
    actor,
    kind: 'enterprise_import',
    filename: opts.filename,
    log: opts.log,
    run: (control) => importEnterprises({ ...opts, control }),
  });
}
