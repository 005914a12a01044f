import { Form, InputNumber } from 'antd';
import { STAT_FIELDS } from '../constants';

export const STATS_FIELD_NAMES = STAT_FIELDS.map((f) => f.key);

/** The Torch-style annual statistics items; consistency is checked by the server on the fields. */
export function StatsFormFields({ previous }: { previous?: Record<string, number> | null }) {
  return (
    <>
      {STAT_FIELDS.map((f) => (
        <Form.Item key={f.key} name={f.key} label={f.label} rules={[{ required: true, message: `请填写${f.label}` }]} extra={previous ? `上年：${previous[f.key].toLocaleString('zh-CN')}` : undefined}>
          <InputNumber min={0} precision={'money' in f ? 2 : 0} style={{ width: '100%' }} />
        </Form.Item>
      ))}
    </>
  );
}
