import { App, Form, Modal, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useCreateBooking, type CreateBookingInput } from '../api/create-booking';
import type { ListProvidersResult } from '../api/list-providers';
import type { ListPoliciesResult } from '../api/list-policies';
import { CATEGORY_OPTIONS, newIdempotencyKey } from '../constants';
import { formatMoney } from '../../../lib/money';
import { MoneyInput } from '../../../components/Money';

type Provider = ListProvidersResult['items'][number];
type Policy = ListPoliciesResult['items'][number];

interface Values {
  serviceCategory: CreateBookingInput['serviceCategory'];
  contractAmount: number;
  amount: number;
}

/** Books a provider's service: freezes the voucher part (≤ coverage ratio × contract amount). */
export function BookServiceModal(props: { open: boolean; onClose: () => void; holderId: number; policy: Policy; provider: Provider | null }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const booking = useCreateBooking();
  // One key per opened form: a double submit or a retry is the same booking.
  const key = useMemo(() => (props.open ? newIdempotencyKey() : ''), [props.open]);
  const contract = Form.useWatch('contractAmount', form) ?? 0;
  const max = Math.floor(contract * props.policy.coverageRatio * 100) / 100;
  const categories = CATEGORY_OPTIONS.filter((c) => props.provider?.categories.includes(c.value) && props.policy.categories.includes(c.value));

  const submit = async (v: Values) => {
    if (!props.provider) {
      return;
    }
    try {
      const b = await booking.mutateAsync({ key, body: { holderId: props.holderId, policyId: props.policy.id, providerId: props.provider.id, ...v } });
      void message.success(`预约成功，已冻结 ${formatMoney(b.amount)}`);
      form.resetFields();
      props.onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, ['serviceCategory', 'contractAmount', 'amount']).length) {
        void message.error(errorMessage(err));
      }
    }
  };

  return (
    <Modal title={`预约服务：${props.provider?.name ?? ''}`} open={props.open} onCancel={props.onClose} onOk={() => form.submit()} okText="确认预约并冻结" confirmLoading={booking.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ serviceCategory: categories[0]?.value }}>
        <Form.Item name="serviceCategory" label="服务类别" rules={[{ required: true, message: '请选择服务类别' }]}>
          <Select options={categories.map((c) => ({ value: c.value, label: c.label }))} />
        </Form.Item>
        <Form.Item name="contractAmount" label="服务合同金额（元）" rules={[{ required: true, message: '请填写合同金额' }]}>
          <MoneyInput min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="amount"
          label="使用创新券金额（元）"
          extra={`不超过合同金额的 ${props.policy.coverageRatio * 100}%（最多 ${formatMoney(max)}）`}
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
