import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { normaliseRows, type Executor } from './client.js';
import { runPrepared } from './prepared.js';

/**
 * Bulk writes without the ORM's per-value work: one bind parameter per column (a PostgreSQL array
 * literal), expanded by `unnest` on the server. Drizzle's multi-row insert builds one parameter
 * per value and spends more CPU building the statement than the database spends running it
 * (bench/imports), and a statement is limited to 65,535 parameters; here a statement of 50,000
 * rows has as many parameters as the table has columns. Works the same on PGlite and PostgreSQL.
 */

/** A PostgreSQL array literal ('{"a","b",NULL}'): every element quoted and escaped, null as NULL. */
export function pgArray(values: readonly (string | number | bigint | boolean | null | undefined)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) {
      out += ',';
    }
    if (v === null || v === undefined) {
      out += 'NULL';
    } else {
      const s = String(v);
      out += `"${/["\\]/.test(s) ? s.replace(/["\\]/g, '\\$&') : s}"`;
    }
  }
  return `${out}}`;
}

/**
 * `unnest(...)::type[]` parameter of one column: the column's own driver mapping (jsonb, timestamps),
 * then the literal. A value repeated from the row before (one Date for a whole batch) is mapped once.
 */
function columnArray(column: PgColumn, values: unknown[]): SQL {
  let last: unknown;
  let mapped: string | number | null = null;
  const driver = (v: unknown) => {
    if (v !== last) {
      last = v;
      mapped = column.mapToDriverValue(v) as string | number;
    }
    return mapped;
  };
  const literal = pgArray(values.map((v) => (v === null || v === undefined ? null : driver(v))));
  return sql`${literal}::${sql.raw(`${column.getSQLType()}[]`)}`;
}

/**
 * Inserts rows (the table's insert shape) in one statement: the columns are those any row sets;
 * a row that leaves one of them out gets null there (not the column's default). With `returning`,
 * the inserted rows' chosen columns come back under the given keys (in no promised order). With
 * `skipConflicts`, a row that would break a unique constraint is left out (ON CONFLICT DO NOTHING)
 * and simply missing from what comes back. With `prepared`, the statement runs prepared (db/prepared.ts:
 * one round trip instead of describe-then-execute, and pipelined with the statements sent with it);
 * for hot paths whose column set is fixed (each distinct text is kept by every connection).
 */
export async function bulkInsert<T extends PgTable, R extends Record<string, PgColumn> = Record<string, never>>(
  tx: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
  opts: { returning?: R; skipConflicts?: boolean; prepared?: boolean } = {},
): Promise<{ [K in keyof R]: unknown }[]> {
  if (rows.length === 0) {
    return [];
  }
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(columns).filter((k) => rows.some((r) => (r as Record<string, unknown>)[k] !== undefined));
  const names = sql.join(
    keys.map((k) => sql.identifier(columns[k].name)),
    sql`, `,
  );
  const arrays = sql.join(
    keys.map((k) => columnArray(columns[k], rows.map((r) => (r as Record<string, unknown>)[k]))),
    sql`, `,
  );
  const back = opts.returning ? Object.entries(opts.returning) : [];
  const conflict = opts.skipConflicts ? sql` on conflict do nothing` : sql``;
  const returning = back.length ? sql` returning ${sql.join(back.map(([key, col]) => sql`${sql.identifier(col.name)} as ${sql.identifier(key)}`), sql`, `)}` : sql``;
  const statement = sql`insert into ${table} (${names}) select * from unnest(${arrays})${conflict}${returning}`;
  const result = opts.prepared ? await runPrepared(tx, 'bulk_insert', statement) : await tx.execute(statement);
  return normaliseRows<{ [K in keyof R]: unknown }>(result);
}
