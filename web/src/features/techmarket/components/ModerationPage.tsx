import { App, Button, Card, Input, Modal, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useSession, hasAnyRole } from '../../../lib/session';
import { useModeration, type ModerationStatus } from '../api/list-moderation';
import { useModerateListing } from '../api/moderate-listing';
import { KIND_NAMES, STATUS_NAMES } from './labels';

/** City officers approve or reject; district officers and auditors read their scope. */
export default function ModerationPage() {
  const { message } = App.useApp();
  const me = useSession();
  const canModerate = hasAnyRole(me, ['city_officer']);
  const [status, setStatus] = useState<ModerationStatus>('pending');
  const [rejecting, setRejecting] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const list = useModeration(status);
  const decide = useModerateListing();
  const run = async (input: Parameters<typeof decide.mutateAsync>[0]) => {
    try {
      await decide.mutateAsync(input);
      message.success(input.decision === 'approve' ? '已审核通过并公开' : '已退回');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <PageTitle title="发布审核" />
      <Card>
        <Segmented value={status} onChange={(v) => setStatus(v as ModerationStatus)} options={Object.entries(STATUS_NAMES).map(([value, label]) => ({ value, label }))} style={{ marginBottom: 12 }} />
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          columns={[
            { title: '标题', dataIndex: 'title', render: (v: string, r) => <Link to={`/techmarket/listings/${r.id}`}>{v}</Link> },
            { title: '类型', dataIndex: 'kind', render: (k: 'supply' | 'demand') => KIND_NAMES[k] },
            { title: '发布单位', dataIndex: 'ownerName' },
            { title: '区县', dataIndex: 'districtName' },
            { title: '领域', dataIndex: 'domain' },
            ...(canModerate && status === 'pending'
              ? [
                  {
                    title: '操作',
                    key: 'a',
                    render: (_: unknown, r: { id: number; title: string }) => (
                      <Space>
                        <Button size="small" type="primary" onClick={() => void run({ id: r.id, decision: 'approve' })} aria-label={`通过 ${r.title}`}>
                          通过
                        </Button>
                        <Button size="small" danger onClick={() => setRejecting(r.id)}>
                          退回
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        title="退回理由"
        open={rejecting !== null}
        onCancel={() => setRejecting(null)}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onOk={async () => {
          await run({ id: rejecting!, decision: 'reject', reason });
          setRejecting(null);
          setReason('');
        }}
      >
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </Modal>
    </>
  );
}
