import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

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
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}
