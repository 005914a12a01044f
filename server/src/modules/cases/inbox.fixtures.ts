import { expect } from 'vitest';
import type { Session } from '../../test/harness.js';

/** Every page of the caller's inbox (GET /api/cases), following nextCursor; for tests. */
export async function walkInbox<Item>(session: Session, query: string, limit = 7): Promise<Item[]> {
  const out: Item[] = [];
  let cursor: string | null = null;
  do {
    const res = await session.request('GET', `/api/cases?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: Item[]; nextCursor: string | null }>();
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
