import dayjs, { type Dayjs } from 'dayjs';

/**
 * The server's business clock (GET /api/clock; the demo runs at a business date in 2016, see
 * docs/decisions/0004-demo-business-date.md): milliseconds it is ahead of this browser's clock,
 * 0 until loaded or when the server cannot be reached.
 */
let offset = 0;

/** Reads the business clock once, before the first render. */
export async function loadBusinessClock(): Promise<void> {
  try {
    const res = await fetch('/api/clock', { credentials: 'same-origin' });
    if (res.ok) {
      const body = (await res.json()) as { now: string };
      offset = Date.parse(body.now) - Date.now();
    }
  } catch {
    // no server answer: the browser's clock
  }
}

/** The business "now" (defaults of business dates and years in forms), running with the browser's clock. */
export function businessDayjs(): Dayjs {
  return dayjs(Date.now() + offset);
}
