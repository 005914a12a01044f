import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEV_AUDIT_KEY } from '../../config/audit-key.js';
import { AuditChain } from './audit.chain.js';
import { canonicalJson } from './audit.hash.js';
import { recordAudit } from './audit.service.js';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, loginAs, TEST_PASSWORD, type Session, type TestApp } from '../../test/harness.js';
import { enterpriseInput } from '../../test/factories.js';

interface AuditItem {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  objectType: string;
  objectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
}

let t: TestApp;
let officer: Session;
let admin: Session;
let auditor: Session;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'officer');
  admin = await loginAs(t.app, 'admin');
  auditor = await loginAs(t.app, 'auditor');
});
afterAll(async () => {
  await t.close();
});

const exec = (query: ReturnType<typeof sql>) => t.deps.database.db.execute(query);
const count = async (query: ReturnType<typeof sql>) => Number((await t.deps.database.rows<{ n: number }>(query))[0].n);

/** The audit rows written by one request, found by the request id the response carries. */
async function auditOf(res: LightMyRequestResponse): Promise<AuditItem[]> {
  const requestId = String(res.headers['x-request-id']);
  const page = await auditor.request('GET', '/api/audit?limit=500');
  return page.json<{ items: AuditItem[] }>().items.filter((r) => r.requestId === requestId);
}

async function createEnterprise() {
  const res = await officer.request('POST', '/api/enterprises', enterpriseInput());
  expect(res.statusCode, res.body).toBe(201);
  return res;
}

