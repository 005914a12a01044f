import type { Database } from './db/client.js';
import type { PiiCipher } from './lib/pii.js';

/** What buildApp needs from the outside world; tests build their own. */
export interface Deps {
  database: Database;
  pii: PiiCipher;
  /** The audit chain's key (outside the database) and its checkpoint file; tests and tools may omit it. */
  audit?: { key: Buffer; checkpointFile: string | null };
  settings: {
    sessionIdleMs: number;
    sessionAbsoluteMs: number;
    cookieSecure: boolean;
    trustProxy: boolean;
    webDist: string | null;
    logLevel: string;
    /** Login attempts per client IP per minute (default 30). */
    loginRatePerMinute?: number;
  };
}
