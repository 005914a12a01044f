import { StringDecoder } from 'node:string_decoder';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { AppError } from '../http/errors.js';
import { assertXlsxWithinLimits, DEFAULT_LIMITS, type XlsxLimits } from './xlsx.js';
import { sharedStrings, sheetCells, sheetRows, sheetStyles } from './xlsx.sheet.js';

/** One row of the first worksheet: its number in the sheet and its cells (index 0 is column A). */
export interface XlsxRow {
  n: number;
  cells: ExcelJS.CellValue[];
}

/** How far the reader is through the file, for a progress bar: bytes of the (compressed) sheet read. */
export type ReadProgress = (fractionRead: number) => void;

/** Rows read between two turns of the event loop: other requests are served while a big file is read. */
export const ROWS_PER_TURN = 500;

const unreadable = () => new AppError('import_invalid', '文件无法读取，请上传 .xlsx 格式的 Excel 文件（可先下载模板）', { errors: [] });

const corrupt = () => new AppError('import_invalid', '文件不完整或已损坏，请用 Excel 或 WPS 重新保存为 .xlsx 后再上传', { errors: [] });

/** A zip entry as the central directory declares it (the sizes `assertXlsxWithinLimits` has bounded). */
interface Entry {
  method: number;
  crc: number;
  start: number;
  compressed: number;
  declared: number;
}

/** The zip's entries by name, read from the central directory; a local header out of place is a corrupt file. */
function zipEntries(buffer: Buffer): Map<string, Entry> {
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65557); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  const entries = new Map<string, Entry>();
  let p = buffer.readUInt32LE(eocd + 16);
  for (let n = buffer.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLength = buffer.readUInt16LE(p + 28);
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLength);
    const local = buffer.readUInt32LE(p + 42);
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) {
      throw corrupt();
    }
    const entry = {
      method: buffer.readUInt16LE(p + 10),
      crc: buffer.readUInt32LE(p + 16),
      compressed: buffer.readUInt32LE(p + 20),
      declared: buffer.readUInt32LE(p + 24),
      start: local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28),
    };
    if ((entry.method !== 0 && entry.method !== 8) || entry.start + entry.compressed > buffer.length) {
      throw corrupt();
    }
    entries.set(name.replace(/^\//, ''), entry);
    p += 46 + nameLength + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
  }
  return entries;
}

/** A small entry (workbook, styles, shared strings) inflated at once, never past its declared size, its checksum verified. */
function inflateEntry(buffer: Buffer, entry: Entry | undefined): string | null {
  if (!entry) {
    return null;
  }
  const raw = buffer.subarray(entry.start, entry.start + entry.compressed);
  let out: Buffer;
  try {
    out = entry.method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.declared) });
  } catch {
    throw corrupt();
  }
  if (out.length !== entry.declared || crc32(out) !== entry.crc) {
    throw corrupt();
  }
  return out.toString('utf8');
}

/**
 * The sheet entry inflated as a stream of text: never past its declared size, a character split
 * between two chunks kept whole, the checksum verified at the end (a corrupt entry that still
 * inflates is refused too). Memory stays at one chunk.
 */
async function* inflateText(buffer: Buffer, entry: Entry, onRead: (fraction: number) => void): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  const raw = buffer.subarray(entry.start, entry.start + entry.compressed);
  let inflated = 0;
  let crc = 0;
  if (entry.method === 0) {
    onRead(1);
    if (crc32(raw) !== entry.crc) {
      throw corrupt();
    }
    yield decoder.write(raw) + decoder.end();
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  const slice = 256 * 1024;
  let fed = 0;
  const feed = () => {
    while (fed < raw.length) {
      const end = Math.min(raw.length, fed + slice);
      const more = inflater.write(raw.subarray(fed, end));
      fed = end;
      if (!more) {
        inflater.once('drain', feed);
        return;
      }
    }
    inflater.end();
  };
  feed();
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > entry.declared) {
        throw corrupt();
      }
      crc = crc32(chunk, crc);
      onRead(fed / raw.length);
      yield decoder.write(chunk);
    }
  } catch {
    throw corrupt();
  } finally {
    inflater.destroy();
  }
  if (inflated !== entry.declared || crc !== entry.crc) {
    throw corrupt();
  }
  yield decoder.end();
}

/** The first worksheet's entry, by the workbook's first sheet and its relationship (else the usual name). */
function firstSheet(buffer: Buffer, entries: Map<string, Entry>): Entry | undefined {
  const workbook = inflateEntry(buffer, entries.get('xl/workbook.xml')) ?? '';
  const rels = inflateEntry(buffer, entries.get('xl/_rels/workbook.xml.rels')) ?? '';
  const id = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]*)"/.exec(workbook)?.[1];
  const rel = id ? new RegExp(`<Relationship\\b[^>]*?\\bId="${id.replace(/[^\w]/g, '')}"[^>]*>`).exec(rels)?.[0] : undefined;
  const target = rel ? /\bTarget="([^"]*)"/.exec(rel)?.[1] : undefined;
  const path = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : 'xl/worksheets/sheet1.xml';
  return entries.get(path.replace(/\/\.\//g, '/')) ?? entries.get('xl/worksheets/sheet1.xml');
}

/**
 * Streams the first worksheet of an .xlsx row by row, after the zip checks of `assertXlsxWithinLimits`
 * (so a bomb is refused before anything is inflated): every entry read is inflated no further than
 * its declared size and its checksum verified, the sheet's XML is scanned as it inflates (see
 * xlsx.sheet.ts), only the shared strings and the current rows are held, and the event loop gets a
 * turn every few hundred rows. Empty rows are skipped; the header is row 1 like any other.
 * Cells come as exceljs's reader gave them: text, numbers, dates (by the cell's number format),
 * booleans, `{ formula, result }`, `{ error }`.
 */
export async function* readXlsxRows(buffer: Buffer, opts: { limits?: XlsxLimits; onProgress?: ReadProgress } = {}): AsyncGenerator<XlsxRow> {
  assertXlsxWithinLimits(buffer, opts.limits ?? DEFAULT_LIMITS);
  const entries = zipEntries(buffer);
  const sheet = firstSheet(buffer, entries);
  if (!sheet) {
    throw unreadable();
  }
  const workbook = inflateEntry(buffer, entries.get('xl/workbook.xml')) ?? '';
  const context = {
    strings: sharedStrings(inflateEntry(buffer, entries.get('xl/sharedStrings.xml')) ?? ''),
    dateStyles: sheetStyles(inflateEntry(buffer, entries.get('xl/styles.xml')) ?? ''),
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook),
  };
  let read = 0;
  let sinceTurn = 0;
  let carry = '';
  const state = { last: 0 };
  const rowsOf = function* (text: string) {
    for (const row of sheetRows(text, state)) {
      const cells = sheetCells(row.body, context);
      if (cells.length) {
        yield { n: row.n, cells };
      }
    }
  };
  try {
    for await (const text of inflateText(buffer, sheet, (f) => (read = f))) {
      carry += text;
      const end = carry.lastIndexOf('</row>');
      if (end < 0) {
        continue;
      }
      const whole = carry.slice(0, end + 6);
      carry = carry.slice(end + 6);
      for (const row of rowsOf(whole)) {
        yield row;
        if (++sinceTurn >= ROWS_PER_TURN) {
          sinceTurn = 0;
          opts.onProgress?.(read);
          await nextTurn();
        }
      }
    }
    yield* rowsOf(carry);
  } catch (err) {
    throw err instanceof AppError ? err : unreadable();
  }
  opts.onProgress?.(1);
}
