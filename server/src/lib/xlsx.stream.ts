import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { AppError } from '../http/errors.js';
import { assertXlsxWithinLimits, DEFAULT_LIMITS, type XlsxLimits } from './xlsx.js';

/** One row of the first worksheet: its number in the sheet and its cells (index 0 is column A). */
export interface XlsxRow {
  n: number;
  cells: ExcelJS.CellValue[];
}

/** How far the reader is through the file, for a progress bar: bytes of the (compressed) upload read. */
export type ReadProgress = (fractionRead: number) => void;

/** Rows read between two turns of the event loop: other requests are served while a big file is read. */
export const ROWS_PER_TURN = 500;

/** Decodes UTF-8 across chunk boundaries (a character split between two chunks stays one character). */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) {
      yield text;
    }
  }
  const tail = decoder.end();
  if (tail) {
    yield tail;
  }
}

/**
 * exceljs's streaming reader decodes every inflated chunk on its own, so a Chinese character split
 * between two chunks turns into two U+FFFD (one name in a thousand came out garbled). Its shared
 * strings and worksheets are fed decoded text instead: the entry stream decodes itself, the
 * worksheet's chunks go through `utf8`.
 */
interface ReaderInternals {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}
const internals = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;
const parseSharedStrings = internals._parseSharedStrings;
const parseWorksheet = internals._parseWorksheet;
internals._parseSharedStrings = function (this: ReaderInternals, entry) {
  entry.setEncoding('utf8');
  return parseSharedStrings.call(this, entry);
};
internals._parseWorksheet = function (this: ReaderInternals, iterator, sheetNo) {
  return parseWorksheet.call(this, utf8(iterator), sheetNo);
};

const unreadable = () => new AppError('import_invalid', '文件无法读取，请上传 .xlsx 格式的 Excel 文件（可先下载模板）', { errors: [] });

const corrupt = () => new AppError('import_invalid', '文件不完整或已损坏，请用 Excel 或 WPS 重新保存为 .xlsx 后再上传', { errors: [] });

/**
 * Inflates every entry once, discarding the output, before the reader sees the file: a corrupt
 * entry is refused here (exceljs's reader would wait forever on it), and an entry that inflates to
 * more than its declared size (a forged header) is stopped at that size. Memory stays at one chunk.
 */
async function assertInflates(buffer: Buffer): Promise<void> {
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65557); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  let p = buffer.readUInt32LE(eocd + 16);
  for (let n = buffer.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = buffer.readUInt16LE(p + 10);
    const compressed = buffer.readUInt32LE(p + 20);
    const declared = buffer.readUInt32LE(p + 24);
    const local = buffer.readUInt32LE(p + 42);
    p += 46 + buffer.readUInt16LE(p + 28) + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) {
      throw corrupt();
    }
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (start + compressed > buffer.length) {
      throw corrupt();
    }
    if (method === 0) {
      continue;
    }
    let inflated = 0;
    try {
      await pipeline(Readable.from([buffer.subarray(start, start + compressed)]), createInflateRaw(), async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) {
          inflated += chunk.length;
          if (inflated > declared) {
            throw corrupt();
          }
        }
      });
    } catch {
      throw corrupt();
    }
  }
}

/**
 * Streams the first worksheet of an .xlsx row by row, after the zip checks of `assertXlsxWithinLimits`
 * (so a bomb is refused before anything is inflated): the workbook is never held as a whole, only
 * the shared strings and the current rows are, and the event loop gets a turn every few hundred rows.
 * Empty rows are skipped; the header is row 1 like any other.
 */
export async function* readXlsxRows(buffer: Buffer, opts: { limits?: XlsxLimits; onProgress?: ReadProgress } = {}): AsyncGenerator<XlsxRow> {
  assertXlsxWithinLimits(buffer, opts.limits ?? DEFAULT_LIMITS);
  await assertInflates(buffer);
  const chunk = 64 * 1024;
  let read = 0;
  const input = Readable.from(
    (function* () {
      for (let at = 0; at < buffer.length; at += chunk) {
        read = Math.min(buffer.length, at + chunk);
        yield buffer.subarray(at, read);
      }
    })(),
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let sinceTurn = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        yield { n: row.number, cells: values.slice(1) };
        if (++sinceTurn >= ROWS_PER_TURN) {
          sinceTurn = 0;
          opts.onProgress?.(read / buffer.length);
          await nextTurn();
        }
      }
      // Only the first worksheet (the data; a help sheet may follow).
      break;
    }
  } catch (err) {
    throw err instanceof AppError ? err : unreadable();
  } finally {
    input.destroy();
  }
  opts.onProgress?.(1);
}
