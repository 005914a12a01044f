import { Alert, App, Button, Descriptions, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Money, renderMoney } from '../../../components/Money';
import { DataTable } from '../../../components/DataTable';
import { errorMessage } from '../../../lib/form-errors';
import { formatMoney } from '../../../lib/money';
import { useApproveClaim } from '../api/approve-claim';
import { useClaims, type ListClaimsResult } from '../api/list-claims';
import { useRejectClaim } from '../api/reject-claim';
import { useReverseClaim } from '../api/reverse-claim';
import { useClaimFiles } from '../api/claim-files';
import { useVoucherLabels } from '../constants';
import { ClaimFiles } from './ClaimFiles';

type Claim = ListClaimsResult['items'][number];
type Decision = 'approve' | 'reject' | 'reverse';

const DECISION: Record<Decision, { title: string; ok: string; done: string; danger: boolean; what: (c: Claim) => string }> = {
  approve: {
    title: '审核通过兑付申请',
    ok: '确认通过',
    done: '已审核通过',
    danger: false,
    what: (c) =>
      `通过后，持有人冻结的 ${formatMoney(c.amount)} 转为“已兑付”，计入${c.mode === 'tongdui' ? `服务机构 ${c.providerName}` : `持有人 ${c.holderName}`}的待结算款，随结算批次付款。此决定记入审计日志。`,
  },
  reject: {
    title: '驳回兑付申请',
    ok: '确认驳回',
    done: '已驳回',
    danger: true,
    what: (c) => `驳回后，${formatMoney(c.amount)} 仍冻结在该预约上，申请人可补正材料后重新申请；驳回意见将告知申请人并记入审计日志。`,
  },
  reverse: {
    title: '冲正已通过的兑付',
    ok: '确认冲正',
    done: '已冲正，金额已退回持有人',
    danger: true,
    what: (c) => `冲正后，已兑付的 ${formatMoney(c.amount)} 退回持有人（政策已到期的退回预算），该预约取消；冲正理由记入审计日志。`,
  },
};

