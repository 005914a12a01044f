// `npm start`: builds the SPA when it has not been built, then runs the server (TypeScript via tsx).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const webDist = process.env.WEB_DIST ?? join(root, 'web', 'dist');
if (!existsSync(join(webDist, 'index.html'))) {
  console.log('首次启动：正在构建前端（vite build）…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'web', 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error('前端构建失败 / web build failed');
    process.exit(r.status ?? 1);
  }
}
const { register } = await import('tsx/esm/api');
register();
await import(join(root, 'server', 'src', 'main.ts'));
