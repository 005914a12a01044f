import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets with these options, worked out once by running its middleware against a
 * recording response. Only for options whose values do not depend on the request (no CSP nonces,
 * no directive functions): then every response gets the same headers.
 */
export function helmetHeaders(options: HelmetOptions): { set: [string, string][]; remove: string[] } {
  const set: [string, string][] = [];
  const remove: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.push([name, String(value)]),
    removeHeader: (name: string) => remove.push(name),
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) {
      throw err instanceof Error ? err : new Error(String(err));
    }
  });
  return { set, remove };
}

/**
 * helmet's headers on every response, as @fastify/helmet sets them (on the raw response, at
 * onRequest, so a route or an error answer can still override one), without building helmet's
 * middleware again for each request as that plugin does.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const { set, remove } = helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    const res = reply.raw;
    for (const name of remove) {
      res.removeHeader(name);
    }
    for (const [name, value] of set) {
      res.setHeader(name, value);
    }
    done();
  });
}
