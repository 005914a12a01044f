import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Hashed build output: the name changes whenever the content does, so a browser may keep it for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built SPA (web/dist): brotli or gzip files written next to the originals by the build
 * (the precompress plugin of web/vite.config.ts) when the browser accepts them, hashed assets cached as immutable, the HTML
 * shell revalidated on every visit. Client-side routes fall back to the shell; unknown /api paths
 * and missing files stay 404s. Does nothing when the directory has not been built.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string | null): Promise<void> {
  const root = webDist ? resolve(webDist) : null;
  if (!root || !existsSync(resolve(root, 'index.html'))) {
    return;
  }
  const assets = `${resolve(root, 'assets')}${sep}`;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.startsWith(assets) ? IMMUTABLE : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true, security: [] } }, async (request, reply) => {
    const path = request.url.split('?')[0];
    // Unknown API paths and missing files (a stale /assets/x.js) are 404s, not the SPA shell.
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
      return reply.callNotFound();
    }
    return reply.sendFile('index.html');
  });
}
