/**
 * Child process: a bare Fastify handler (no plugins, hooks or schemas) that runs the SAME SQL as
 * the app's list and detail endpoints (captured from the app's repo functions, see capture-sql.ts)
 * through the same driver settings (prepared statement or not, as the app's call), and presents the
 * same JSON. /ladder/… additionally runs the
 * other queries the app makes per request (session lookup; district map for the list).
 */
import Fastify from 'fastify';
import { getTableColumns } from 'drizzle-orm';
import postgres from 'postgres';
import { enterprises } from '../../server/src/db/schema/index.js';
import { decodeCursor, encodeCursor } from '../../server/src/http/pagination.js';
import { fenToYuan } from '../../server/src/lib/money.js';
import { maskIdNumber, maskPhone, PiiCipher } from '../../server/src/lib/pii.js';
import { sha256 } from '../../server/src/lib/password.js';
import { SIZE_NAMES } from '../../server/src/modules/enterprises/enterprises.schema.js';
import { BENCH_PII_KEY } from '../lib/common.js';
import { bind, captureSql } from '../lib/capture-sql.js';

const url = process.env.BENCH_URL!;
const port = Number(process.env.BENCH_PORT ?? 0);
const client = postgres(url, { max: Number(process.env.BENCH_POOL ?? 10), onnotice: () => undefined, connection: { application_name: 'kechuang-bare' } });
// Also installs Drizzle's driver settings (date/timestamp parsers) on this client, as in the app.
const cap = await captureSql(client);
const pii = new PiiCipher(BENCH_PII_KEY);
const districtIds = new Map<string, number>();
for (const d of await client.unsafe<{ id: number; code: string; name: string }[]>('select id, code, name from districts')) {
  districtIds.set(d.code, d.id);
  districtIds.set(d.name, d.id);
}

type Row = unknown[];
const keys = Object.keys(getTableColumns(enterprises));
const c = Object.fromEntries(keys.map((k, i) => [k, i])) as Record<string, number>;
const CODE = keys.length;
const DNAME = keys.length + 1;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function item(r: Row) {
  const size = r[c.size] as keyof typeof SIZE_NAMES | null;
  return {
    id: r[c.id] as number,
    uscc: r[c.uscc],
    name: r[c.name],
    districtId: r[c.districtId],
    districtCode: r[CODE],
    districtName: r[DNAME],
    registeredOn: r[c.registeredOn],
    industry: r[c.industry],
    size: size ?? null,
    sizeName: size ? SIZE_NAMES[size] : null,
    employees: r[c.employees] ?? null,
    version: r[c.version],
  };
}

// The list query selects only what a list row shows (repo listSelection), in this order.
const L = { id: 0, uscc: 1, name: 2, districtId: 3, registeredOn: 4, industry: 5, size: 6, employees: 7, version: 8, districtCode: 9, districtName: 10 };

function listItem(r: Row) {
  const size = r[L.size] as keyof typeof SIZE_NAMES | null;
  return {
    id: r[L.id] as number,
    uscc: r[L.uscc],
    name: r[L.name],
    districtId: r[L.districtId],
    districtCode: r[L.districtCode],
    districtName: r[L.districtName],
    registeredOn: r[L.registeredOn],
    industry: r[L.industry],
    size: size ?? null,
    sizeName: size ? SIZE_NAMES[size] : null,
    employees: r[L.employees] ?? null,
    version: r[L.version],
  };
}

function detail(r: Row, timeline: Row[]) {
  const reveal = (v: unknown, mask: (s: string) => string) => (v ? mask(pii.decrypt(v as string)) : null);
  return {
    ...item(r),
    registeredCapital: r[c.registeredCapital] === null ? null : fenToYuan(Number(r[c.registeredCapital])),
    address: r[c.address],
    website: r[c.website],
    legalRepName: r[c.legalRepName],
    legalRepPhone: reveal(r[c.legalRepPhoneEnc], maskPhone),
    legalRepIdNumber: reveal(r[c.legalRepIdEnc], maskIdNumber),
    contactName: r[c.contactName],
    contactPhone: reveal(r[c.contactPhoneEnc], maskPhone),
    createdAt: new Date(r[c.createdAt] as string),
    updatedAt: new Date(r[c.updatedAt] as string),
    timeline: timeline.map((t) => ({
      id: Number(t[0]),
      occurredAt: new Date(t[1] as string),
      module: t[2],
      kind: t[3],
      title: t[4],
      refType: str(t[5]),
      refId: str(t[6]),
    })),
  };
}

const run = (q: typeof cap.listFirst, values: Record<string, unknown>) =>
  client.unsafe(q.text, bind(q, values) as postgres.ParameterOrJSON<never>[], { prepare: q.prepare }).values() as unknown as Promise<Row[]>;

async function extraQueries(cookie: string | undefined, list: boolean) {
  const token = /kc_session=([^;]+)/.exec(cookie ?? '')?.[1] ?? '';
  await run(cap.session, { tokenHash: sha256(token) });
  if (list) {
    await run(cap.districtMap, {});
  }
}

const app = Fastify({ logger: false });
for (const prefix of ['', '/ladder']) {
  const ladder = prefix === '/ladder';
  app.get(`${prefix}/api/enterprises`, async (request, reply) => {
    if (ladder) {
      await extraQueries(request.headers.cookie, true);
    }
    const q = request.query as Record<string, string | undefined>;
    const limit = q.limit ? Number(q.limit) : 20;
    const districtId = districtIds.get(q.district ?? '');
    if (districtId === undefined || !q.industry || limit !== 20) {
      // the captured list statement has the app's fetch size for a page of 20 written in it
      return reply.status(400).send({ error: 'bare handler serves ?district=&industry=&limit=20 only' });
    }
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const rows = after
      ? await run(cap.listAfter, { districtId, industry: q.industry, afterId: after.id })
      : await run(cap.listFirst, { districtId, industry: q.industry });
    const items = rows.slice(0, limit).map(listItem);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id, last.id) : null };
  });
  app.get(`${prefix}/api/enterprises/:id`, async (request, reply) => {
    if (ladder) {
      await extraQueries(request.headers.cookie, false);
    }
    const id = Number((request.params as { id: string }).id);
    const [row] = await run(cap.detail, { id });
    if (!row) {
      return reply.status(404).send({ error: 'not found' });
    }
    return detail(row, await run(cap.timeline, { id }));
  });
}
app.get('/sql', async () => cap);
await app.listen({ host: '127.0.0.1', port });
const bound = app.server.address();
process.send?.({ ready: typeof bound === 'object' && bound ? bound.port : port, pid: process.pid });
const stop = async () => {
  await app.close();
  await client.end({ timeout: 2 });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => void stop());
