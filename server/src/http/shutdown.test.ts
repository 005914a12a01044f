import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./shutdown.fixture.ts', import.meta.url));

/** Runs the fixture with its stdout reader gone at once; resolves with its exit code, or 'hung' after `ms`. */
function runWithReaderGone(mode: string, ms: number): Promise<number | null | 'hung'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, mode], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.destroy();
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('hung');
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(deadline);
      resolve(code);
    });
  });
}

describe('shutdown', () => {
  // Without exitAfterFlush (mode 'plain': process.exit right after the burst) this child never ends:
  // pino's exit hook runs sonic-boom's flushSync, which retries EPIPE every 100 ms for ever.
  it('when the process reading stdout has gone, then exiting after a burst of logs still ends the process', async () => {
    expect(await runWithReaderGone('fixed', 30_000)).toBe(0);
  }, 40_000);
});
