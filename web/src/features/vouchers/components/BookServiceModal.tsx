import { App, DatePicker, Form, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { FormModal } from '../../../components/FormModal';
import { ApiError } from '../../../lib/api';
import { useCreateBooking, type CreateBookingInput } from '../api/create-booking';
import { useProvider } from '../api/get-provider';
import type { ListProvidersResult } from '../api/list-providers';
import type { ListPoliciesResult } from '../api/list-policies';
import { newIdempotencyKey } from '../constants';
import { useMessages } from '../../../lib/i18n';
import { vouchersMessages } from '../messages';
import { formatMoney } from '../../../lib/money';
import { businessDayjs } from '../../../lib/business-clock';
import { MoneyInput } from '../../../components/MoneyInput';

type Provider = ListProvidersResult['items'][number];
type Policy = ListPoliciesResult['items'][number];

interface Values {
  serviceId: number;
  period: [Dayjs, Dayjs];
  contractAmount: number;
  amount: number;
}

/** Books a service of the provider's catalogue with its dates: freezes the voucher part (≤ coverage ratio × contract amount). */
export function BookServiceModal(props: { open: boolean; onClose: () => void; holderId: number; policy: Policy; provider: Provider | null }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const t = useMessages(vouchersMessages);
  const booking = useCreateBooking();
  const detail = useProvider(props.open ? props.provider?.id : undefined);
  // One key per opened form: a double submit or a retry is the same booking.
  const key = useMemo(() => (props.open ? newIdempotencyKey() : ''), [props.open]);
  const contract = Form.useWatch('contractAmount', form) ?? 0;
  const max = Math.floor(contract * props.policy.coverageRatio * 100) / 100;
  const services = (detail.data?.services ?? []).filter((s) => props.policy.categories.includes(s.category));
  const today = businessDayjs().startOf('day');

  const submit = async (v: Values) => {
    const service = services.find((s) => s.id === v.serviceId);
    if (!props.provider || !service) {
      return;
    }
    try {
      const b = await booking.mutateAsync({
        key,
        body: {
          holderId: props.holderId,
          policyId: props.policy.id,
          providerId: props.provider.id,
          serviceId: service.id,
          serviceCategory: service.category as CreateBookingInput['serviceCategory'],
          serviceStart: v.period[0].format('YYYY-MM-DD'),
          serviceEnd: v.period[1].format('YYYY-MM-DD'),
          contractAmount: v.contractAmount,
          amount: v.amount,
        },
      });
      void message.success(t('vouchers.book.done', { amount: formatMoney(b.amount) }));
    } catch (err) {
      // the API names the service dates one by one; the form has them in one range picker
      throw err instanceof ApiError ? new ApiError(err.status, err.code, err.message, { fields: err.fields.map((f) => (f.field === 'serviceStart' || f.field === 'serviceEnd' ? { ...f, field: 'period' } : f)) }) : err;
    }
  };

  return (
    <FormModal<Values> form={form} title={t('vouchers.book.title', { provider: props.provider?.name ?? '' })} open={props.open} onClose={props.onClose} onSubmit={submit} okText={t('vouchers.book.ok')} width={600}>
      <Form.Item name="serviceId" label={t('vouchers.book.service')} rules={[{ required: true, message: t('vouchers.book.serviceRequired') }]} extra={detail.data && services.length === 0 ? t('vouchers.book.noService') : undefined}>
        <Select
          loading={detail.isLoading}
          placeholder={t('vouchers.book.pickService')}
          options={services.map((s) => ({ value: s.id, label: t('vouchers.book.serviceOption', { name: s.name, category: s.categoryName, price: formatMoney(s.price), unit: s.unit }) }))}
          onChange={(id: number) => {
            const s = services.find((x) => x.id === id);
            if (s && !form.getFieldValue('contractAmount')) {
              form.setFieldsValue({ contractAmount: s.price });
            }
          }}
        />
      </Form.Item>
      <Form.Item name="period" label={t('vouchers.book.period')} extra={t('vouchers.book.periodHint', { validUntil: props.policy.validUntil })} rules={[{ required: true, message: t('vouchers.book.periodRequired') }]}>
        <DatePicker.RangePicker
          style={{ width: '100%' }}
          placeholder={[t('vouchers.book.start'), t('vouchers.book.end')]}
          disabledDate={(d) => d.isBefore(today, 'day') || d.isAfter(props.policy.validUntil, 'day')}
        />
      </Form.Item>
      <Form.Item name="contractAmount" label={t('vouchers.book.contractAmount')} rules={[{ required: true, message: t('vouchers.book.contractRequired') }]}>
        <MoneyInput min={0.01} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('vouchers.book.amount')}
        extra={t('vouchers.book.amountHint', { ratio: props.policy.coverageRatio * 100, max: formatMoney(max) })}
        dependencies={['contractAmount']}
        rules={[
          { required: true, message: t('vouchers.book.amountRequired') },
          // Said, never silently cut: a clamped input turned 12,000 into 10,000 without a word.
          { validator: (_, v: number | undefined) => (v === undefined || v === null || !contract || v <= max ? Promise.resolve() : Promise.reject(new Error(t('vouchers.book.overLimit', { contract: formatMoney(contract), ratio: props.policy.coverageRatio * 100, max: formatMoney(max) })))) },
        ]}
      >
        <MoneyInput min={0.01} style={{ width: '100%' }} />
      </Form.Item>
      <Typography.Text type="secondary">{t('vouchers.book.note')}</Typography.Text>
    </FormModal>
  );
}
