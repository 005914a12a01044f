import { useI18n } from '../lib/i18n';
import { formatMoney, type MoneyUnit } from '../lib/money';

/**
 * An amount on one line with thousands separators ("11,500.00 元"); in 万元 the exact yuan
 * figure is the tooltip. Digits are tabular so columns of amounts line up.
 */
export function Money({ value, unit = 'yuan' }: { value: number | null | undefined; unit?: MoneyUnit }) {
  const { lang } = useI18n();
  return (
    <span className="money" title={unit === 'wan' && value !== null && value !== undefined ? formatMoney(value, 'yuan', lang) : undefined}>
      {formatMoney(value, unit, lang)}
    </span>
  );
}

/** A table column's render for a yuan amount. */
export const renderMoney = (v: number | null | undefined) => <Money value={v} />;
/** A table column's render for a large amount in 万元. */
export const renderWan = (v: number | null | undefined) => <Money value={v} unit="wan" />;
