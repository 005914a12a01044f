import { App, DatePicker, Form, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useCreateBooking, type CreateBookingInput } from '../api/create-booking';
import { useProvider } from '../api/get-provider';
import type { ListProvidersResult } from '../api/list-providers';
import type { ListPoliciesResult } from '../api/list-policies';
import { newIdempotencyKey, useVoucherLabels } from '../constants';
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
  const { categoryLabel } = useVoucherLabels();
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
      void message.success(`预约成功，已冻结 ${formatMoney(b.amount)}`);
      form.resetFields();
      props.onClose();
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, ['serviceId', 'contractAmount', 'amount']);
      const dates = unplaced.filter((f) => f.field === 'serviceStart' || f.field === 'serviceEnd');
      form.setFields(dates.length ? [{ name: 'period', errors: dates.map((f) => f.message) }] : []);
      if (unplaced.length === dates.length) {
        void message.error(errorMessage(err));
      }
    }
  };

  return (
    <Modal title={`预约服务：${props.provider?.name ?? ''}`} open={props.open} onCancel={props.onClose} onOk={() => form.submit()} okText="确认预约并冻结" confirmLoading={booking.isPending} width={600} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="serviceId" label="服务项目（服务目录）" rules={[{ required: true, message: '请从服务目录中选择服务项目' }]} extra={detail.data && services.length === 0 ? '该机构没有本政策支持类别的服务项目' : undefined}>
          <Select
            loading={detail.isLoading}
            placeholder="选择服务项目"
            options={services.map((s) => ({ value: s.id, label: `${s.name}（${categoryLabel(s.category)}，参考价 ${formatMoney(s.price)}/${s.unit}）` }))}
            onChange={(id: number) => {
              const s = services.find((x) => x.id === id);
              if (s && !form.getFieldValue('contractAmount')) {
                form.setFieldsValue({ contractAmount: s.price });
              }
            }}
          />
        </Form.Item>
        <Form.Item name="period" label="服务期（开始至完成）" extra={`须在创新券有效期（${props.policy.validUntil}）内完成`} rules={[{ required: true, message: '请选择服务开始和完成日期' }]}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            placeholder={['服务开始日期', '服务完成日期']}
            disabledDate={(d) => d.isBefore(today, 'day') || d.isAfter(props.policy.validUntil, 'day')}
          />
        </Form.Item>
        <Form.Item name="contractAmount" label="服务合同金额（元）" rules={[{ required: true, message: '请填写合同金额' }]}>
          <MoneyInput min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="amount"
          label="使用创新券金额（元）"
          extra={`不超过合同金额的 ${props.policy.coverageRatio * 100}%（最多 ${formatMoney(max)}），且不超过可用余额`}
          dependencies={['contractAmount']}
          rules={[
            { required: true, message: '请填写使用金额' },
            // Said, never silently cut: a clamped input turned 12,000 into 10,000 without a word.
            { validator: (_, v: number | undefined) => (v === undefined || v === null || !contract || v <= max ? Promise.resolve() : Promise.reject(new Error(`超过上限：合同金额 ${formatMoney(contract)} 的 ${props.policy.coverageRatio * 100}% 为 ${formatMoney(max)}`))) },
          ]}
        >
          <MoneyInput min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Typography.Text type="secondary">预约后该金额从可用余额转为冻结；服务完成并经市科委审核兑付后计入“已兑付”，取消预约则退回可用余额。</Typography.Text>
      </Form>
    </Modal>
  );
}
