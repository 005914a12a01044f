import type { Database } from '../../db/client.js';

/**
 * The background work a process is doing, per database and per kind of job table: tests wait for a
 * job with `whenSettled`, shutdown gives the work in flight a grace period with `settle`. Shared by
 * the report jobs and the background jobs (imports, bulk issuance).
 */
export class JobTracker {
  private readonly inFlight = new WeakMap<Database, Map<number, Promise<void>>>();

  private of(database: Database) {
    let m = this.inFlight.get(database);
    if (!m) {
      m = new Map();
      this.inFlight.set(database, m);
    }
    return m;
  }

  /** Runs `work` as job `id` of this process; the returned promise settles with it and never rejects. */
  track(database: Database, id: number, work: Promise<void>): Promise<void> {
    const jobs = this.of(database);
    const running = work.catch(() => undefined).finally(() => jobs.delete(id));
    jobs.set(id, running);
    return running;
  }

  /** Whether this process is working on the job. */
  has(database: Database, id: number): boolean {
    return this.of(database).has(id);
  }

  /** Resolves when this process has finished the job; at once if it is not working on it. Never rejects. */
  whenSettled(database: Database, id: number): Promise<void> {
    return this.of(database).get(id) ?? Promise.resolve();
  }

  /** Resolves when every job of this process on the database has settled. */
  async allSettled(database: Database): Promise<void> {
    await Promise.all([...this.of(database).values()]);
  }

  /**
   * Graceful shutdown: waits up to `graceMs` for the jobs in flight, then hands the ids of those
   * still running to `abandon` (which marks them failed: nobody will finish them). Never rejects.
   */
  async settle(database: Database, graceMs: number, abandon: (id: number) => Promise<unknown>): Promise<void> {
    const jobs = this.of(database);
    if (jobs.size === 0) {
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([this.allSettled(database), grace]);
    clearTimeout(timer);
    for (const id of [...jobs.keys()]) {
      await abandon(id).catch(() => undefined);
    }
  }
}
