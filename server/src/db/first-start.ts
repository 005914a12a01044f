import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the first start put into a new embedded database. */
export interface FirstStartResult {
  /** null: the demo data was not loaded (DEMO_DATA=false) */
  seeded: { enterprises: number; users: number } | null;
}

/** True when the embedded data directory holds no database yet (the next open runs initdb). */
export function isNewEmbeddedDataDir(dataDir: string): boolean {
  return !existsSync(join(resolve(dataDir), 'pgdata', 'PG_VERSION'));
}

/**
 * Creates and fills a new embedded database (initdb, migrations, demo data) in a child process that
 * then exits, so the server opens the finished files in a fresh engine. PGlite's WebAssembly
 * engine keeps all the memory it grew to while creating and filling the database, and V8 keeps
 * the heap the seed grew to; a child gives all of it back to the system (RSS after the first start
 * ≈ what a later start needs, see docs/PERFORMANCE.md). The child reads the same environment
 * (DATA_DIR, PII key, DEMO_DATA, DEMO_PASSWORD) and reports through IPC; its errors reach stderr.
 */
export function prepareEmbeddedDatabase(env: NodeJS.ProcessEnv = process.env): Promise<FirstStartResult> {
  const child = fork(fileURLToPath(new URL('./first-start.child.ts', import.meta.url)), [], {
    // the server runs TypeScript through tsx; so does the child
    execArgv: ['--import', import.meta.resolve('tsx')],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolvePromise, reject) => {
    let result: FirstStartResult | undefined;
    child.on('message', (message) => {
      result = message as FirstStartResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 && result) {
        resolvePromise(result);
      } else {
        reject(new Error(`首次启动建库失败（子进程${signal ? `被信号 ${signal} 终止` : `退出码 ${code}`}） / first-start database setup failed`));
      }
    });
  });
}
