import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useMessages } from '../../../lib/i18n';
import type { AuditFilters } from '../hooks/use-audit-filters';
import { objectTypeOptions } from '../labels';
import { auditMessages } from '../messages';

interface Values {
  objectType?: string;
  objectId?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}


export function AuditFilterBar({ filters, onSearch }: { filters: AuditFilters; onSearch: (f: AuditFilters) => void }) {
  const t = useMessages(auditMessages);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    form.setFieldsValue({
      objectType: filters.objectType,
      objectId: filters.objectId,
      actor: filters.actor,
      range: filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null,
    });
  }, [filters, form]);

  const onFinish = (v: Values) =>
    onSearch({
      objectType: v.objectType?.trim() || undefined,
      objectId: v.objectId?.trim() || undefined,
      actor: v.actor?.trim() || undefined,
      from: v.range?.[0]?.toISOString(),
      to: v.range?.[1]?.toISOString(),
    });

  return (
    <Form<Values> form={form} layout="inline" onFinish={onFinish} role="search" style={{ rowGap: 12 }}>
      <Form.Item name="objectType" label={t('audit.objectType')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 170 }} options={objectTypeOptions(t)} />
      </Form.Item>
      <Form.Item name="objectId" label={t('audit.objectId')}>
        <Input allowClear style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input allowClear style={{ width: 130 }} placeholder={t('audit.actorPlaceholder')} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.time')}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} style={{ width: 330 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
