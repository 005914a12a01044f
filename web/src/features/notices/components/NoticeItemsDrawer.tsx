import { Alert, App, Badge, Button, Drawer, Form, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { StatusTag } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { useApproveAll } from '../api/approve-all';
import { useDecideApplication } from '../api/decide-application';
import { useNoticeItems, type NoticeItem } from '../api/get-notice-items';
import type { NoticeSummary } from '../api/list-notices';
import { NoticeStateTag } from './StateTags';
import { useMessages } from '../../../lib/i18n';
import { noticesMessages } from '../messages';

function ObjectionBadges({ c }: { c: NoticeItem['objections'] }) {
  const t = useMessages(noticesMessages);
  if (c.open + c.upheld + c.dismissed === 0) {
    return <Typography.Text type="secondary">{t('notices.items.none')}</Typography.Text>;
  }
  return (
    <Space size={4} wrap>
      {c.open ? <Tag color="red">{t('notices.items.open', { n: c.open })}</Tag> : null}
      {c.upheld ? <Tag color="orange">{t('notices.items.upheld', { n: c.upheld })}</Tag> : null}
      {c.dismissed ? <Tag>{t('notices.items.dismissed', { n: c.dismissed })}</Tag> : null}
    </Space>
  );
}

/** One notice's items: status, objections, and the decision on each (approve / decline with a reason), or all at once. */
export function NoticeItemsDrawer({ notice, canAct, onClose }: { notice: NoticeSummary | null; canAct: boolean; onClose: () => void }) {
  const t = useMessages(noticesMessages);
  const { message, modal } = App.useApp();
  const items = useNoticeItems(notice?.id ?? null);
  const decide = useDecideApplication();
  const approveAll = useApproveAll();
  const [declining, setDeclining] = useState<NoticeItem | null>(null);
  const fail = (e: unknown) => void message.error(errorMessage(e));
  const closed = items.data?.state === 'closed';

  const approve = (item: NoticeItem) =>
    modal.confirm({
      title: t('notices.items.approveTitle', { name: item.name }),
      content: t('notices.items.approveContent'),
      okText: t('notices.items.approve'),
      onOk: () =>
        decide
          .mutateAsync({ id: item.applicationId, body: { approve: true } })
          .then((r) => void message.success(r.status === 'recommended' ? t('notices.items.recommended') : t('notices.items.approved', { no: r.recognition?.certificateNo ?? '' })), fail),
    });

  const bulk = () =>
    modal.confirm({
      title: t('notices.items.bulk'),
      content: t('notices.items.bulkContent'),
      okText: t('notices.items.bulk'),
      onOk: () =>
        approveAll.mutateAsync(notice!.id).then(
          (r) => {
            modal.info({
              title: t('notices.items.bulkDone', { n: r.approved.length }),
              width: 560,
              content: r.skipped.length ? (
                <>
                  <Typography.Paragraph>{t('notices.items.skipped', { n: r.skipped.length })}</Typography.Paragraph>
                  <ul>
                    {r.skipped.map((s) => (
                      <li key={s.applicationId}>
                        {t('notices.items.skippedRow', { id: s.applicationId, reason: s.reason })}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                t('notices.items.allDecided')
              ),
            });
          },
          fail,
        ),
    });

  const columns: DataColumn<NoticeItem>[] = [
    { key: 'applicationId', title: t('notices.col.applicationId'), dataIndex: 'applicationId', width: 80 },
    { key: 'name', title: t('notices.col.enterprise'), dataIndex: 'name' },
    { key: 'district', title: t('notices.col.district'), dataIndex: 'districtName', width: 90 },
    { key: 'status', title: t('notices.col.state'), dataIndex: 'statusName', width: 150, render: (v: string, r) => <StatusTag status={r.status} name={closed && r.status === 'in_notice' ? t('notices.items.periodEnded') : v} /> },
    { key: 'objections', title: t('notices.col.objections'), width: 150, render: (_, r) => <ObjectionBadges c={r.objections} /> },
    {
      key: 'actions',
      title: t('notices.col.decision'),
      width: 190,
      render: (_, r) =>
        !canAct || r.status !== 'in_notice' ? null : r.blockedReason ? (
          <Tooltip title={r.blockedReason}>
            <Badge status="warning" text={t('notices.items.blocked')} />
          </Tooltip>
        ) : (
          <Space>
            <Tooltip title={r.declineOnly ? t('notices.items.declineOnly') : undefined}>
              <Button size="small" type="primary" disabled={r.declineOnly} onClick={() => approve(r)}>
                {t('notices.items.approve')}
              </Button>
            </Tooltip>
            <Button size="small" danger onClick={() => setDeclining(r)}>
              {t('notices.items.decline')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <Drawer
      title={notice ? notice.title : ''}
      open={notice !== null}
      onClose={onClose}
      width={960}
      extra={
        canAct ? (
          <Button type="primary" disabled={!closed} loading={approveAll.isPending} onClick={bulk}>
            {t('notices.items.bulk')}
          </Button>
        ) : null
      }
    >
      {notice ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t('notices.items.period', { from: notice.publishedOn, to: notice.endsOn, n: notice.workingDays })}{' '}
            <NoticeStateTag state={notice.state} name={notice.stateName} />
          </Typography.Text>
          {!closed && items.data ? <Alert type="info" showIcon message={t('notices.items.waitForEnd', { date: notice.endsOn })} /> : null}
          <DataTable<NoticeItem> tableId="notices.items" rowKey="itemId" columns={columns} query={items} rows={items.data?.items} />
        </Space>
      ) : null}
      <DeclineModal item={declining} onClose={() => setDeclining(null)} />
    </Drawer>
  );
}

/** 不予认定: the reason is required (at least 2 characters); the API's messages land on the field. */
function DeclineModal({ item, onClose }: { item: NoticeItem | null; onClose: () => void }) {
  const t = useMessages(noticesMessages);
  const { message } = App.useApp();
  const decide = useDecideApplication();
  const [form] = Form.useForm<{ comment: string }>();
  const comment = (Form.useWatch('comment', form) as string | undefined) ?? '';
  const submit = async (v: { comment: string }) => {
    await decide.mutateAsync({ id: item!.applicationId, body: { approve: false, comment: v.comment } });
    void message.success(t('notices.items.declined'));
  };
  return (
    <FormModal<{ comment: string }>
      form={form}
      open={item !== null}
      title={item ? t('notices.items.declineTitle', { name: item.name }) : ''}
      okText={t('notices.items.decline')}
      okButtonProps={{ danger: true, disabled: comment.trim().length < 2 }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="comment" rules={[{ required: true, whitespace: true, min: 2, message: t('notices.items.declinePlaceholder') }]}>
        <Input.TextArea aria-label={t('notices.items.declineReason')} rows={3} placeholder={t('notices.items.declinePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
