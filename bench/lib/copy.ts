/** COPY text-format serialisation of Drizzle insert objects, for postgres.js and PGlite. */
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import type postgres from 'postgres';

function copyValue(v: unknown): string {
  if (v === null || v === undefined) {
    return '\\N';
  }
  if (v instanceof Date) {
    return v.toISOString();
  }
  if (typeof v === 'number' || typeof v === 'bigint') {
    return String(v);
  }
  if (typeof v === 'boolean') {
    return v ? 't' : 'f';
  }
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : s;
}

/** Turns insert objects into COPY lines; the columns are the keys of the first row. */
export function copyEncoder(table: PgTable) {
  const cols = getTableColumns(table) as Record<string, { name: string }>;
  let keys: string[] | null = null;
  return {
    table: getTableName(table),
    columns: (first: Record<string, unknown>) => {
      keys = Object.keys(first);
      return keys.map((k) => {
        const c = cols[k];
        if (!c) {
          throw new Error(`${getTableName(table)} has no column for property ${k}`);
        }
        return c.name;
      });
    },
    line: (row: Record<string, unknown>) => keys!.map((k) => copyValue(row[k])).join('\t') + '\n',
  };
}

/** Milliseconds spent producing rows in JS (generation, PII encryption, encoding), per sink. */
export const genTiming = { ms: 0 };

async function* chunks(rows: Iterable<Record<string, unknown>>, line: (r: Record<string, unknown>) => string, size: number, onRows: (n: number) => void) {
  const it = rows[Symbol.iterator]();
  for (;;) {
    const t0 = performance.now();
    const buf: string[] = [];
    let r = it.next();
    while (!r.done) {
      buf.push(line(r.value));
      if (buf.length >= size) {
        break;
      }
      r = it.next();
    }
    genTiming.ms += performance.now() - t0;
    if (buf.length) {
      onRows(buf.length);
      yield buf.join('');
    }
    if (r.done) {
      return;
    }
  }
}

export interface CopySink {
  copy(table: PgTable, rows: Iterable<Record<string, unknown>>, onRows: (n: number) => void): Promise<void>;
}

/** COPY … FROM STDIN through postgres.js, streamed with back-pressure. */
export function postgresSink(sql: postgres.Sql): CopySink {
  return {
    async copy(table, rows, onRows) {
      const enc = copyEncoder(table);
      const it = rows[Symbol.iterator]();
      const first = it.next();
      if (first.done) {
        return;
      }
      const cols = enc.columns(first.value);
      const all = (function* () {
        yield first.value;
        yield* { [Symbol.iterator]: () => it };
      })();
      const writable = await sql.unsafe(`copy ${enc.table} (${cols.map((c) => `"${c}"`).join(', ')}) from stdin`).writable();
      await pipeline(Readable.from(chunks(all, enc.line, 5000, onRows)), writable);
    },
  };
}

/** PGlite: one COPY … FROM '/dev/blob' per batch (PGlite holds the whole blob in memory). */
export function pgliteSink(pg: PGlite, batch = 20_000): CopySink {
  return {
    async copy(table, rows, onRows) {
      const enc = copyEncoder(table);
      let cols: string[] | null = null;
      let buf: string[] = [];
      const flush = async () => {
        if (!buf.length || !cols) {
          return;
        }
        await pg.query(`copy ${enc.table} (${cols.map((c) => `"${c}"`).join(', ')}) from '/dev/blob'`, [], { blob: new Blob([buf.join('')]) });
        onRows(buf.length);
        buf = [];
      };
      let t0 = performance.now();
      for (const r of rows) {
        cols ??= enc.columns(r);
        buf.push(enc.line(r));
        if (buf.length >= batch) {
          genTiming.ms += performance.now() - t0;
          await flush();
          t0 = performance.now();
        }
      }
      genTiming.ms += performance.now() - t0;
      await flush();
    },
  };
}
