import { App, Button, Card, Input, Modal, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useSession, hasAnyRole } from '../../../lib/session';
import { useModeration, type ModerationStatus } from '../api/list-moderation';
import { useModerateListing } from '../api/moderate-listing';
import { kindName, statusOptions } from './labels';
import { techmarketMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** City officers approve or reject; district officers and auditors read their scope. */
export default function ModerationPage() {
  const t = useMessages(techmarketMessages);
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
      message.success(input.decision === 'approve' ? t('techmarket.moderation.approved') : t('techmarket.status.rejected'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <PageTitle title={t('techmarket.moderation.title')} />
      <Card>
        <Segmented value={status} onChange={(v) => setStatus(v as ModerationStatus)} options={statusOptions(t)} style={{ marginBottom: 12 }} />
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('techmarket.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/techmarket/listings/${r.id}`}>{v}</Link> },
            { title: t('techmarket.type'), dataIndex: 'kind', render: (k: 'supply' | 'demand') => kindName(t, k) },
            { title: t('techmarket.listing.publisher'), dataIndex: 'ownerName' },
            { title: t('techmarket.district'), dataIndex: 'districtName' },
            { title: t('techmarket.field'), dataIndex: 'domain' },
            ...(canModerate && status === 'pending'
              ? [
                  {
                    title: t('common.actions'),
                    key: 'a',
                    render: (_: unknown, r: { id: number; title: string }) => (
                      <Space>
                        <Button size="small" type="primary" onClick={() => void run({ id: r.id, decision: 'approve' })} aria-label={t('techmarket.moderation.approveTitle', { title: r.title })}>
                          {t('techmarket.approve')}
                        </Button>
                        <Button size="small" danger onClick={() => setRejecting(r.id)}>
                          {t('techmarket.return')}
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
        title={t('techmarket.returnReason')}
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
