import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PID_FILE = 'server.pid';

/** The pid of a live server using this embedded data directory, or null (none, or a stale file after a crash). */
export function liveServerPid(dataDir: string): number | null {
  const file = join(resolve(dataDir), PID_FILE);
  if (!existsSync(file)) {
    return null;
  }
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) {
    return null;
  }
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return pid;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/** Marks the embedded data directory as in use by this process; the returned function unmarks it. */
export function claimDataDir(dataDir: string): () => void {
  const file = join(resolve(dataDir), PID_FILE);
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) {
        rmSync(file, { force: true });
      }
    } catch {
      // already gone
    }
  };
}
