import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { logSlowRequests } from './slow-requests.js';

async function inject(thresholdMs: number): Promise<string[]> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const app = Fastify({ logger: { level: 'warn', stream } });
  logSlowRequests(app, thresholdMs);
  app.get('/items/:id', async () => 'ok');
  await app.inject({ url: '/items/7' });
  await app.close();
  return lines;
}

describe('slow request log', () => {
  it('when a request reaches the threshold, then one warn line names its route, status and time', async () => {
    const lines = await inject(0);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { url: string; statusCode: number; ms: number; msg: string };
    expect(line).toMatchObject({ url: '/items/:id', statusCode: 200, msg: 'slow request' });
    expect(line.ms).toBeGreaterThanOrEqual(0);
  });

  it('when a request is faster than the threshold, then nothing is logged', async () => {
    expect(await inject(60_000)).toHaveLength(0);
  });
});
