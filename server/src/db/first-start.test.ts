import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationStatus, openDatabase } from './client.js';
import { isNewEmbeddedDataDir, prepareEmbeddedDatabase } from './first-start.js';

const dir = mkdtempSync(join(tmpdir(), 'kc-first-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const childEnv = (dataDir: string) => ({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DEMO_DATA: 'false', PII_KEY: '0123456789abcdef0123456789abcdef' });

describe('first start of the embedded database (child process)', () => {
  it('a data directory without a database is new; one with PG_VERSION is not', () => {
    expect(isNewEmbeddedDataDir(join(dir, 'fresh'))).toBe(true);
    mkdirSync(join(dir, 'existing', 'pgdata'), { recursive: true });
    writeFileSync(join(dir, 'existing', 'pgdata', 'PG_VERSION'), '17\n');
    expect(isNewEmbeddedDataDir(join(dir, 'existing'))).toBe(false);
  });

  it('creates the database with every migration in the child, closes it, and the server can open it', async () => {
    const dataDir = join(dir, 'created');
    await expect(prepareEmbeddedDatabase(childEnv(dataDir))).resolves.toEqual({ seeded: null });
    expect(isNewEmbeddedDataDir(dataDir)).toBe(false);
    const database = await openDatabase({ dataDir });
    try {
      const status = await migrationStatus(database);
      expect(status.applied).toBe(status.expected);
      expect(status.expected).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('a child that cannot create the database rejects with a message instead of hanging', async () => {
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, 'x'); // DATA_DIR is a file: pgdata cannot be made under it
    await expect(prepareEmbeddedDatabase(childEnv(file))).rejects.toThrow(/首次启动建库失败/);
  }, 60_000);
});
