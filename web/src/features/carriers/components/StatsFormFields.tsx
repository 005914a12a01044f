import { Form, InputNumber } from 'antd';
import { MoneyInput } from '../../../components/MoneyInput';
import { formatMoney } from '../../../lib/money';
import { STAT_FIELDS } from '../constants';
import { carriersMessages } from '../messages';
import { useI18n, useMessages } from '../../../lib/i18n';

export const STATS_FIELD_NAMES = STAT_FIELDS.map((f) => f.key);

/** The Torch-style annual statistics items; consistency is checked by the server on the fields. */
export function StatsFormFields({ previous }: { previous?: Record<string, number> | null }) {
  const t = useMessages(carriersMessages);
  const { lang } = useI18n();
  return (
    <>
      {STAT_FIELDS.map((f) => (
        <Form.Item
          key={f.key}
          name={f.key}
          label={t(f.label)}
          rules={[{ required: true, message: t('carriers.stats.required', { label: t(f.label) }) }]}
          extra={previous ? t('carriers.stats.lastYear', { v0: 'money' in f ? formatMoney(previous[f.key], 'yuan', lang) : previous[f.key].toLocaleString(lang) }) : undefined}
        >
          {'money' in f ? <MoneyInput style={{ width: '100%' }} /> : <InputNumber min={0} precision={0} style={{ width: '100%' }} />}
        </Form.Item>
      ))}
    </>
  );
}
