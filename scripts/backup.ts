// npm run backup -- <file>   /   npm run restore -- <file> [DATA_DIR]
// Embedded mode only (stop the server first); for a PostgreSQL server use pg_dump/pg_restore (docs/OPERATIONS.md).
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { liveServerPid } from '../server/src/config/instance-lock.js';
import { backupPglite, restorePglite } from '../server/src/db/backup.js';

const [mode, file, dir] = process.argv.slice(2);
const dataDir = dir ?? process.env.DATA_DIR ?? './data';
if (!file || (mode !== 'backup' && mode !== 'restore')) {
  console.error('usage: tsx scripts/backup.ts backup|restore <file> [DATA_DIR]');
  process.exit(2);
}
if (process.env.DATABASE_URL) {
  console.error('DATABASE_URL is set: use pg_dump / pg_restore for a PostgreSQL server (docs/OPERATIONS.md)');
  process.exit(2);
}
// a copy of a live embedded database is torn (PGlite writes its files while the server runs)
const live = liveServerPid(dataDir);
if (live !== null) {
  console.error(`服务器正在运行（进程 ${live}），请先停止服务器再${mode === 'backup' ? '备份' : '恢复'} / the server (pid ${live}) is running on ${dataDir}: stop it first`);
  process.exit(2);
}
if (mode === 'backup') {
  const bytes = await backupPglite(dataDir, file);
  console.log(`备份完成 / backup written: ${file} (${(bytes / 1048576).toFixed(1)} MB) from ${dataDir}`);
} else {
  await restorePglite(file, dataDir);
  // the restored audit chain is older than the anchored head: the old checkpoint is kept aside (an
  // auditor compares it), and the next start anchors the restored chain
  const checkpoint = join(dataDir, 'audit-checkpoint.json');
  if (existsSync(checkpoint)) {
    const aside = join(dataDir, `audit-checkpoint.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    renameSync(checkpoint, aside);
    console.log(`审计链检查点已另存 / audit checkpoint kept aside: ${aside}`);
  }
  console.log(`恢复完成 / restored ${file} into ${dataDir}`);
}