/** The decision on one claim: what will happen, the evidence in view, the officer's opinion (required to refuse). */
function DecisionModal({ target, onClose }: { target: { claim: Claim; decision: Decision } | null; onClose: () => void }) {
  const { message } = App.useApp();
  const { categoryLabel, modeLabel } = useVoucherLabels();
  const approve = useApproveClaim();
  const reject = useRejectClaim();
  const reverse = useReverseClaim();
  const [note, setNote] = useState('');
  const files = useClaimFiles(target?.claim.id);
  const d = target ? DECISION[target.decision] : null;
  const needsNote = target?.decision !== 'approve';
  const pending = approve.isPending || reject.isPending || reverse.isPending;
  const submit = async () => {
    if (!target || !d) {
      return;
    }
    const id = target.claim.id;
    const text = note.trim();
    try {
      if (target.decision === 'approve') {
        await approve.mutateAsync({ id, body: text ? { note: text } : {} });
      } else {
        await (target.decision === 'reject' ? reject : reverse).mutateAsync({ id, body: { note: text } });
      }
      void message.success(d.done);
      setNote('');
      onClose();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const c = target?.claim;
  return (
    <Modal
      title={d?.title}
      open={target !== null}
      onCancel={onClose}
      okText={d?.ok}
      okButtonProps={{ danger: d?.danger, disabled: needsNote && note.trim().length < 2 }}
      confirmLoading={pending}
      onOk={() => void submit()}
      width={640}
      destroyOnHidden
    >
      {c && d ? (
        <>
          <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }} data-testid="claim-evidence">
            <Descriptions.Item label="申请号">{c.id}</Descriptions.Item>
            <Descriptions.Item label="兑付金额">
              <Money value={c.amount} />
            </Descriptions.Item>
            <Descriptions.Item label="持有人">{c.holderName}</Descriptions.Item>
            <Descriptions.Item label="服务机构">{c.providerName}</Descriptions.Item>
            <Descriptions.Item label="服务项目">
              {c.serviceName ?? '（未选服务目录）'}（{categoryLabel(c.serviceCategory)}）
            </Descriptions.Item>
            <Descriptions.Item label="服务期">{c.serviceStart ? `${c.serviceStart} 至 ${c.serviceEnd}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="兑付方式">{modeLabel[c.mode]}</Descriptions.Item>
            <Descriptions.Item label="服务合同编号">{c.contractNo}</Descriptions.Item>
            <Descriptions.Item label={c.mode === 'tongdui' ? '用户验收单编号' : '全额付款发票号码'}>{c.evidenceRef}</Descriptions.Item>
            <Descriptions.Item label="申请日期">{c.submittedOn}</Descriptions.Item>
            <Descriptions.Item label="预约号">{c.bookingId}</Descriptions.Item>
          </Descriptions>
          <div style={{ marginBottom: 12 }}>
            <ClaimFiles files={files.data?.items ?? []} />
          </div>
          <Alert type={d.danger ? 'warning' : 'info'} showIcon title={d.what(c)} style={{ marginBottom: 12 }} />
          <Typography.Text strong>{needsNote ? '理由（必填）' : '审核意见（可选）'}</Typography.Text>
          <Input.TextArea
            aria-label={needsNote ? '理由' : '审核意见'}
            placeholder={needsNote ? '请写明理由（至少2个字），将告知申请人并记入审计日志' : '如：合同、验收单与预约一致，同意兑付'}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            maxLength={500}
            showCount
            style={{ marginTop: 4, marginBottom: 20 }}
          />
        </>
      ) : null}
    </Modal>
  );
}

/** Claims awaiting the bureau's decision (and the decided ones, for reference). */
export function ClaimsReviewPanel({ canAct }: { canAct: boolean }) {
  const [status, setStatus] = useState<'submitted' | 'approved' | 'rejected' | 'reversed'>('submitted');
  const { categoryLabel, claimStatus, modeLabel } = useVoucherLabels();
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
            <Radio.Button value="submitted">待审核</Radio.Button>
            <Radio.Button value="approved">已通过</Radio.Button>
            <Radio.Button value="rejected">已驳回</Radio.Button>
            <Radio.Button value="reversed">已冲正</Radio.Button>
          </Radio.Group>
        }
        pagination={{ pageSize: 15 }}
        columns={[
          { key: 'id', title: '申请号', dataIndex: 'id', width: 80 },
          { key: 'holder', title: '持有人', dataIndex: 'holderName' },
          { key: 'provider', title: '服务机构', dataIndex: 'providerName' },
          { key: 'category', title: '类别', dataIndex: 'serviceCategory', width: 90, render: categoryLabel },
          { key: 'mode', title: '方式', dataIndex: 'mode', render: (m: string) => modeLabel[m] },
          { key: 'contract', title: '合同/凭证', render: (_, c) => `${c.contractNo} / ${c.evidenceRef}` },
          { key: 'amount', title: '金额', dataIndex: 'amount', render: renderMoney },
          { key: 'status', title: '状态', dataIndex: 'status', width: 80, render: (s: string) => <Tag color={claimStatus[s]?.color}>{claimStatus[s]?.label}</Tag> },
          {
            key: 'actions',
            title: '操作',
            width: 150,
            render: (_, c) =>
              canAct && c.status === 'submitted' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setTarget({ claim: c, decision: 'approve' })}>
                    通过
                  </Button>
                  <Button size="small" danger onClick={() => setTarget({ claim: c, decision: 'reject' })}>
                    驳回
                  </Button>
                </Space>
              ) : canAct && c.status === 'approved' && c.settlementId === null ? (
                <Button size="small" danger onClick={() => setTarget({ claim: c, decision: 'reverse' })}>
                  冲正
                </Button>
              ) : null,
          },
        ]}
      />
      <DecisionModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
