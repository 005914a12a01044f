import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { recognitionFlows, type RecognitionType } from '../../db/schema/index.js';
import { addDays } from '../calendar/index.js';

/** The columns of a recognition that decide when it counts as valid. */
export interface FlowSubject {
  type: RecognitionType;
  districtId: number;
  issuedOn: string;
  validUntil: string | null;
  revokedOn: string | null;
}

/** The first day the recognition is no longer valid (the day after validUntil, or revokedOn), or null. */
export function endOf(r: FlowSubject): string | null {
  const afterValidity = r.validUntil ? addDays(r.validUntil, 1) : null;
  if (afterValidity && r.revokedOn) {
    return afterValidity < r.revokedOn ? afterValidity : r.revokedOn;
  }
  return afterValidity ?? r.revokedOn;
}

const yearOf = (d: string) => Number(d.slice(0, 4));

/**
 * Adds (sign 1) or removes (sign −1) recognitions from the recognition_flows rollup, in the
 * caller's transaction: a start in the issue year, an end in the year of endOf(). Every write
 * to recognitions goes through here (issue: +1; revoke: −1 old, +1 new).
 */
export async function applyFlows(tx: Executor, subjects: FlowSubject[], sign: 1 | -1): Promise<void> {
  const delta = new Map<string, { type: RecognitionType; districtId: number; year: number; starts: number; ends: number }>();
  const bump = (type: RecognitionType, districtId: number, year: number, field: 'starts' | 'ends') => {
    const key = `${type}|${districtId}|${year}`;
    const cur = delta.get(key) ?? { type, districtId, year, starts: 0, ends: 0 };
    cur[field] += sign;
    delta.set(key, cur);
  };
  for (const r of subjects) {
    bump(r.type, r.districtId, yearOf(r.issuedOn), 'starts');
    const end = endOf(r);
    if (end) {
      bump(r.type, r.districtId, yearOf(end), 'ends');
    }
  }
  const values = [...delta.values()];
  for (let i = 0; i < values.length; i += 1000) {
    await tx
      .insert(recognitionFlows)
      .values(values.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [recognitionFlows.type, recognitionFlows.districtId, recognitionFlows.year],
        set: {
          starts: sql`${recognitionFlows.starts} + excluded.starts`,
          ends: sql`${recognitionFlows.ends} + excluded.ends`,
        },
      });
  }
}
