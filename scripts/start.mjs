// `npm start`: builds the SPA when it has not been built (showing progress), then runs the server
// (TypeScript via tsx). The terminal stays quiet: the start banner, warnings and errors. Request
// logs are pino's `info` lines — set LOG_LEVEL=info (or debug) to see them.
import { spawn } from 'node:child_process';
import { clearInterval, setInterval } from 'node:timers';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// `npm start` runs on the Node.js 24 that `npm install` put in node_modules/.bin (the npm `node`
// package); started by hand with an older system Node, say so (Node 20 reached its end of life).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.warn(`警告：当前 Node.js ${process.version} 已停止维护，请用 npm start（自带 Node.js 24）启动 / Node.js ${process.version} is past its end of life; start with npm start, which runs the bundled Node.js 24`);
}
const webDist = process.env.WEB_DIST ?? join(root, 'web', 'dist');

/** Runs vite build, saying every few seconds that it is still at work (the first build takes a while). */
function buildWeb() {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log('首次启动：正在构建前端（vite build），约需 30–60 秒…');
    const child = spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'web', 'vite.config.ts'), '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    const tick = setInterval(() => console.log(`  前端构建中… 已用 ${Math.round((Date.now() - started) / 1000)} 秒`), 5000);
    child.on('exit', (code) => {
      clearInterval(tick);
      if (code === 0) {
        console.log(`前端构建完成（${Math.round((Date.now() - started) / 1000)} 秒），正在启动服务…`);
      }
      resolve(code ?? 1);
    });
  });
}

if (!existsSync(join(webDist, 'index.html'))) {
  const code = await buildWeb();
  if (code !== 0) {
    console.error('前端构建失败 / web build failed');
    process.exit(code);
  }
}
// Quiet by default: the banner is printed, not logged; request logs are at pino's info level.
process.env.LOG_LEVEL ??= 'warn';
const { register } = await import('tsx/esm/api');
register();
await import(join(root, 'server', 'src', 'main.ts'));
