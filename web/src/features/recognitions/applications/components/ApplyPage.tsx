import { FormOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { DataTable, type DataColumn } from '../../../../components/DataTable';
import { PageTitle } from '../../../../components/PageTitle';
import { errorMessage } from '../../../../lib/form-errors';
import { useCursorPager } from '../../../../lib/use-cursor-pager';
import { StatusTag } from '../../../../components/StatusTag';
import { useCreateApplication } from '../api/create-application';
import { useApplications, type ApplicationItem } from '../api/list-applications';
import { useCalls, type CallItem } from '../api/list-calls';
import { CitedPolicies } from '../../../policies/components/CitedPolicies';
import { useMessages } from '../../../../lib/i18n';
import { recognitionsMessages } from '../../messages';

/** 认定申报 (enterprise): the open calls, and the enterprise's applications with where each one is. */
export default function ApplyPage() {
  const t = useMessages(recognitionsMessages);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const calls = useCalls();
  const pager = useCursorPager('mine');
  const mine = useApplications({ limit: 20, cursor: pager.cursor ?? undefined });
  const create = useCreateApplication();
  const open = (calls.data?.items ?? []).filter((c) => c.state === 'open');
  const mineByCall = new Map((mine.data?.items ?? []).filter((a) => a.status !== 'rejected').map((a) => [a.callId, a]));

  const start = (c: CallItem) =>
    create.mutate(c.id, {
      onSuccess: (a) => void navigate(`/recognitions/apply/${a.id}`),
      onError: (e) => void message.error(errorMessage(e)),
    });

  const callColumns: DataColumn<CallItem>[] = [
    { key: 'title', title: t('recognitions.apply.call'), dataIndex: 'title' },
    { key: 'type', title: t('recognitions.col.type'), dataIndex: 'typeName', width: 200 },
    { key: 'policies', title: t('recognitions.apply.policies'), width: 260, render: (_: unknown, c) => <CitedPolicies objectType="call" objectId={c.id} /> },
    { key: 'window', title: t('recognitions.apply.window'), width: 220, render: (_: unknown, c) => t('recognitions.apply.range', { from: c.opensOn, to: c.closesOn }) },
    {
      key: 'actions',
      title: t('recognitions.apply.actions'),
      width: 130,
      render: (_: unknown, c) => {
        const existing = mineByCall.get(c.id);
        return existing ? (
          <Button size="small" onClick={() => void navigate(`/recognitions/apply/${existing.id}`)}>
            {t('recognitions.apply.viewMine')}
          </Button>
        ) : (
          <Button size="small" type="primary" icon={<FormOutlined />} loading={create.isPending && create.variables === c.id} onClick={() => start(c)} data-testid={`start-${c.id}`}>
            {t('recognitions.apply.start')}
          </Button>
        );
      },
    },
  ];
  const mineColumns: DataColumn<ApplicationItem>[] = [
    { key: 'type', title: t('recognitions.col.type'), dataIndex: 'typeName' },
    { key: 'year', title: t('recognitions.col.year'), dataIndex: 'year', width: 80 },
    { key: 'status', title: t('recognitions.col.status'), dataIndex: 'statusName', width: 220, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    { key: 'applicationDate', title: t('recognitions.apply.applicationDate'), dataIndex: 'applicationDate', width: 120, render: (v: string | null) => v ?? '—' },
    { key: 'dueOn', title: t('recognitions.apply.dueOn'), dataIndex: 'dueOn', width: 120, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageTitle title={t('recognitions.apply.title')}>
        <Typography.Text type="secondary">{t('recognitions.apply.intro')}</Typography.Text>
      </PageTitle>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('recognitions.apply.openCalls')}>
          <DataTable<CallItem>
            tableId="recognitions.openCalls"
            rowKey="id"
            size="middle"
            columns={callColumns}
            query={calls}
            rows={open}
            emptyText={t('recognitions.apply.noOpenCalls')}
            data-testid="open-calls"
          />
        </Card>
        <Card title={t('recognitions.apply.mine')}>
          <DataTable<ApplicationItem>
            tableId="recognitions.myApplications"
            rowKey="id"
            size="middle"
            columns={mineColumns}
            query={mine}
            rows={mine.data?.items}
            emptyText={t('recognitions.apply.empty')}
            keyset={{ pager, nextCursor: mine.data?.nextCursor, pageSize: 20 }}
            onRow={(r) => ({ onClick: () => void navigate(`/recognitions/apply/${r.id}`), style: { cursor: 'pointer' } })}
            data-testid="my-applications"
          />
        </Card>
      </Space>
    </>
  );
}
