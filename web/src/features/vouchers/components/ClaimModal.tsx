import { App, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { FormModal } from '../../../components/FormModal';
import { useSubmitClaim } from '../api/submit-claim';
import { useStagedFiles, type ClaimFileKind } from '../api/claim-files';
import type { ListBookingsResult } from '../api/list-bookings';
import { MoneyInput } from '../../../components/MoneyInput';
import { useI18n, useMessages } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';
import { vouchersMessages } from '../messages';
import { ClaimFiles } from './ClaimFiles';

type Booking = ListBookingsResult['items'][number];

interface Values {
  contractNo: string;
  evidenceRef: string;
  paidAmount?: number;
}

/** 通兑: the provider claims with the contract and the holder's acceptance; 通用: the holder claims its reimbursement with the invoice. Both attach the acceptance report and the invoice. */
export function ClaimModal(props: { open: boolean; onClose: () => void; booking: Booking | null; mode: 'tongdui' | 'tongyong' }) {
  const t = useMessages(vouchersMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const claim = useSubmitClaim();
  const b = props.booking;
  const staged = useStagedFiles(props.open && b ? b.id : undefined);
  const [fileErrors, setFileErrors] = useState<Partial<Record<ClaimFileKind, string>>>({});
  const submit = async (v: Values) => {
    try {
      await claim.mutateAsync({ bookingId: b!.id, mode: props.mode, contractNo: v.contractNo, evidenceRef: v.evidenceRef, ...(props.mode === 'tongyong' ? { paidAmount: v.paidAmount } : {}) });
    } catch (err) {
      // a missing or refused file is said at its upload (the other fields' messages land on them)
      const files = err instanceof ApiError ? err.fields.filter((f) => f.field.startsWith('files.')) : [];
      setFileErrors(Object.fromEntries(files.map((f) => [f.field.slice('files.'.length), f.message])));
      throw err;
    }
    void message.success(t('vouchers.claim.submitted'));
    setFileErrors({});
  };
  const close = () => {
    setFileErrors({});
    props.onClose();
  };
  return (
    <FormModal<Values>
      title={t(props.mode === 'tongdui' ? 'vouchers.claim.titleTongdui' : 'vouchers.claim.titleTongyong')}
      open={props.open}
      onClose={close}
      onSubmit={submit}
      okText={t('vouchers.claim.submit')}
      width={600}
      initialValues={{ paidAmount: b?.contractAmount }}
    >
      {b ? (
        <p>
          {b.holderName} · {b.providerName}
          {b.serviceName ? ` · ${b.serviceName}` : ''}{t('vouchers.claim.frozen', { amount: formatMoney(b.amount, 'yuan', lang), contract: formatMoney(b.contractAmount, 'yuan', lang) })}
          {b.serviceStart ? t('vouchers.claim.period', { start: b.serviceStart, end: b.serviceEnd ?? '' }) : ''}
        </p>
      ) : null}
      <Form.Item name="contractNo" label={t('vouchers.claims.contractNo')} rules={[{ required: true, message: t('vouchers.claim.contractNoRequired') }]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="evidenceRef" label={t(props.mode === 'tongdui' ? 'vouchers.claims.acceptanceNo' : 'vouchers.claims.invoiceNo')} rules={[{ required: true, message: t('vouchers.claim.required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      {props.mode === 'tongyong' ? (
        <Form.Item name="paidAmount" label={t('vouchers.claim.paidAmount')} rules={[{ required: true, message: t('vouchers.claim.paidAmountRequired') }]}>
          <MoneyInput min={0.01} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
      <Typography.Text strong>{t('vouchers.claim.files')}</Typography.Text>
      <div style={{ marginTop: 8 }}>{b ? <ClaimFiles bookingId={b.id} files={staged.data?.items ?? []} errors={fileErrors} /> : null}</div>
    </FormModal>
  );
}
