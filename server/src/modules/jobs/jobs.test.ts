import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundJobs } from '../../db/schema/jobs.js';
import { AppError } from '../../http/errors.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { actorFor } from '../vouchers/vouchers.fixtures.js';
import { ABANDONED_MESSAGE, failAbandonedJobs, startJob, STALE_AFTER_MS, whenJobSettled } from './jobs.service.js';
import * as repo from './jobs.repo.js';

let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'officer');
}, 120_000);
afterAll(async () => t?.close());

const read = async (id: number) => (await officer.request('GET', `/api/jobs/${id}`)).json();

describe('background jobs', () => {
  it('when the work reports progress and finishes, then the job reads done at 100 with its result', async () => {
    const actor = await actorFor(t.deps.database.db, 'officer');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const job = await startJob({
      database: t.deps.database,
      actor,
      kind: 'indicator_import',
      run: async (control) => {
        control.progress(40, '正在读取');
        await gate;
        return { rows: 3 };
      },
    });
    expect(job).toMatchObject({ status: 'running', progress: 0 });
    release();
    await whenJobSettled(t.deps.database, job.id);
    expect(await read(job.id)).toMatchObject({ status: 'done', progress: 100, stage: null, result: { rows: 3 }, error: null });
  });

  it('when the work fails with row errors, then the job keeps them and the count; an unexpected error gives a message without internals', async () => {
    const actor = await actorFor(t.deps.database.db, 'officer');
    const rowErrors = [{ row: 2, column: '年度', message: '必填' }];
    const failed = await startJob({ database: t.deps.database, actor, kind: 'indicator_import', run: () => Promise.reject(new AppError('import_invalid', '文件有 1 处错误', { errors: rowErrors, total: 1 })) });
    await whenJobSettled(t.deps.database, failed.id);
    expect(await read(failed.id)).toMatchObject({ status: 'failed', error: '文件有 1 处错误', rowErrors, rowErrorTotal: 1 });
    const crashed = await startJob({ database: t.deps.database, actor, kind: 'indicator_import', run: () => Promise.reject(new Error('relation "x" does not exist')) });
    await whenJobSettled(t.deps.database, crashed.id);
    const body = await read(crashed.id);
    expect(body.status).toBe('failed');
    expect(body.error).toMatch(/未写入任何数据/);
    expect(JSON.stringify(body)).not.toMatch(/relation/);
  });

  it('when a job was left running by a process that died (its heartbeat stopped), then the sweep at start marks it failed with a clear message; a live one is left alone', async () => {
    const actor = await actorFor(t.deps.database.db, 'officer');
    const dead = await repo.insertJob(t.deps.database.db, { kind: 'enterprise_import', createdBy: actor.userId, filename: 'a.xlsx' });
    const live = await repo.insertJob(t.deps.database.db, { kind: 'enterprise_import', createdBy: actor.userId, filename: 'b.xlsx' });
    await t.deps.database.db
      .update(backgroundJobs)
      .set({ heartbeatAt: sql`now() - ${`${STALE_AFTER_MS / 1000 + 5} seconds`}::interval` })
      .where(eq(backgroundJobs.id, dead.id));
    expect(await failAbandonedJobs(t.deps.database)).toBeGreaterThanOrEqual(1);
    expect(await read(dead.id)).toMatchObject({ status: 'failed', error: ABANDONED_MESSAGE });
    expect(ABANDONED_MESSAGE).toMatch(/服务重启/);
    expect(await read(live.id)).toMatchObject({ status: 'running' });
  });

  it('when a dead job is read before any sweep, then it reads failed', async () => {
    const actor = await actorFor(t.deps.database.db, 'officer');
    const dead = await repo.insertJob(t.deps.database.db, { kind: 'voucher_issuance', createdBy: actor.userId, filename: null });
    await t.deps.database.db
      .update(backgroundJobs)
      .set({ heartbeatAt: sql`now() - ${`${STALE_AFTER_MS / 1000 + 5} seconds`}::interval` })
      .where(eq(backgroundJobs.id, dead.id));
    expect(await read(dead.id)).toMatchObject({ status: 'failed', error: ABANDONED_MESSAGE });
  });

  it('when the job is someone else’s or does not exist, then 404', async () => {
    const actor = await actorFor(t.deps.database.db, 'officer');
    const job = await repo.insertJob(t.deps.database.db, { kind: 'voucher_issuance', createdBy: actor.userId, filename: null });
    const xihu = await loginAs(t.app, 'xihu');
    expect((await xihu.request('GET', `/api/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await officer.request('GET', '/api/jobs/999999')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${job.id}` })).statusCode).toBe(401);
  });
});
