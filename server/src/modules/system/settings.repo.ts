import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { systemSettings } from '../../db/schema/system.js';

export async function readSetting<T>(db: Executor, key: string): Promise<T | null> {
  const [row] = await db.select({ value: systemSettings.value }).from(systemSettings).where(eq(systemSettings.key, key));
  return row ? (row.value as T) : null;
}

export async function writeSetting(db: Executor, key: string, value: unknown): Promise<void> {
  await db
    .insert(systemSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: systemSettings.key, set: { value, updatedAt: new Date() } });
}
