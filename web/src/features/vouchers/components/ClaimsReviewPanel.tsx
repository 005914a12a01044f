import { Alert, App, Button, Descriptions, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { Money, renderMoney } from '../../../components/Money';
import { DataTable } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { StatusTag } from '../../../components/StatusTag';
import { useI18n, useMessages } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';
import { useApproveClaim } from '../api/approve-claim';
import { useClaims, type ListClaimsResult } from '../api/list-claims';
import { useRejectClaim } from '../api/reject-claim';
import { useReverseClaim } from '../api/reverse-claim';
import { useClaimFiles } from '../api/claim-files';
import { vouchersMessages } from '../messages';
import { ClaimFiles } from './ClaimFiles';

type Claim = ListClaimsResult['items'][number];
type Decision = 'approve' | 'reject' | 'reverse';

type VouchersKey = keyof typeof vouchersMessages;
const DECISION: Record<Decision, { title: VouchersKey; ok: VouchersKey; done: VouchersKey; danger: boolean; what: (c: Claim) => VouchersKey }> = {
  approve: {
    title: 'vouchers.claims.approve.title',
    ok: 'vouchers.claims.approve.ok',
    done: 'vouchers.claims.approve.done',
    danger: false,
    what: (c) => (c.mode === 'tongdui' ? 'vouchers.claims.approve.whatProvider' : 'vouchers.claims.approve.whatHolder'),
  },
  reject: { title: 'vouchers.claims.reject.title', ok: 'vouchers.claims.reject.ok', done: 'vouchers.claims.reject.done', danger: true, what: () => 'vouchers.claims.reject.what' },
  reverse: { title: 'vouchers.claims.reverse.title', ok: 'vouchers.claims.reverse.ok', done: 'vouchers.claims.reverse.done', danger: true, what: () => 'vouchers.claims.reverse.what' },
};

/** The decision on one claim: what will happen, the evidence in view, the officer's opinion (required to refuse). */
function DecisionModal({ target, onClose }: { target: { claim: Claim; decision: Decision } | null; onClose: () => void }) {
  const t = useMessages(vouchersMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const approve = useApproveClaim();
  const reject = useRejectClaim();
  const reverse = useReverseClaim();
  const [form] = Form.useForm<{ note?: string }>();
  const note: string = Form.useWatch('note', form) ?? '';
  const files = useClaimFiles(target?.claim.id);
  const d = target ? DECISION[target.decision] : null;
  const needsNote = target?.decision !== 'approve';
  const submit = async (v: { note?: string }) => {
    const { claim, decision } = target!;
    const text = (v.note ?? '').trim();
    if (decision === 'approve') {
      await approve.mutateAsync({ id: claim.id, body: text ? { note: text } : {} });
    } else {
      await (decision === 'reject' ? reject : reverse).mutateAsync({ id: claim.id, body: { note: text } });
    }
    void message.success(t(DECISION[decision].done));
  };
  const c = target?.claim;
  return (
    <FormModal<{ note?: string }>
      form={form}
      title={d ? t(d.title) : undefined}
      open={target !== null}
      onClose={onClose}
      onSubmit={submit}
      okText={d ? t(d.ok) : undefined}
      okButtonProps={{ danger: d?.danger, disabled: needsNote && note.trim().length < 2 }}
      width={640}
    >
      {c && d ? (
        <>
          <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }} data-testid="claim-evidence">
            <Descriptions.Item label={t('vouchers.claimId')}>{c.id}</Descriptions.Item>
            <Descriptions.Item label={t('vouchers.claims.redeemAmount')}>
              <Money value={c.amount} />
            </Descriptions.Item>
            <Descriptions.Item label={t('vouchers.holder')}>{c.holderName}</Descriptions.Item>
            <Descriptions.Item label={t('vouchers.provider')}>{c.providerName}</Descriptions.Item>
            <Descriptions.Item label={t('vouchers.service')}>
              {t('vouchers.claims.serviceValue', { service: c.serviceName ?? t('vouchers.claims.noService'), category: c.serviceCategoryName })}
            </Descriptions.Item>
            <Descriptions.Item label={t('vouchers.servicePeriod')}>{c.serviceStart ? t('vouchers.servicePeriodValue', { start: c.serviceStart, end: c.serviceEnd ?? '' }) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('vouchers.claims.mode')}>{c.modeName}</Descriptions.Item>
            <Descriptions.Item label={t('vouchers.claims.contractNo')}>{c.contractNo}</Descriptions.Item>
            <Descriptions.Item label={t(c.mode === 'tongdui' ? 'vouchers.claims.acceptanceNo' : 'vouchers.claims.invoiceNo')}>{c.evidenceRef}</Descriptions.Item>
            <Descriptions.Item label={t('vouchers.claims.submittedOn')}>{c.submittedOn}</Descriptions.Item>
            <Descriptions.Item label={t('vouchers.bookingId')}>{c.bookingId}</Descriptions.Item>
          </Descriptions>
          <div style={{ marginBottom: 12 }}>
            <ClaimFiles files={files.data?.items ?? []} />
          </div>
          <Alert type={d.danger ? 'warning' : 'info'} showIcon title={t(d.what(c), { amount: formatMoney(c.amount, 'yuan', lang), party: c.mode === 'tongdui' ? c.providerName : c.holderName })} style={{ marginBottom: 12 }} />
          <Typography.Text strong>{t(needsNote ? 'vouchers.claims.reasonRequired' : 'vouchers.claims.noteOptional')}</Typography.Text>
          <Form.Item name="note" style={{ marginTop: 4, marginBottom: 20 }}>
            <Input.TextArea
              aria-label={t(needsNote ? 'vouchers.claims.reason' : 'vouchers.decisionNote')}
              placeholder={t(needsNote ? 'vouchers.claims.reasonPlaceholder' : 'vouchers.claims.notePlaceholder')}
              rows={3}
              maxLength={500}
              showCount
            />
          </Form.Item>
        </>
      ) : null}
    </FormModal>
  );
}

