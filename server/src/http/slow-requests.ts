import type { FastifyInstance } from 'fastify';

/**
 * Logs every request slower than `thresholdMs` at warn level (method, route, status, time), so a
 * stall is visible even where request logs are off (npm start and the browser tests run at warn).
 */
export function logSlowRequests(app: FastifyInstance, thresholdMs: number): void {
  // a callback hook, not an async one: no promise per response
  app.addHook('onResponse', (request, reply, done) => {
    const ms = Math.round(reply.elapsedTime);
    if (ms >= thresholdMs) {
      request.log.warn({ method: request.method, url: request.routeOptions.url ?? request.url, statusCode: reply.statusCode, ms }, 'slow request');
    }
    done();
  });
}
