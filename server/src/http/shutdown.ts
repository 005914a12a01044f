import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';

interface SonicBoomLike {
  flush?: (cb?: (err?: Error) => void) => void;
  flushSync?: () => void;
}

/**
 * Exits after giving the log stream a bounded chance to drain. pino registers an exit hook that
 * flushes synchronously, and sonic-boom's flushSync retries a write that fails with EPIPE (the
 * process reading our stdout has gone) every 100 ms for ever: the process stopped listening but
 * never ended. So the flush is attempted asynchronously for at most `ms`, and whatever is still
 * unwritten is then given up before process.exit.
 */
export async function exitAfterFlush(log: FastifyBaseLogger, code: number, ms = 2000): Promise<never> {
  const stream = (log as unknown as Record<symbol, SonicBoomLike | undefined>)[pino.symbols.streamSym];
  if (stream && typeof stream.flush === 'function') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      try {
        stream.flush!(() => {
          clearTimeout(timer);
          resolve();
        });
      } catch {
        clearTimeout(timer);
        resolve();
      }
    });
  }
  if (stream) {
    stream.flushSync = () => undefined;
  }
  process.exit(code);
}

/** A last resort: if shutting down takes longer than `ms`, exit anyway (without the hanging flush). */
export function exitDeadline(log: FastifyBaseLogger, ms: number): void {
  const timer = setTimeout(() => {
    const stream = (log as unknown as Record<symbol, SonicBoomLike | undefined>)[pino.symbols.streamSym];
    if (stream) {
      stream.flushSync = () => undefined;
    }
    process.exit(1);
  }, ms);
  timer.unref();
}
