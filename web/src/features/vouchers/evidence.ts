import { translateFrom, type Lang } from '../../lib/i18n';
import { formatMoney } from '../../lib/money';
import { vouchersMessages } from './messages';

type Key = keyof typeof vouchersMessages;
type Format = (v: unknown, say: (key: Key, vars?: Record<string, string | number>) => string, lang: Lang) => string | null;

const money: Format = (v, _say, lang) => (typeof v === 'number' ? formatMoney(v, 'yuan', lang) : null);
const text: Format = (v, say) => (v === null || v === undefined || v === '' ? null : Array.isArray(v) ? v.map(String).join(say('vouchers.evidence.listSeparator')) : String(v));
const percent: Format = (v) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : null);
const count = (key: Key): Format => (v, say) => (Array.isArray(v) ? say(key, { n: v.length }) : typeof v === 'number' ? say(key, { n: v }) : null);

/** The evidence fields of the fraud signals, in words; ids of records are left out (the row names the parties). */
const FIELDS: Record<string, [Key, Format] | null> = {
  bookingId: ['vouchers.evidence.bookingId', text],
  bookedOn: ['vouchers.evidence.bookedOn', text],
  validUntil: ['vouchers.evidence.validUntil', text],
  daysLeft: ['vouchers.evidence.daysLeft', (v, say) => (typeof v === 'number' ? say('vouchers.evidence.days', { n: v }) : null)],
  amount: ['vouchers.evidence.amount', money],
  bookings: ['vouchers.evidence.bookings', count('vouchers.evidence.times')],
  lastAmount: ['vouchers.evidence.lastAmount', money],
  maxAllowed: ['vouchers.evidence.maxAllowed', money],
  shared: ['vouchers.evidence.shared', text],
  shareBp: ['vouchers.evidence.shareBp', (v) => (typeof v === 'number' ? `${(v / 100).toFixed(2)}%` : null)],
  shareholder: null,
  investee: null,
  claims: ['vouchers.evidence.claims', text],
  redeemed: ['vouchers.evidence.redeemed', money],
  topHolders: ['vouchers.evidence.topHolders', (v, say) => (Array.isArray(v) ? say('vouchers.evidence.firms', { n: v.length }) : null)],
  topShare: ['vouchers.evidence.topShare', percent],
};

/** {"shareBp":3500,"investee":"19"} → "持股比例 35.00%". Unknown fields keep their value, never a raw JSON blob. */
export function describeEvidence(evidence: Record<string, unknown>, lang: Lang = 'zh-CN'): string {
  const say = (key: Key, vars?: Record<string, string | number>) => translateFrom(vouchersMessages, lang, key, vars);
  return Object.entries(evidence)
    .map(([key, value]) => {
      const field = FIELDS[key];
      if (field === null) {
        return null;
      }
      if (!field) {
        const shown = text(value, say, lang);
        return shown ? `${key} ${shown}` : null;
      }
      const shown = field[1](value, say, lang);
      return shown === null ? null : `${say(field[0])} ${shown}`;
    })
    .filter((x): x is string => x !== null)
    .join(say('vouchers.evidence.separator'));
}
