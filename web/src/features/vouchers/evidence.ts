import { formatMoney } from '../../lib/money';

type Format = (v: unknown) => string | null;

const money: Format = (v) => (typeof v === 'number' ? formatMoney(v) : null);
const text: Format = (v) => (v === null || v === undefined || v === '' ? null : Array.isArray(v) ? v.map(String).join('、') : String(v));
const percent: Format = (v) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : null);

/** The evidence fields of the fraud signals, in words; ids of records are left out (the row names the parties). */
const FIELDS: Record<string, [string, Format] | null> = {
  bookingId: ['预约号', text],
  bookedOn: ['预约日期', text],
  validUntil: ['创新券有效期至', text],
  daysLeft: ['距到期', (v) => (typeof v === 'number' ? `${v} 天` : null)],
  amount: ['金额', money],
  bookings: ['同额预约', (v) => (Array.isArray(v) ? `${v.length} 次` : typeof v === 'number' ? `${v} 次` : null)],
  lastAmount: ['最近一次金额', money],
  maxAllowed: ['可用上限', money],
  shared: ['共同点', text],
  shareBp: ['持股比例', (v) => (typeof v === 'number' ? `${(v / 100).toFixed(2)}%` : null)],
  shareholder: null,
  investee: null,
  claims: ['兑付笔数', text],
  redeemed: ['兑付金额', money],
  topHolders: ['前几名持有人', (v) => (Array.isArray(v) ? `${v.length} 家` : null)],
  topShare: ['前几名占比', percent],
};

/** {"shareBp":3500,"investee":"19"} → "持股比例 35.00%". Unknown fields keep their value, never a raw JSON blob. */
export function describeEvidence(evidence: Record<string, unknown>): string {
  return Object.entries(evidence)
    .map(([key, value]) => {
      const field = FIELDS[key];
      if (field === null) {
        return null;
      }
      if (!field) {
        return text(value) ? `${key} ${text(value)}` : null;
      }
      const shown = field[1](value);
      return shown === null ? null : `${field[0]} ${shown}`;
    })
    .filter((x): x is string => x !== null)
    .join('；');
}
