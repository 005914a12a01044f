import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useSubmitClaim } from '../api/submit-claim';
import { useStagedFiles, type ClaimFileKind } from '../api/claim-files';
import type { ListBookingsResult } from '../api/list-bookings';
import { MoneyInput } from '../../../components/MoneyInput';
import { formatMoney } from '../../../lib/money';
import { ClaimFiles } from './ClaimFiles';

type Booking = ListBookingsResult['items'][number];

interface Values {
  contractNo: string;
  evidenceRef: string;
  paidAmount?: number;
}

/** 通兑: the provider claims with the contract and the holder's acceptance; 通用: the holder claims its reimbursement with the invoice. Both attach the acceptance report and the invoice. */
export function ClaimModal(props: { open: boolean; onClose: () => void; booking: Booking | null; mode: 'tongdui' | 'tongyong' }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const claim = useSubmitClaim();
  const b = props.booking;
  const staged = useStagedFiles(props.open && b ? b.id : undefined);
  const [fileErrors, setFileErrors] = useState<Partial<Record<ClaimFileKind, string>>>({});
  const submit = async (v: Values) => {
    if (!b) {
      return;
    }
    try {
      await claim.mutateAsync({ bookingId: b.id, mode: props.mode, contractNo: v.contractNo, evidenceRef: v.evidenceRef, ...(props.mode === 'tongyong' ? { paidAmount: v.paidAmount } : {}) });
      void message.success('兑付申请已提交，等待市科委审核');
      setFileErrors({});
      props.onClose();
    } catch (err) {
      const files = err instanceof ApiError ? err.fields.filter((f) => f.field.startsWith('files.')) : [];
      setFileErrors(Object.fromEntries(files.map((f) => [f.field.slice('files.'.length), f.message])));
      if (!applyFieldErrors(form, err, ['contractNo', 'evidenceRef', 'paidAmount']).length || files.length) {
        void message.error(errorMessage(err));
      }
    }
  };
  return (
    <Modal title={props.mode === 'tongdui' ? '申请兑付（通兑）' : '申请报销（通用）'} open={props.open} onCancel={props.onClose} onOk={() => form.submit()} okText="提交申请" confirmLoading={claim.isPending} width={600} destroyOnHidden>
      {b ? (
        <p>
          {b.holderName} · {b.providerName}
          {b.serviceName ? ` · ${b.serviceName}` : ''} · 冻结 {formatMoney(b.amount)}（合同 {formatMoney(b.contractAmount)}）
          {b.serviceStart ? ` · 服务期 ${b.serviceStart} 至 ${b.serviceEnd}` : ''}
        </p>
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ paidAmount: b?.contractAmount }}>
        <Form.Item name="contractNo" label="服务合同编号" rules={[{ required: true, message: '请填写合同编号' }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="evidenceRef" label={props.mode === 'tongdui' ? '用户验收单编号' : '全额付款发票号码'} rules={[{ required: true, message: '请填写' }]}>
          <Input maxLength={200} />
        </Form.Item>
        {props.mode === 'tongyong' ? (
          <Form.Item name="paidAmount" label="已全额支付金额（元）" rules={[{ required: true, message: '请填写已付金额' }]}>
            <MoneyInput min={0.01} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
      </Form>
      <Typography.Text strong>兑付材料（市科委审核时查看）</Typography.Text>
      <div style={{ marginTop: 8 }}>{b ? <ClaimFiles bookingId={b.id} files={staged.data?.items ?? []} errors={fileErrors} /> : null}</div>
    </Modal>
  );
}
