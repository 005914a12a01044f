import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { normaliseRows, type Executor } from './client.js';

const dialect = new PgDialect();

/**
 * Runs raw SQL as a prepared statement. Drizzle sends every other statement unprepared, and
 * postgres.js then asks the server to describe a statement with parameters before it executes
 * it: two round trips, and nothing is pipelined behind it. A prepared statement is described once
 * per connection (postgres.js keeps it by its text), then costs one round trip, and statements
 * issued together (Promise.all in a transaction) go out in one write. Use it for fixed-shape
 * statements on hot paths: every distinct text is kept by each connection for its lifetime.
 * PGlite runs it like any other statement.
 */
export async function runPrepared<T = Record<string, unknown>>(executor: Executor, name: string, query: SQL): Promise<T[]> {
  const result: unknown = await executor._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute();
  return normaliseRows<T>(result);
}

const built = new WeakMap<object, Map<string, unknown>>();

/**
 * A query built once per executor under `name` and kept: building a select through the ORM (its SQL
 * and parameter list) costs more Node CPU than running it, so hot paths build it with placeholders
 * (`sql.placeholder`) and only execute it with each request's values. Keyed by the executor, as a
 * built query is bound to its session.
 */
export function builtOnce<T>(executor: Executor, name: string, build: () => T): T {
  let byName = built.get(executor);
  if (!byName) {
    byName = new Map();
    built.set(executor, byName);
  }
  let q = byName.get(name) as T | undefined;
  if (q === undefined) {
    q = build();
    byName.set(name, q);
  }
  return q;
}

/**
 * Raw SQL prepared once per executor under `name` (written with `sql.placeholder`s) and run with each
 * call's values: runPrepared without building the statement again on every call.
 */
export async function runPreparedOnce<T = Record<string, unknown>>(executor: Executor, name: string, build: () => SQL, values: Record<string, unknown>): Promise<T[]> {
  const q = builtOnce(executor, name, () => executor._.session.prepareQuery(dialect.sqlToQuery(build()), undefined, name, false));
  return normaliseRows<T>(await q.execute(values));
}
