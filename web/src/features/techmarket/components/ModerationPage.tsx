import { App, Button, Card, Form, Input, Segmented, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useSession, hasAnyRole } from '../../../lib/session';
import { useModeration, type ModerationListing, type ModerationStatus } from '../api/list-moderation';
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
  const [form] = Form.useForm<{ reason: string }>();
  const reason = (Form.useWatch('reason', form) as string | undefined) ?? '';
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
  const columns: DataColumn<ModerationListing>[] = [
    { key: 'title', title: t('techmarket.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/techmarket/listings/${r.id}`}>{v}</Link> },
    { key: 'kind', title: t('techmarket.type'), dataIndex: 'kind', render: (k: 'supply' | 'demand') => kindName(t, k) },
    { key: 'owner', title: t('techmarket.listing.publisher'), dataIndex: 'ownerName' },
    { key: 'district', title: t('techmarket.district'), dataIndex: 'districtName' },
    { key: 'domain', title: t('techmarket.field'), dataIndex: 'domain' },
    ...(canModerate && status === 'pending'
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: ModerationListing) => (
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
  ];
  return (
    <>
      <PageTitle title={t('techmarket.moderation.title')} />
      <Card>
        <DataTable<ModerationListing>
          tableId="techmarket.moderation"
          rowKey="id"
          columns={columns}
          query={list}
          rows={list.data?.items}
          filters={<Segmented value={status} onChange={(v) => setStatus(v as ModerationStatus)} options={statusOptions(t)} />}
        />
      </Card>
      <FormModal<{ reason: string }>
        form={form}
        title={t('techmarket.returnReason')}
        open={rejecting !== null}
        onClose={() => setRejecting(null)}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onSubmit={async (v) => {
          await decide.mutateAsync({ id: rejecting!, decision: 'reject', reason: v.reason });
          message.success(t('techmarket.status.rejected'));
        }}
      >
        <Form.Item name="reason" rules={[{ required: true, whitespace: true, min: 2, message: t('techmarket.returnReason') }]}>
          <Input.TextArea rows={3} maxLength={500} aria-label={t('techmarket.returnReason')} />
        </Form.Item>
      </FormModal>
    </>
  );
}
