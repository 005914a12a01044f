import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* files(path);
    } else if (COMPRESSIBLE.test(entry.name)) {
      yield path;
    }
  }
}

/**
 * Writes `name.br` (brotli, best quality) and `name.gz` (gzip -9) next to every text file of the
 * build, once, so the server (server/src/http/static.ts) sends them as they are, without
 * compressing on each request.
 */
function precompress(outDir: string): Plugin {
  return {
    name: 'kechuang-precompress',
    apply: 'build',
    async closeBundle() {
      const jobs: Promise<void>[] = [];
      for await (const path of files(outDir)) {
        if ((await stat(path)).size < MIN_BYTES) {
          continue;
        }
        jobs.push(
          readFile(path).then(async (content) => {
            const [br, gzipped] = await Promise.all([
              brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
              gz(content, { level: 9 }),
            ]);
            await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
          }),
        );
      }
      await Promise.all(jobs);
    },
  };
}

/**
 * Fewer, larger chunks for what nearly every screen loads (issue 15). Left alone, Rolldown cuts the
 * login page into ≈ 40 small chunks, each compressed on its own: 285 KB brotli, against 253 KB for
 * the same code in one file. Three groups; everything else (pages, table, date picker, upload …)
 * keeps the automatic chunks, so a screen downloads only the components it uses, except as noted:
 *   - shell: everything `main.tsx` imports statically (React, the router, antd's core, the App
 *     context, the catalogue), which every screen loads anyway;
 *   - ui: the antd components of both the login page and the signed-in shell (Card pulls Tabs,
 *     Dropdown and Menu; the language switch is a Segmented) and small layout pieces of most pages
 *     (the login page downloads these few KB without using them);
 *   - echarts: ECharts with the bar and line charts, legend, tooltip and canvas, loaded with the
 *     first chart (the pie, used by two pages, stays with them; the market statistics, bar and pie,
 *     download the line chart too).
 */
const CHUNK_GROUPS = [
  { name: 'shell', tags: ['$initial' as const], priority: 2 },
  {
    name: 'ui',
    test: /node_modules[\\/](antd[\\/]es[\\/](tabs|dropdown|menu|segmented|card|alert|space|layout|empty|tag|grid|row|col)[\\/]|@rc-component[\\/](tabs|dropdown|menu|overflow|segmented)[\\/])/,
    priority: 1,
  },
  {
    name: 'echarts',
    test: (id: string) => /node_modules[\\/](echarts|zrender)[\\/]/.test(id) && !/[\\/]chart[\\/]pie[\\/]/.test(id),
    priority: 1,
  },
];

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.KECHUANG_API ?? 'http://127.0.0.1:3000';
const outDir = fileURLToPath(new URL('./dist', import.meta.url));

export default defineConfig({
  root,
  // the server sends the .br/.gz copies as they are (server/src/http/static.ts)
  plugins: [react(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    // antd alone is ~250 KB gzip; the budget (QUALITY.md) is checked on the initial chunks.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: { output: { codeSplitting: { groups: CHUNK_GROUPS } } },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});