async function verify(query = '') {
  const res = await auditor.request('GET', `/api/audit/verify${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ intact: boolean; checked: number; firstBrokenId: number | null; reason: string | null; head: { seq: number; hash: string } | null }>();
}

/** Takes the last `n` chained rows out of the table (behind the trigger) and gives back a function that puts them back. */
async function cutTail(n: number): Promise<() => Promise<void>> {
  const name = `audit_tail_${Math.random().toString(36).slice(2, 8)}`;
  await t.app.auditChain.chainPending();
  await exec(sql.raw(`create table ${name} as select * from audit_log where seq is not null order by seq desc limit ${n}`));
  await bypassingTrigger(() => exec(sql.raw(`delete from audit_log where id in (select id from ${name})`)));
  return async () => {
    await exec(sql.raw(`insert into audit_log overriding system value select * from ${name}`));
    await exec(sql.raw(`drop table ${name}`));
  };
}

/** Changes audit_log behind the trigger's back, as an attacker with table access would. */
async function bypassingTrigger(change: () => Promise<unknown>) {
  await exec(sql`alter table audit_log disable trigger audit_log_no_update`);
  try {
    await change();
  } finally {
    await exec(sql`alter table audit_log enable trigger audit_log_no_update`);
  }
}

describe('every state change writes exactly one audit row', () => {
  it('when an enterprise is created, then one row names actor, action, object, after, request id and IP', async () => {
    const res = await createEnterprise();
    const rows = await auditOf(res);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: officer.userId,
      actorName: 'officer',
      action: 'enterprise.create',
      objectType: 'enterprise',
      objectId: String(res.json().id),
      before: null,
      after: { name: res.json().name, uscc: res.json().uscc },
      requestId: res.headers['x-request-id'],
      ip: '127.0.0.1',
    });
  });

  it('when an enterprise is updated, then one row holds before and after', async () => {
    const created = (await createEnterprise()).json();
    const res = await officer.request('PATCH', `/api/enterprises/${created.id}`, { version: 1, employees: 777 });
    expect(res.statusCode).toBe(200);
    const rows = await auditOf(res);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'enterprise.update', objectId: String(created.id), before: { employees: 42, version: 1 }, after: { employees: 777, version: 2 } });
  });

  it('when a user is created, then one row holds the user without its password hash', async () => {
    const res = await admin.request('POST', '/api/users', { username: 'audit.newbie', displayName: '新同事', organizationId: 1, roles: ['city_officer'], password: 'Strong#Pass1' });
    expect(res.statusCode).toBe(201);
    const rows = await auditOf(res);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'user.create', actorName: 'admin', objectType: 'user', objectId: String(res.json().id), after: { username: 'audit.newbie' } });
    expect(JSON.stringify(rows[0])).not.toMatch(/scrypt|passwordHash|Strong#Pass1/);
  });

  it('when a user logs in, then one row names that user as the actor', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'expert', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const rows = await auditOf(res);
    expect(rows).toHaveLength(1);
    const userId = res.json().user.id;
    expect(rows[0]).toMatchObject({ action: 'auth.login', actorId: userId, actorName: 'expert', objectType: 'user', objectId: String(userId) });
  });

  it('when a write fails with 409 or 403, then it leaves neither an audit row nor data', async () => {
    const created = (await createEnterprise()).json();
    const enterprisesBefore = await count(sql`select count(*)::int as n from enterprises`);
    const timelineBefore = await count(sql`select count(*)::int as n from timeline_events`);
    const auditBefore = await count(sql`select count(*)::int as n from audit_log`);
    const duplicate = await officer.request('POST', '/api/enterprises', enterpriseInput({ uscc: created.uscc }));
    expect(duplicate.statusCode).toBe(409);
    expect((await officer.request('PATCH', `/api/enterprises/${created.id}`, { version: 1, employees: 1 })).statusCode).toBe(200);
    const stale = await officer.request('PATCH', `/api/enterprises/${created.id}`, { version: 1, employees: 2 });
    expect(stale.statusCode).toBe(409);
    const xihu = await loginAs(t.app, 'xihu');
    const forbidden = await xihu.request('POST', '/api/enterprises', enterpriseInput({ district: '滨江区' }));
    expect(forbidden.statusCode).toBe(403);
    for (const res of [duplicate, stale, forbidden]) {
      expect(await auditOf(res)).toEqual([]);
    }
    // Only the successful PATCH and xihu's login left traces.
    expect(await count(sql`select count(*)::int as n from enterprises`)).toBe(enterprisesBefore);
    expect(await count(sql`select count(*)::int as n from timeline_events`)).toBe(timelineBefore + 1);
    expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(auditBefore + 2);
    expect((await officer.request('GET', `/api/enterprises/${created.id}`)).json()).toMatchObject({ employees: 1, version: 2 });
  });
});

describe('append-only, hash-chained log', () => {
  it('when a row is updated, deleted or the table truncated, then the database refuses', async () => {
    const [{ id }] = await t.deps.database.rows<{ id: number }>(sql`select max(id) as id from audit_log`);
    await expect(exec(sql`update audit_log set actor_name = 'mallory' where id = ${id}`)).rejects.toThrow();
    await expect(exec(sql`delete from audit_log where id = ${id}`)).rejects.toThrow();
    await expect(exec(sql`truncate audit_log`)).rejects.toThrow();
    expect(await count(sql`select count(*)::int as n from audit_log where actor_name = 'mallory'`)).toBe(0);
  });

  it('when nothing was tampered with, then verify answers intact over every row', async () => {
    const report = await verify();
    expect(report).toMatchObject({ intact: true, firstBrokenId: null, reason: null });
    expect(report.checked).toBe(await count(sql`select count(*)::int as n from audit_log`));
  });

  it('when one row’s after is changed behind the trigger, then verify names that row; restored, it is intact again', async () => {
    const created = (await createEnterprise()).json();
    const [row] = await t.deps.database.rows<{ id: number; after: string }>(
      sql`select id, after::text as after from audit_log where object_type = 'enterprise' and object_id = ${String(created.id)}`,
    );
    await createEnterprise(); // the tampered row is not the last one
    await t.app.auditChain.chainPending(); // tampering is detectable once a row is chained (about a second after its commit)
    await bypassingTrigger(() => exec(sql`update audit_log set after = jsonb_set(after, '{name}', '"改过的名称"') where id = ${row.id}`));
    const report = await verify();
    expect(report).toMatchObject({ intact: false, firstBrokenId: Number(row.id) });
    expect(report.reason).toMatch(/篡改/);
    await bypassingTrigger(() => exec(sql`update audit_log set after = ${row.after}::jsonb where id = ${row.id}`));
    expect((await verify()).intact).toBe(true);
  });

  it('when a row is deleted behind the trigger, then verify names the row after the gap', async () => {
    await createEnterprise();
    await createEnterprise();
    await t.app.auditChain.chainPending();
    const [{ id }] = await t.deps.database.rows<{ id: number }>(sql`select max(id) - 1 as id from audit_log`);
    await exec(sql`create table audit_deleted_row as select * from audit_log where id = ${id}`);
    try {
      await bypassingTrigger(() => exec(sql`delete from audit_log where id = ${id}`));
      const report = await verify();
      expect(report).toMatchObject({ intact: false, firstBrokenId: Number(id) + 1 });
      expect(report.reason).toMatch(/删除/);
    } finally {
      await exec(sql`insert into audit_log overriding system value select * from audit_deleted_row`);
      await exec(sql`drop table audit_deleted_row`);
    }
    expect((await verify()).intact).toBe(true);
  });
});

describe('keyed, anchored chain off the hot path', () => {
  it('when a change is audited, then its row is written unchained and the chainer gives it the next place and a keyed hash', async () => {
    await t.app.auditChain.chainPending();
    const res = await createEnterprise();
    const [row] = await t.deps.database.rows<{ id: number; hash: string | null }>(
      sql`select id, hash from audit_log where request_id = ${String(res.headers['x-request-id'])}`,
    );
    expect(row.hash).toBeNull();
    await t.app.auditChain.chainPending();
    const [after] = await t.deps.database.rows<{ seq: string; hash: string; max: string }>(
      sql`select seq, hash, (select max(seq) from audit_log) as max from audit_log where id = ${row.id}`,
    );
    expect(Number(after.seq)).toBe(Number(after.max));
    expect(after.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verify()).intact).toBe(true);
  });

  it('when rows were committed but never chained (a crash), then the next start chains them and the chain is intact', async () => {
    await t.deps.database.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) {
        await recordAudit(tx, { actor: null, requestId: 'crash-test', ip: '127.0.0.1', system: 'test' }, { action: 'test.crash', objectType: 'test', objectId: i });
      }
    });
    expect(await count(sql`select count(*)::int as n from audit_log where hash is null`)).toBeGreaterThanOrEqual(3);
    const restarted = new AuditChain(t.deps.database.db, DEV_AUDIT_KEY, null);
    restarted.start(60_000);
    await restarted.stop();
    expect(await count(sql`select count(*)::int as n from audit_log where hash is null`)).toBe(0);
    expect((await restarted.verify()).intact).toBe(true);
  });

  it('when the last rows are deleted behind the trigger, then verify says the tail is gone; put back, it is intact', async () => {
    await createEnterprise();
    const putBack = await cutTail(2);
    try {
      const report = await verify();
      expect(report.intact).toBe(false);
      expect(report.reason).toMatch(/末尾记录被删除/);
    } finally {
      await putBack();
    }
    expect((await verify()).intact).toBe(true);
  });

  it('when a row is edited and the chain after it recomputed without the key, then verify names that row', async () => {
    await createEnterprise();
    await t.app.auditChain.chainPending();
    const rows = await t.deps.database.rows<Record<string, unknown> & { id: string; seq: string; prev_hash: string; hash: string; after_text: string }>(
      sql`select *, after::text as after_text from audit_log where seq is not null order by seq desc limit 3`,
    );
    rows.reverse();
    const attackerKey = Buffer.from('guessed-key');
    let prev = rows[0].prev_hash;
    const forged = rows.map((r, i) => {
      const after = i === 0 ? { ...(JSON.parse(r.after_text ?? 'null') ?? {}), forged: true } : JSON.parse(r.after_text ?? 'null');
      const hash = createHmac('sm3', attackerKey).update(canonicalJson([prev, r.seq, r.id, after])).digest('hex');
      const out = { id: r.id, after, prev, hash, oldAfter: r.after_text, oldPrev: r.prev_hash, oldHash: r.hash };
      prev = hash;
      return out;
    });
    await bypassingTrigger(async () => {
      for (const f of forged) {
        await exec(sql`update audit_log set after = ${JSON.stringify(f.after)}::jsonb, prev_hash = ${f.prev}, hash = ${f.hash} where id = ${f.id}`);
      }
    });
    try {
      const report = await verify();
      expect(report).toMatchObject({ intact: false, firstBrokenId: Number(rows[0].id) });
      expect(report.reason).toMatch(/重算/);
    } finally {
      await bypassingTrigger(async () => {
        for (const f of forged) {
          await exec(sql`update audit_log set after = ${f.oldAfter}::jsonb, prev_hash = ${f.oldPrev}, hash = ${f.oldHash} where id = ${f.id}`);
        }
      });
    }
    expect((await verify()).intact).toBe(true);
  });

  it('when an older copy is restored under a new process, then the checkpoint file and an exported checkpoint both catch it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kc-audit-'));
    const file = join(dir, 'audit-checkpoint.json');
    try {
      await createEnterprise();
      const before = new AuditChain(t.deps.database.db, DEV_AUDIT_KEY, file);
      await before.chainPending();
      await recordAuditNow();
      await before.chainPending(); // the file is written when a pass chains something
      const anchored = JSON.parse(readFileSync(file, 'utf8')) as { seq: number };
      const exported = (await auditor.request('GET', '/api/audit/checkpoint')).json().checkpoint as { seq: number; hash: string; at: string; mac: string };
      expect(exported.seq).toBeGreaterThanOrEqual(anchored.seq);
      const putBack = await cutTail(3); // the "older copy": the same chain, three rows shorter
      try {
        const fresh = new AuditChain(t.deps.database.db, DEV_AUDIT_KEY, file);
        const report = await fresh.verify();
        expect(report.intact).toBe(false);
        expect(report.reason).toMatch(/检查点.*恢复了较旧的副本/);
        // new rows chained on the older copy do not move the anchor forward over it
        await recordAuditNow();
        await fresh.chainPending();
        expect(JSON.parse(readFileSync(file, 'utf8')).seq).toBe(anchored.seq);
        expect((await fresh.verify()).intact).toBe(false);
        const q = `?seq=${exported.seq}&hash=${exported.hash}&at=${encodeURIComponent(exported.at)}&mac=${exported.mac}`;
        const byExport = await new AuditChain(t.deps.database.db, DEV_AUDIT_KEY, null).verify(exported);
        expect(byExport.intact).toBe(false);
        expect((await verify(q)).intact).toBe(false);
        // the rows chained on the older copy are taken out again before the originals go back
        await bypassingTrigger(() => exec(sql`delete from audit_log where seq > ${anchored.seq - 3}`));
      } finally {
        await putBack();
      }
      expect((await new AuditChain(t.deps.database.db, DEV_AUDIT_KEY, file).verify()).intact).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when a checkpoint is forged, then verify says its signature is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kc-audit-'));
    const file = join(dir, 'audit-checkpoint.json');
    try {
      const exported = (await auditor.request('GET', '/api/audit/checkpoint')).json().checkpoint as { seq: number; hash: string; at: string; mac: string };
      writeFileSync(file, JSON.stringify({ ...exported, seq: exported.seq - 1 }));
      const report = await new AuditChain(t.deps.database.db, DEV_AUDIT_KEY, file).verify();
      expect(report.intact).toBe(false);
      expect(report.reason).toMatch(/签名无效/);
      const q = `?seq=${exported.seq}&hash=${'0'.repeat(64)}&at=${encodeURIComponent(exported.at)}&mac=${exported.mac}`;
      expect((await verify(q)).reason).toMatch(/签名无效/);
      expect((await auditor.request('GET', `/api/audit/verify?seq=${exported.seq}`)).statusCode).toBe(400);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)('when a chainer holds the chain lock, then audited writes still commit (they never wait for it)', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => (locked = r));
    const holder = t.deps.database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(7261001)`);
      locked();
      await held;
    });
    await lockTaken;
    try {
      const res = await officer.request('POST', '/api/enterprises', enterpriseInput());
      expect(res.statusCode).toBe(201);
    } finally {
      release();
      await holder;
    }
    expect((await verify()).intact).toBe(true);
  });
});

