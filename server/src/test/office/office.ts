import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../harness.js';

/**
 * Real office clients for the documents the platform produces: LibreOffice (headless) converts
 * them and python-docx / openpyxl read their structure, as a bureau's office staff would open
 * them. All optional: `officeTools` is false when one is missing (tests skip, npm test stays
 * tool-free); CI installs them (.ci/run). OFFICE_OUT=<dir> keeps the files for a look.
 */
const has = (cmd: string, args: string[]) => {
  try {
    return spawnSync(cmd, args, { stdio: 'ignore', timeout: 20_000 }).status === 0;
  } catch {
    return false;
  }
};
export const soffice = ['soffice', 'libreoffice'].find((c) => has('which', [c])) ?? null;
/** The first Python with python-docx and openpyxl (Debian's python3-docx installs into /usr/bin/python3). */
const py = ['python3', '/usr/bin/python3'].find((c) => has(c, ['-c', 'import docx, openpyxl'])) ?? null;
export const officeTools = soffice !== null && py !== null;

/** The Python that has python-docx and openpyxl. */
export const pythonPath = (): string => py!;

export function workDir(): string {
  const out = process.env.OFFICE_OUT;
  if (out) {
    mkdirSync(out, { recursive: true });
    return out;
  }
  return mkdtempSync(join(tmpdir(), 'kc-office-'));
}

/** What an office test works with: the app, the city officer's session, and a work directory. */
export interface OfficeSession {
  readonly t: TestApp;
  readonly officer: Session;
  readonly dir: string;
}

/** Inside a describe: an app with the demo data and the officer signed in, a work directory with `sub` in it; closed after the tests. */
export function officeSession(sub = 'pdf'): OfficeSession {
  const s = {} as { t: TestApp; officer: Session; dir: string };
  beforeAll(async () => {
    s.t = await createTestApp();
    s.officer = await loginAs(s.t.app, 'officer');
    s.dir = workDir();
    mkdirSync(join(s.dir, sub), { recursive: true });
  });
  afterAll(async () => {
    await s.t?.close();
  });
  return s;
}

/** Converts `file` with LibreOffice headless (`to`: pdf, docx, xlsx…) and returns the output path. */
export function convert(file: string, to: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'kc-lo-profile-'));
  execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], { stdio: 'pipe', timeout: 120_000 });
  return join(outDir, basename(file).replace(/\.[^.]+$/, `.${to.split(':')[0]}`));
}

/** Runs a Python snippet with `path` as sys.argv[1]; returns its stdout parsed as JSON. */
export function python<T>(script: string, path: string): T {
  const out = execFileSync(py!, ['-c', script, path], { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out) as T;
}

export function save(dir: string, name: string, body: Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
}

export const pdfPages = (pdf: string) => {
  const m = readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g);
  return m ? m.length : 0;
};

/** Reads every sheet of an .xlsx as openpyxl (Excel's model): header, formats and types of each row, print setup. */
const XLSX_STRUCTURE = String.raw`
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    rows = list(ws.iter_rows())
    out.append({
      'name': ws.title,
      'header': [c.value for c in rows[0]] if rows else [],
      'rows': [[c.value for c in r] for r in rows[1:]],
      'formats': [[c.number_format for c in r] for r in rows[1:]],
      'types': [[type(c.value).__name__ for c in r] for r in rows[1:]],
      'columnFormats': [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].number_format for i in range(ws.max_column)],
      'orientation': ws.page_setup.orientation,
      'fitToWidth': ws.page_setup.fitToWidth,
      'fitToPage': ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
      'printTitleRows': ws.print_title_rows,
      'pageHeader': ws.oddHeader.center.text,
      'frozen': ws.freeze_panes,
    })
print(json.dumps(out, ensure_ascii=False, default=str))
`;

export interface XlsxSheetStructure {
  name: string;
  header: string[];
  rows: unknown[][];
  formats: string[][];
  types: string[][];
  columnFormats: string[];
  orientation: string;
  fitToWidth: number;
  fitToPage: boolean | null;
  printTitleRows: string | null;
  pageHeader: string | null;
  frozen: string | null;
}

export const readXlsxStructure = (path: string) => python<XlsxSheetStructure[]>(XLSX_STRUCTURE, path);
