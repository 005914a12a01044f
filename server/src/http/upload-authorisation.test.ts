import diagnostics from 'node:diagnostics_channel';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../test/harness.js';

/** Declared size of every refused upload: far more than any route takes. */
const DECLARED_BYTES = 64 * 1024 * 1024;
/** What the server may read of it before answering: the headers and a first socket read or two. */
const READ_ALLOWANCE = 1024 * 1024;

let t: TestApp;
let app: FastifyInstance;
let port: number;
const sockets: net.Socket[] = [];
let auditor: Session;

interface Upload {
  path: string;
  query: Record<string, string>;
}

/** Every route that takes multipart/form-data, as the app registers them, with valid params and required query. */
const uploads: Upload[] = [];
type Field = { isOptional(): boolean; options?: string[] };
type Shape = { shape?: Record<string, Field> };
/** A valid value of a path or query field (an enum's first option), so its validation does not answer first. */
const valueOf = (name: string, field: Field) => field.options?.[0] ?? QUERY_VALUES[name] ?? '1';
const QUERY_VALUES: Record<string, string> = { code: 'other' };
function collectUploadRoutes({ fastify }: { fastify: FastifyInstance }): void {
  fastify.addHook('onRoute', (route) => {
    const schema = route.schema as { consumes?: string[]; params?: Shape; querystring?: Shape } | undefined;
    if (route.method !== 'POST' || !schema?.consumes?.includes('multipart/form-data')) {
      return;
    }
    const query: Record<string, string> = {};
    for (const [name, field] of Object.entries(schema.querystring?.shape ?? {})) {
      if (!field.isOptional()) {
        query[name] = valueOf(name, field);
      }
    }
    const params = schema.params?.shape ?? {};
    uploads.push({ path: route.url.replace(/:([a-zA-Z]+)/g, (_m, name: string) => (params[name] ? valueOf(name, params[name]) : '1')), query });
  });
}

/**
 * Starts a large multipart upload on a raw connection and keeps sending until the server answers
 * or closes; returns the status line and how many bytes the server read from that connection.
 */
async function upload(url: string, headers: Record<string, string>): Promise<{ status: number; serverRead: number }> {
  const before = sockets.length;
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let response = '';
  const done = new Promise<void>((resolve) => {
    socket.on('data', (d) => (response += d.toString('latin1')));
    socket.on('error', () => resolve()); // EPIPE/ECONNRESET: the server closed while we were still sending
    socket.on('close', () => resolve());
  });
  const head = [
    `POST ${url} HTTP/1.1`,
    'Host: localhost',
    'Content-Type: multipart/form-data; boundary=KCBOUNDARY',
    `Content-Length: ${DECLARED_BYTES}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    '',
    '--KCBOUNDARY',
    'Content-Disposition: form-data; name="file"; filename="big.pdf"',
    'Content-Type: application/pdf',
    '',
    '%PDF-',
  ].join('\r\n');
  socket.write(head);
  const chunk = Buffer.alloc(256 * 1024, 0x41);
  let sent = head.length;
  const pump = () => {
    while (!socket.destroyed && !response && sent + chunk.length < DECLARED_BYTES) {
      sent += chunk.length;
      if (!socket.write(chunk)) {
        socket.once('drain', pump);
        return;
      }
    }
  };
  pump();
  await done;
  const serverSocket = sockets[sockets.length - 1];
  expect(sockets.length).toBe(before + 1);
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0), serverRead: serverSocket.bytesRead };
}

const withQuery = (u: Upload) => `${u.path}${Object.keys(u.query).length ? `?${new URLSearchParams(u.query).toString()}` : ''}`;

beforeAll(async () => {
  t = await createTestApp();
  auditor = await loginAs(t.app, 'auditor');
  diagnostics.subscribe('fastify.initialization', collectUploadRoutes as (m: unknown) => void);
  try {
    app = await buildApp(t.deps);
  } finally {
    diagnostics.unsubscribe('fastify.initialization', collectUploadRoutes as (m: unknown) => void);
  }
  app.server.on('connection', (s: net.Socket) => sockets.push(s));
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as net.AddressInfo).port;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('uploads are authorised before they are read', () => {
  it('finds the upload routes of every module', () => {
    const paths = uploads.map((u) => u.path);
    expect(paths.length).toBeGreaterThanOrEqual(10);
    expect(paths).toEqual(expect.arrayContaining(['/api/enterprises/import', '/api/recognition-applications/1/attachments', '/api/notices/1/objections']));
  });

  it('when someone who may not upload sends a large file to any upload route, then it is refused at once and the body is not read', async () => {
    const results: { url: string; status: number; serverRead: number }[] = [];
    for (const u of uploads) {
      const isPublic = u.path.startsWith('/api/notices/');
      // the public objection form: a notice that does not exist; every other route: a read-only auditor
      const url = isPublic ? withQuery({ ...u, path: u.path.replace('/1/', '/999999/') }) : withQuery(u);
      const headers: Record<string, string> = isPublic ? {} : { Cookie: auditor.cookie, 'x-csrf-token': auditor.csrf };
      results.push({ url, ...(await upload(url, headers)) });
    }
    const wrong = results.filter((r) => ![403, 404].includes(r.status) || r.serverRead >= READ_ALLOWANCE);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('when no one is signed in, then 401 without reading the body', async () => {
    const u = uploads.find((r) => r.path === '/api/enterprises/import')!;
    const r = await upload(withQuery(u), {});
    expect(r.status).toBe(401);
    expect(r.serverRead).toBeLessThan(READ_ALLOWANCE);
  });
});
