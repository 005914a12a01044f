/**
 * A bulk table of the bench data set. Each module adds one (enterprises now; voucher ledger rows
 * and tech-market listings later) to BULK_TABLES in bench/tables/index.ts, in dependency order.
 */
import type { PgTable } from 'drizzle-orm/pg-core';
import type { PiiCipher } from '../../server/src/lib/pii.js';
import type { Random } from '../../server/src/lib/random.js';
import type { Tier } from '../lib/common.js';

export interface GenContext {
  tier: Tier;
  rnd: Random;
  pii: PiiCipher;
  /** District code → id, as seeded. */
  districtIds: Map<string, number>;
  /** Id ranges of the rows earlier bulk tables loaded, e.g. ranges.enterprises = [min, max]. */
  ranges: Record<string, [number, number]>;
}

export interface BulkTable<T extends PgTable = PgTable> {
  /** Key in GenContext.ranges and in the printed report. */
  name: string;
  table: T;
  /** How many rows to add for a tier, given how many the seed already holds. */
  count(tier: Tier, existing: number, override?: number): number;
  /** Rows as Drizzle insert objects (property names, as the app writes them), all with the same keys. */
  rows(ctx: GenContext, n: number): Iterable<T['$inferInsert']>;
  /** SQL run after the rows are in (derived rows, e.g. one timeline event per enterprise). */
  after?(ctx: GenContext, range: [number, number]): { label: string; sql: string }[];
}
