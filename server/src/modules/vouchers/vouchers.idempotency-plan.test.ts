import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/harness.js';
import { findIdempotencyKeys, idempotencyKeysQuery, insertIdempotencyKeys } from './vouchers.repo.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase({ seeded: false });
});
afterAll(async () => {
  await database.close();
});

describe('vouchers.repo findIdempotencyKeys (the booking pre-read of its key)', () => {
  it('when the keys table is new, then the generic plan PostgreSQL keeps for the statement still probes the primary key per key', async () => {
    // A prepared statement's generic plan is made after a few executions and kept: made while the
    // table was new, a join of the keys with it was a sequential scan, kept while the table grew.
    const { sql: text } = new PgDialect().sqlToQuery(idempotencyKeysQuery());
    const plan = await database.db.transaction(async (tx) => {
      // a never-analysed copy of the table, found first by the statement's unqualified name
      await tx.execute(sql`create temp table voucher_idempotency_keys (like public.voucher_idempotency_keys including all) on commit drop`);
      await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
      await tx.execute(sql.raw(`prepare kc_idempotency_plan(text[], text[]) as ${text}`));
      try {
        const rows = await database.rows<Record<string, string>>(sql.raw(`explain execute kc_idempotency_plan('{user:1}', '{k}')`), tx);
        return rows.map((r) => Object.values(r)[0]).join('\n');
      } finally {
        await tx.execute(sql`deallocate kc_idempotency_plan`);
      }
    });
    expect(plan).toContain('Index Scan');
    expect(plan).not.toContain('Seq Scan');
  });

  it('when keys are stored, then each is found by its scope and key with its answer, and an unknown one is not', async () => {
    const stored = [
      { scope: 'user:7', key: 'a', requestHash: 'h1', statusCode: 201, response: { id: 1, amount: 10 } },
      { scope: 'user:8', key: 'a', requestHash: 'h2', statusCode: 422, response: { error: { code: 'insufficient_balance' } } },
    ];
    await database.db.transaction((tx) => insertIdempotencyKeys(tx, stored));
    const found = await findIdempotencyKeys(database.db, [
      { scope: 'user:8', key: 'a' },
      { scope: 'user:7', key: 'a' },
      { scope: 'user:7', key: 'b' },
    ]);
    expect(found.sort((x, y) => x.scope.localeCompare(y.scope))).toEqual([
      { scope: 'user:7', key: 'a', requestHash: 'h1', statusCode: 201, response: { id: 1, amount: 10 } },
      { scope: 'user:8', key: 'a', requestHash: 'h2', statusCode: 422, response: { error: { code: 'insufficient_balance' } } },
    ]);
  });
});
