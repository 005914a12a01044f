// npm run backup -- <file>   /   npm run restore -- <file> [DATA_DIR]
// Embedded mode only (stop the server first); for a PostgreSQL server use pg_dump/pg_restore (docs/OPERATIONS.md).
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
if (mode === 'backup') {
  const bytes = await backupPglite(dataDir, file);
  console.log(`备份完成 / backup written: ${file} (${(bytes / 1048576).toFixed(1)} MB) from ${dataDir}`);
} else {
  await restorePglite(file, dataDir);
  console.log(`恢复完成 / restored ${file} into ${dataDir}`);
}
