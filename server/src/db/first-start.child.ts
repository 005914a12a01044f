// The child process of prepareEmbeddedDatabase (first-start.ts): creates the embedded database in
// DATA_DIR, applies the migrations, loads the demo data when DEMO_DATA is on, closes the database
// cleanly and reports what it loaded to the parent.
import { loadEnv } from '../config/env.js';
import { loadPiiKey } from '../config/pii-key.js';
import { PiiCipher } from '../lib/pii.js';
import { openDatabase } from './client.js';
import type { FirstStartResult } from './first-start.js';
import { isEmpty, seedDemo } from './seed/demo.js';

async function run(): Promise<FirstStartResult> {
  const env = loadEnv();
  const database = await openDatabase({ dataDir: env.DATA_DIR });
  try {
    await database.migrate();
    if (!env.DEMO_DATA || !(await isEmpty(database.db))) {
      return { seeded: null };
    }
    const pii = new PiiCipher(loadPiiKey(env).key);
    return { seeded: await seedDemo({ db: database.db, pii, password: env.DEMO_PASSWORD }) };
  } finally {
    await database.close();
  }
}

run().then(
  (result) => process.send!(result, () => process.exit(0)),
  (err: unknown) => {
    console.error('首次启动建库失败 / first-start database setup failed:', err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
