import { z } from 'zod';
import { AppError } from './errors.js';

export const limitSchema = z.coerce.number().int().min(1).max(500).default(20);

/** Keyset cursor: the sort value and id of the last row, base64url JSON. */
export function encodeCursor(value: string | number | null, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { value: string | number | null; id: number } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number' || parsed[0] === null) &&
      Number.isSafeInteger(parsed[1])
    ) {
      return { value: parsed[0] as string | number | null, id: parsed[1] as number };
    }
  } catch {
    // fall through
  }
  throw new AppError('bad_cursor', '分页游标无效', { fields: [{ field: 'cursor', message: '分页游标无效' }] });
}

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
