import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Env } from './env.js';
import { ConfigError } from './env.js';

/**
 * The key of the audit chain's HMAC-SM3 lives outside the database, like the PII key: AUDIT_KEY,
 * else AUDIT_KEY_FILE, else a key file created once in DATA_DIR. Whoever can write the database
 * but not read this key cannot recompute the chain. Several processes must share one key.
 */
export function loadAuditKey(env: Env): { key: Buffer; source: string } {
  if (env.AUDIT_KEY) {
    return { key: Buffer.from(env.AUDIT_KEY, 'hex'), source: 'AUDIT_KEY' };
  }
  const file = resolve(env.AUDIT_KEY_FILE ?? join(env.DATA_DIR, 'audit.key'));
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-fA-F]{64}$/.test(key)) {
      throw new ConfigError(`配置错误 / invalid configuration: AUDIT_KEY_FILE ${file} must hold 64 hex characters`);
    }
    return { key: Buffer.from(key, 'hex'), source: file };
  }
  if (env.AUDIT_KEY_FILE) {
    throw new ConfigError(`配置错误 / invalid configuration: AUDIT_KEY_FILE ${file} does not exist`);
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key: Buffer.from(key, 'hex'), source: `${file} (created)` };
}

/** Where the signed checkpoint of the chain's head is kept: AUDIT_CHECKPOINT_FILE or DATA_DIR. */
export function auditCheckpointFile(env: Env): string {
  return resolve(env.AUDIT_CHECKPOINT_FILE ?? join(env.DATA_DIR, 'audit-checkpoint.json'));
}

/** Tests and tools that build an app without a configured key (never the server: main.ts loads one). */
export const DEV_AUDIT_KEY = Buffer.from('6b632d6465762d61756469742d6b65792d6e6f742d666f722d70726f64756374', 'hex');
