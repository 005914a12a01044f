import type ExcelJS from 'exceljs';

/**
 * The few parts of SpreadsheetML the import reads, scanned with indexOf and small regular
 * expressions instead of a general XML parser (exceljs's reader spent most of an import's read
 * time building events and objects for every tag): rows of `sheetData`, cells with their type,
 * style, value, inline string or formula, the shared strings, and which cell styles are dates.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text of an element or attribute with its XML entities decoded. */
export function xmlText(s: string): string {
  if (!s.includes('&')) {
    return s;
  }
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e],
  );
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` runs joined, phonetic runs (`<rPh>`) left out. */
function runsText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) {
    out += m[1];
  }
  return xmlText(out);
}

/** xl/sharedStrings.xml → the strings by index. */
export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) {
    out.push(m[1] === undefined ? '' : runsText(m[1]));
  }
  return out;
}

// Built-in number formats that are dates or times: 14–22 and 45–47 everywhere, 27–36 and 50–58 in the Chinese locale.
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date when it has date or time letters outside quotes and brackets (as exceljs decides). */
const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** xl/styles.xml → for each cell style (`s` of a cell), whether it formats a date. */
export function sheetStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = /\bnumFmtId="(\d+)"/.exec(m[0]);
    const code = /\bformatCode="([^"]*)"/.exec(m[0]);
    if (id && code) {
      custom.set(Number(id[1]), xmlText(code[1]));
    }
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(m[0])?.[1] ?? 0);
    const code = custom.get(id);
    return code === undefined ? DATE_FORMAT_IDS.has(id) : isDateFormat(code);
  });
}

export interface SheetContext {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** A row of the sheet: its number and the XML between its tags. */
export interface RawRow {
  n: number;
  body: string;
}

/** The complete rows in a piece of sheet XML (numbered from the previous row when `r` is absent). */
export function* sheetRows(xml: string, state: { last: number }): Generator<RawRow> {
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<row', at);
    if (open < 0) {
      return;
    }
    const tagEnd = xml.indexOf('>', open);
    const next = xml.charCodeAt(open + 4);
    if (tagEnd < 0) {
      return;
    }
    if (next !== 0x20 && next !== 0x3e && next !== 0x2f && next !== 0x09 && next !== 0x0a && next !== 0x0d) {
      at = tagEnd + 1; // <rowBreaks> and the like
      continue;
    }
    const r = /\br="(\d+)"/.exec(xml.slice(open, tagEnd));
    const n = r ? Number(r[1]) : state.last + 1;
    state.last = n;
    if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
      at = tagEnd + 1;
      yield { n, body: '' };
      continue;
    }
    const close = xml.indexOf('</row>', tagEnd);
    if (close < 0) {
      return;
    }
    at = close + 6;
    yield { n, body: xml.slice(tagEnd + 1, close) };
  }
}

/** Column number (1 for A) of a cell reference such as "AB12"; 0 when there is none. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) {
      break;
    }
    col = col * 26 + (c - 64);
  }
  return col;
}

const attr = (tag: string, name: string): string | undefined => {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) {
    return undefined;
  }
  const from = at + name.length + 3;
  return tag.slice(from, tag.indexOf('"', from));
};

/** The text of the first `<name>…</name>` in a cell's XML, or undefined. */
function element(xml: string, name: string): string | undefined {
  const open = xml.indexOf(`<${name}`);
  if (open < 0) {
    return undefined;
  }
  const end = xml.indexOf('>', open);
  if (xml.charCodeAt(end - 1) === 0x2f) {
    return '';
  }
  const close = xml.indexOf(`</${name}>`, end);
  return close < 0 ? undefined : xml.slice(end + 1, close);
}

/** One cell's value the way exceljs's reader gave it (dates by the cell's number format). */
function cellValueOf(tag: string, body: string, ctx: SheetContext): ExcelJS.CellValue | undefined {
  const t = attr(tag, 't');
  const formula = element(body, 'f');
  const v = element(body, 'v');
  if (formula !== undefined) {
    const result = v === undefined ? undefined : t === 'str' ? xmlText(v) : parseFloat(v);
    return { formula: xmlText(formula), result } as ExcelJS.CellValue;
  }
  if (t === 'inlineStr') {
    const is = element(body, 'is');
    return is === undefined ? undefined : runsText(is);
  }
  if (v === undefined) {
    return undefined;
  }
  switch (t) {
    case 's':
      return ctx.strings[Number(v)];
    case 'str':
      return xmlText(v);
    case 'e':
      return { error: v } as ExcelJS.CellValue;
    case 'b':
      return Number(v) !== 0;
    case 'd':
      return new Date(v);
    default: {
      const s = attr(tag, 's');
      const n = parseFloat(v);
      return s !== undefined && ctx.dateStyles[Number(s)] ? new Date(Math.round((n - 25569 + (ctx.date1904 ? 1462 : 0)) * 86400_000)) : n;
    }
  }
}

/** The cells of a row's XML by column (index 0 is A); an empty array when no cell has a value. */
export function sheetCells(xml: string, ctx: SheetContext): ExcelJS.CellValue[] {
  const cells: ExcelJS.CellValue[] = [];
  let at = 0;
  let col = 0;
  for (;;) {
    const open = xml.indexOf('<c', at);
    if (open < 0) {
      return cells;
    }
    const tagEnd = xml.indexOf('>', open);
    const tag = xml.slice(open, tagEnd);
    const ref = attr(tag, 'r');
    col = (ref ? columnOf(ref) : 0) || col + 1;
    let body = '';
    if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
      at = tagEnd + 1;
    } else {
      const close = xml.indexOf('</c>', tagEnd);
      body = xml.slice(tagEnd + 1, close < 0 ? xml.length : close);
      at = close < 0 ? xml.length : close + 4;
    }
    const value = body ? cellValueOf(tag, body, ctx) : undefined;
    if (value !== undefined) {
      cells[col - 1] = value;
    }
  }
}
