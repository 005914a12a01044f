/** Child process: the real app (buildApp) against the bench database, logging silent. */
import { buildApp } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/db/client.js';
import { PiiCipher } from '../../server/src/lib/pii.js';
import { BENCH_PII_KEY } from '../lib/common.js';

const url = process.env.BENCH_URL!;
const port = Number(process.env.BENCH_PORT ?? 0);
const database = await openDatabase({ databaseUrl: url, poolSize: Number(process.env.BENCH_POOL ?? 10) });
const app = await buildApp({
  database,
  pii: new PiiCipher(BENCH_PII_KEY),
  settings: {
    sessionIdleMs: 30 * 60_000,
    sessionAbsoluteMs: 12 * 3_600_000,
    cookieSecure: false,
    trustProxy: false,
    webDist: null,
    logLevel: 'silent',
  },
});
await app.listen({ host: '127.0.0.1', port });
const bound = app.server.address();
process.send?.({ ready: typeof bound === 'object' && bound ? bound.port : port, pid: process.pid });
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => void stop());
