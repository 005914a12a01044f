import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { calls, cases, recognitionApplications, type ApplicationStatus, type RecognitionType } from '../db/schema/index.js';
import { USCC_ALPHABET, usccCheckChar } from '../lib/uscc.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Seeded codes have an all-digit organisation part; these start with "MA", so they never collide.
let usccSerial = randomInt(31 ** 6);

/** A valid, never-before-used unified social credit code in the given region (6-digit code). */
export function uniqueUscc(region = '330106'): string {
  let n = usccSerial++;
  let body = '';
  for (let i = 0; i < 7; i++) {
    body = USCC_ALPHABET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91${region}MA${body}`;
  return first17 + usccCheckChar(first17);
}

let nameSerial = 0;

/** A valid POST /api/enterprises body with a unique code and name. */
export function enterpriseInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  nameSerial++;
  return {
    uscc: uniqueUscc(),
    name: `杭州测试${nameSerial}号科技有限公司${randomInt(1e6)}`,
    district: '西湖区',
    registeredOn: '2016-03-15',
    industry: '电子信息',
    size: 'small',
    registeredCapital: 1_000_000,
    employees: 42,
    ...overrides,
  };
}

/** A multipart/form-data body holding one file in the field "file". */
export function multipartFile(content: Buffer, filename = '企业名单.xlsx', contentType = XLSX_TYPE) {
  const boundary = `----kechuang${randomInt(1e9)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A one-sheet workbook: the header row, then the rows (cells by position). */
export async function xlsxOf(header: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名单');
  ws.addRow(header);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first sheet of an .xlsx as rows of plain values (row 1 is the header). */
export async function readXlsx(buffer: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const out: unknown[][] = [];
  ws.eachRow((row) => {
    const values = row.values as unknown[];
    out.push(values.slice(1));
  });
  return out;
}

// ── cases written straight to the database (for tests of another module than the one creating them) ──

export interface CallFixture {
  instrument?: string;
  type: string;
  year: number;
  batch?: number;
  opensOn?: string;
  closesOn?: string;
  formVersion?: number | null;
}

export async function insertCall(db: Executor, f: CallFixture): Promise<number> {
  const [row] = await db
    .insert(calls)
    .values({
      instrument: f.instrument ?? 'recognitions',
      type: f.type,
      year: f.year,
      batch: f.batch ?? 90,
      title: `${f.year}年度${f.type}测试批次`,
      opensOn: f.opensOn ?? `${f.year}-01-01`,
      closesOn: f.closesOn ?? `${f.year}-12-31`,
      formVersion: f.formVersion === undefined ? 1 : f.formVersion,
    })
    .returning({ id: calls.id });
  return row.id;
}

export interface RecognitionCaseFixture {
  callId: number;
  type: RecognitionType;
  year: number;
  enterpriseId: number;
  districtId: number;
  status: ApplicationStatus;
  data?: unknown;
  panelScore?: string | null;
  applicationDate?: string | null;
  submittedAt?: Date | null;
}

/** A recognition application (its case and its detail row) in the given state. */
export async function insertRecognitionCase(db: Executor, f: RecognitionCaseFixture): Promise<{ id: number }> {
  const [row] = await db
    .insert(cases)
    .values({
      instrument: 'recognitions',
      type: f.type,
      year: f.year,
      title: `${f.year}年度${f.type}申报（测试）`,
      callId: f.callId,
      enterpriseId: f.enterpriseId,
      districtId: f.districtId,
      status: f.status,
      panelScore: f.panelScore ?? null,
      submittedAt: f.submittedAt ?? null,
    })
    .returning({ id: cases.id });
  await db.insert(recognitionApplications).values({ id: row.id, formVersion: 1, data: f.data ?? {}, applicationDate: f.applicationDate ?? null });
  return row;
}

/** A case as stored (status, deadline, notice, panel score, decision time). */
export async function readCase(db: Executor, id: number) {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row;
}