async function recordAuditNow() {
  await t.deps.database.db.transaction((tx) =>
    recordAudit(tx, { actor: null, requestId: 'anchor-test', ip: '127.0.0.1', system: 'test' }, { action: 'test.anchor', objectType: 'test', objectId: 1 }),
  );
}

describe('GET /api/audit', () => {
  it('when filtered by object, then only that object’s rows come, newest first', async () => {
    const created = (await createEnterprise()).json();
    await officer.request('PATCH', `/api/enterprises/${created.id}`, { version: 1, employees: 3 });
    const res = await auditor.request('GET', `/api/audit?objectType=enterprise&objectId=${created.id}`);
    expect(res.json().items.map((r: AuditItem) => r.action)).toEqual(['enterprise.update', 'enterprise.create']);
  });

  it('when filtered by actor name or id, then every row is that actor’s', async () => {
    const byName = (await auditor.request('GET', '/api/audit?actor=officer&limit=500')).json().items as AuditItem[];
    const byId = (await auditor.request('GET', `/api/audit?actor=${officer.userId}&limit=500`)).json().items as AuditItem[];
    expect(byName.length).toBeGreaterThan(0);
    byName.forEach((r) => expect(r.actorName).toBe('officer'));
    expect(byId.map((r) => r.id)).toEqual(byName.map((r) => r.id));
  });

  it('when filtered by a time window, then every row lies inside it', async () => {
    for (let i = 0; i < 6; i++) {
      await createEnterprise();
    }
    const recent = (await auditor.request('GET', '/api/audit?objectType=enterprise&limit=6')).json().items as AuditItem[];
    const [from, to] = [recent[4].at, recent[1].at];
    const inside = (await auditor.request('GET', `/api/audit?from=${from}&to=${to}&limit=500`)).json().items as AuditItem[];
    expect(inside.length).toBeGreaterThanOrEqual(4);
    inside.forEach((r) => expect(r.at >= from && r.at <= to).toBe(true));
    const expected = await t.deps.database.rows<{ id: number }>(sql`select id from audit_log where at >= ${from} and at <= ${to} order by id desc`);
    expect(inside.map((r) => Number(r.id))).toEqual(expected.map((r) => Number(r.id)));
  });

  it('when paged with the cursor, then every row comes once in descending id order', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await auditor.request('GET', `/api/audit?objectType=enterprise&limit=37${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json<{ items: AuditItem[]; nextCursor: string | null }>();
      seen.push(...page.items.map((r) => Number(r.id)));
      cursor = page.nextCursor;
    } while (cursor);
    const expected = await t.deps.database.rows<{ id: number }>(sql`select id from audit_log where object_type = 'enterprise' order by id desc`);
    expect(seen).toEqual(expected.map((r) => Number(r.id)));
    expect((await auditor.request('GET', '/api/audit?cursor=abc')).statusCode).toBe(400);
  });
});

describe('who may read the audit log', () => {
  // The export is filtered to nothing: what is checked here is the gate, not the workbook.
  const routes = ['/api/audit', '/api/audit/verify', '/api/audit/checkpoint', '/api/audit/export?objectType=none'];

  it('when the auditor or the city admin asks, then 200', async () => {
    for (const s of [auditor, admin]) {
      for (const url of routes) {
        expect((await s.request('GET', url)).statusCode, url).toBe(200);
      }
    }
  });

  it.each(['officer', 'xihu', 'enterprise', 'provider', 'expert'])('when %s asks, then 403', async (username) => {
    const s = await loginAs(t.app, username);
    for (const url of routes) {
      expect((await s.request('GET', url)).statusCode, url).toBe(403);
    }
  });

  it('when nobody is signed in, then 401', async () => {
    for (const url of routes) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });
});
