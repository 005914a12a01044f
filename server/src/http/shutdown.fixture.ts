// A child process for shutdown.test.ts: logs a burst to a stdout whose reader has gone, then exits.
import Fastify from 'fastify';
import { exitAfterFlush } from './shutdown.js';

const app = Fastify({ logger: { level: 'info' } });
await app.ready();
for (let i = 0; i < 20_000; i++) {
  app.log.info({ i, pad: 'x'.repeat(200) }, 'burst');
}
if (process.argv[2] === 'plain') {
  process.exit(0);
} else {
  await exitAfterFlush(app.log, 0, 500);
}
