import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { seedDemo } from './seed/demo.js';
import { PiiCipher } from '../lib/pii.js';
import { backupPglite, restorePglite, tableCounts } from './backup.js';

const dir = mkdtempSync(join(tmpdir(), 'kc-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded backup and restore', () => {
  it('when a data dir is backed up and restored elsewhere, then every table has the same row count and the audit chain still verifies', async () => {
    const source = join(dir, 'source');
    const database = await openDatabase({ dataDir: source });
    await database.migrate();
    await seedDemo({ db: database.db, pii: new PiiCipher('00112233445566778899aabbccddeeff'), password: 'Backup@2026' });
    await database.close();

    const archive = join(dir, 'backup.tar.gz');
    expect(await backupPglite(source, archive)).toBeGreaterThan(1000);
    const target = join(dir, 'target');
    await restorePglite(archive, target);
    await expect(restorePglite(archive, target)).rejects.toThrow(/not empty/);

    const a = await PGlite.create(join(source, 'pgdata'));
    const b = await PGlite.create(join(target, 'pgdata'));
    const [ca, cb] = [await tableCounts(a), await tableCounts(b)];
    await a.close();
    await b.close();
    expect(ca.enterprises).toBe(8000);
    expect(cb).toEqual(ca);

    const restored = await openDatabase({ dataDir: target });
    const { verifyAuditChain } = await import('../modules/audit/index.js');
    expect((await verifyAuditChain({ db: restored.db })).intact).toBe(true);
    await restored.close();
  }, 180_000); // a whole demo seed (8000 enterprises, the recognitions register) plus a backup and a restore
});
