import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Env } from './env.js';
import { ConfigError } from './env.js';

/**
 * The SM4 key for PII lives outside the database: PII_KEY, else PII_KEY_FILE, else a key file
 * created once in DATA_DIR (embedded single-process use). Several processes must share one key.
 */
export function loadPiiKey(env: Env): { key: string; source: string } {
  if (env.PII_KEY) {
    return { key: env.PII_KEY, source: 'PII_KEY' };
  }
  const file = resolve(env.PII_KEY_FILE ?? join(env.DATA_DIR, 'pii.key'));
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-fA-F]{32}$/.test(key)) {
      throw new ConfigError(`配置错误 / invalid configuration: PII_KEY_FILE ${file} must hold 32 hex characters`);
    }
    return { key, source: file };
  }
  if (env.PII_KEY_FILE) {
    throw new ConfigError(`配置错误 / invalid configuration: PII_KEY_FILE ${file} does not exist`);
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(16).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, source: `${file} (created)` };
}
