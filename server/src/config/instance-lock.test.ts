import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimDataDir, liveServerPid } from './instance-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'kc-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded data directory in use', () => {
  it('when a server has claimed the directory, then its pid is live; released, the directory is free', () => {
    const release = claimDataDir(dir);
    expect(liveServerPid(dir)).toBe(process.pid);
    release();
    expect(existsSync(join(dir, 'server.pid'))).toBe(false);
    expect(liveServerPid(dir)).toBeNull();
  });

  it('when the pid file is left by a process that has ended (a crash), then the directory is free', () => {
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dir, 'server.pid'), `${ended.stdout}\n`);
    expect(liveServerPid(dir)).toBeNull();
  });

  it('when a live server holds the directory, then npm run backup refuses and writes no file', () => {
    const release = claimDataDir(dir);
    try {
      const out = join(dir, 'backup.tar.gz');
      const env = { ...process.env, DATABASE_URL: '' };
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', 'backup', out, dir], { encoding: 'utf8', env });
      expect(res.status).toBe(2);
      expect(res.stderr).toMatch(/正在运行/);
      expect(existsSync(out)).toBe(false);
    } finally {
      release();
    }
  });
});
