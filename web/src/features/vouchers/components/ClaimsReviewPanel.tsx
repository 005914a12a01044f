import { App, Button, Input, Modal, Radio, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/form-errors';
import { useApproveClaim } from '../api/approve-claim';
import { useClaims } from '../api/list-claims';
import { useRejectClaim } from '../api/reject-claim';
import { useReverseClaim } from '../api/reverse-claim';
import { CLAIM_STATUS, MODE_LABEL, categoryLabel } from '../constants';
import { renderMoney } from '../../../components/Money';
import { failedTable } from '../../../components/QueryState';

/** Claims awaiting the bureau's decision (and the decided ones, for reference). */
export function ClaimsReviewPanel({ canAct }: { canAct: boolean }) {
  const { message } = App.useApp();
  const [status, setStatus] = useState<'submitted' | 'approved' | 'rejected' | 'reversed'>('submitted');
  const claims = useClaims({ limit: 100, status });
  const approve = useApproveClaim();
  const reject = useRejectClaim();
  const reverse = useReverseClaim();
  const [mode, setMode] = useState<'reject' | 'reverse'>('reject');
  const [rejecting, setRejecting] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const ok = (text: string) => () => void message.success(text);
  const fail = (e: unknown) => void message.error(errorMessage(e));
  return (
    <>
      <Radio.Group value={status} onChange={(e) => setStatus(e.target.value as typeof status)} optionType="button" style={{ marginBottom: 12 }}>
        <Radio.Button value="submitted">待审核</Radio.Button>
        <Radio.Button value="approved">已通过</Radio.Button>
        <Radio.Button value="rejected">已驳回</Radio.Button>
        <Radio.Button value="reversed">已冲正</Radio.Button>
      </Radio.Group>
      <Table
        rowKey="id"
        size="small"
        loading={claims.isLoading}
        {...failedTable(claims)}
        dataSource={claims.data?.items ?? []}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: '申请号', dataIndex: 'id', width: 80 },
          { title: '持有人', dataIndex: 'holderName' },
          { title: '服务机构', dataIndex: 'providerName' },
          { title: '类别', dataIndex: 'serviceCategory', width: 90, render: categoryLabel },
          { title: '方式', dataIndex: 'mode', render: (m: string) => MODE_LABEL[m] },
          { title: '合同/凭证', render: (_, c) => `${c.contractNo} / ${c.evidenceRef}` },
          { title: '金额', dataIndex: 'amount', render: renderMoney },
          { title: '状态', dataIndex: 'status', width: 80, render: (s: string) => <Tag color={CLAIM_STATUS[s]?.color}>{CLAIM_STATUS[s]?.label}</Tag> },
          {
            title: '操作',
            width: 150,
            render: (_, c) =>
              canAct && c.status === 'submitted' ? (
                <Space>
                  <Button size="small" type="primary" loading={approve.isPending} onClick={() => approve.mutateAsync({ id: c.id, body: { note: '材料齐全，同意兑付' } }).then(ok('已审核通过'), fail)}>
                    通过
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      setMode('reject');
                      setRejecting(c.id);
                    }}
                  >
                    驳回
                  </Button>
                </Space>
              ) : canAct && c.status === 'approved' && c.settlementId === null ? (
                <Button
                  size="small"
                  danger
                  onClick={() => {
                    setMode('reverse');
                    setRejecting(c.id);
                  }}
                >
                  冲正
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        title={mode === 'reject' ? '驳回兑付申请' : '冲正已通过的兑付（金额退回持有人）'}
        open={rejecting !== null}
        onCancel={() => setRejecting(null)}
        okText={mode === 'reject' ? '驳回' : '冲正'}
        okButtonProps={{ danger: true, disabled: note.trim().length < 2 }}
        onOk={() =>
          (mode === 'reject' ? reject : reverse).mutateAsync({ id: rejecting!, body: { note } }).then(() => {
            setRejecting(null);
            setNote('');
            void message.success(mode === 'reject' ? '已驳回' : '已冲正，金额已退回持有人');
          }, fail)
        }
      >
        <Input.TextArea aria-label="驳回理由" placeholder="请填写理由（将记入审计日志并通知申请人）" value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
      </Modal>
    </>
  );
}
