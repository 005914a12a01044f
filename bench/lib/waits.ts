/**
 * Samples what the database's active backends are waiting on (pg_stat_activity) while a run goes:
 * `Lock:transactionid` / `Lock:tuple` = row locks, `Client:ClientRead` = waiting for the app's next
 * statement inside a transaction, `IO:WALSync` / `LWLock:WALWrite` = commit flushes, none = on CPU.
 */
import type postgres from 'postgres';

export interface WaitSampler {
  stop(): Promise<{ samples: number; events: [string, number][] }>;
}

export function sampleWaits(sql: postgres.Sql, database: string, everyMs = 100): WaitSampler {
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await sql<{ event: string }[]>`
        select coalesce(wait_event_type || ':' || wait_event, 'running on CPU') as event
        from pg_stat_activity
        where datname = ${database} and pid <> pg_backend_pid() and backend_type = 'client backend'
          and (state = 'active' or state = 'idle in transaction')`;
      samples++;
      for (const r of rows) {
        counts.set(r.event, (counts.get(r.event) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { samples, events: [...counts.entries()].sort((a, b) => b[1] - a[1]) };
    },
  };
}