/** Claims awaiting the bureau's decision (and the decided ones, for reference). */
export function ClaimsReviewPanel({ canAct }: { canAct: boolean }) {
  const t = useMessages(vouchersMessages);
  const [status, setStatus] = useState<'submitted' | 'approved' | 'rejected' | 'reversed'>('submitted');
  const claims = useClaims({ limit: 100, status });
  const [target, setTarget] = useState<{ claim: Claim; decision: Decision } | null>(null);
  return (
    <>
      <DataTable<Claim>
        tableId="vouchers.claims"
        rowKey="id"
        query={claims}
        rows={claims.data?.items}
        filters={
          <Radio.Group value={status} onChange={(e) => setStatus(e.target.value as typeof status)} optionType="button">
            <Radio.Button value="submitted">{t('vouchers.claimStatus.submitted')}</Radio.Button>
            <Radio.Button value="approved">{t('vouchers.claimStatus.approved')}</Radio.Button>
            <Radio.Button value="rejected">{t('vouchers.claimStatus.rejected')}</Radio.Button>
            <Radio.Button value="reversed">{t('vouchers.claimStatus.reversed')}</Radio.Button>
          </Radio.Group>
        }
        pagination={{ pageSize: 15 }}
        columns={[
          { key: 'id', title: t('vouchers.claimId'), dataIndex: 'id', width: 80 },
          { key: 'holder', title: t('vouchers.holder'), dataIndex: 'holderName' },
          { key: 'provider', title: t('vouchers.provider'), dataIndex: 'providerName' },
          { key: 'category', title: t('vouchers.categoryShort'), dataIndex: 'serviceCategoryName', width: 90 },
          { key: 'mode', title: t('vouchers.mode'), dataIndex: 'modeName' },
          { key: 'contract', title: t('vouchers.claims.contractEvidence'), render: (_, c) => `${c.contractNo} / ${c.evidenceRef}` },
          { key: 'amount', title: t('vouchers.amount'), dataIndex: 'amount', render: renderMoney },
          { key: 'status', title: t('vouchers.status'), dataIndex: 'statusName', width: 80, render: (name: string, c) => <StatusTag status={c.status} name={name} /> },
          {
            key: 'actions',
            title: t('vouchers.actions'),
            width: 150,
            render: (_, c) =>
              canAct && c.status === 'submitted' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setTarget({ claim: c, decision: 'approve' })}>
                    {t('vouchers.claims.pass')}
                  </Button>
                  <Button size="small" danger onClick={() => setTarget({ claim: c, decision: 'reject' })}>
                    {t('vouchers.claims.rejectAction')}
                  </Button>
                </Space>
              ) : canAct && c.status === 'approved' && c.settlementId === null ? (
                <Button size="small" danger onClick={() => setTarget({ claim: c, decision: 'reverse' })}>
                  {t('vouchers.claims.reverseAction')}
                </Button>
              ) : null,
          },
        ]}
      />
      <DecisionModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
