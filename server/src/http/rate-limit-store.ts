import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';

/** What the plugin gives child(): the route's options (the type declares less than it passes). */
type RouteOptions = object;
type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * A @fastify/rate-limit store on the PostgreSQL server (table rate_limits, fixed windows), so every
 * app process behind the load balancer counts against the same limit. One upsert per limited request.
 */
export function postgresRateLimitStore(db: Executor) {
  return class PostgresRateLimitStore {
    constructor(
      _params?: unknown,
      private readonly prefix = 'rl:',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number): void {
      const k = `${this.prefix}${key}`;
      db.execute<{ hits: number; ttl: number }>(sql`
        insert into rate_limits as r (key, hits, reset_at)
        values (${k}, 1, clock_timestamp() + ${timeWindow} * interval '1 millisecond')
        on conflict (key) do update set
          hits = case when r.reset_at <= clock_timestamp() then 1 else r.hits + 1 end,
          reset_at = case when r.reset_at <= clock_timestamp() then excluded.reset_at else r.reset_at end
        returning hits, greatest(0, ceil(extract(epoch from (reset_at - clock_timestamp())) * 1000))::int as ttl`)
        .then((result) => {
          const rows = (Array.isArray(result) ? result : (result as unknown as { rows: { hits: number; ttl: number }[] }).rows) as { hits: number; ttl: number }[];
          cb(null, { current: Number(rows[0].hits), ttl: Number(rows[0].ttl) });
        })
        .catch((err: Error) => cb(err));
    }

    child(route: RouteOptions): PostgresRateLimitStore {
      const info = (route as { routeInfo?: { method?: string; url?: string } }).routeInfo ?? {};
      return new PostgresRateLimitStore(route, `${this.prefix}${info.method ?? ''}${info.url ?? ''}-`);
    }
  };
}
