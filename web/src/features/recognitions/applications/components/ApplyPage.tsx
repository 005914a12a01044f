import { FormOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { CursorPager } from '../../../../components/CursorPager';
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

  return (
    <>
      <PageTitle title={t('recognitions.apply.title')}>
        <Typography.Text type="secondary">{t('recognitions.apply.intro')}</Typography.Text>
      </PageTitle>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('recognitions.apply.openCalls')}>
          {calls.isError ? <Alert type="error" showIcon title={errorMessage(calls.error)} /> : null}
          <Table<CallItem>
            rowKey="id"
            size="middle"
            loading={calls.isLoading}
            dataSource={open}
            pagination={false}
            locale={{ emptyText: t('recognitions.apply.noOpenCalls') }}
            data-testid="open-calls"
            columns={[
              { title: t('recognitions.apply.call'), dataIndex: 'title' },
              { title: t('recognitions.col.type'), dataIndex: 'typeName', width: 200 },
              { title: t('recognitions.apply.policies'), width: 260, render: (_, c) => <CitedPolicies objectType="call" objectId={c.id} /> },
              { title: t('recognitions.apply.window'), width: 220, render: (_, c) => t('recognitions.apply.range', { from: c.opensOn, to: c.closesOn }) },
              {
                title: t('recognitions.apply.actions'),
                width: 130,
                render: (_, c) => {
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
            ]}
          />
        </Card>
        <Card title={t('recognitions.apply.mine')}>
          {mine.isError ? <Alert type="error" showIcon title={errorMessage(mine.error)} /> : null}
          <Table<ApplicationItem>
            rowKey="id"
            size="middle"
            loading={mine.isFetching}
            dataSource={mine.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('recognitions.apply.empty') }}
            data-testid="my-applications"
            onRow={(r) => ({ onClick: () => void navigate(`/recognitions/apply/${r.id}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('recognitions.col.type'), dataIndex: 'typeName' },
              { title: t('recognitions.col.year'), dataIndex: 'year', width: 80 },
              { title: t('recognitions.col.status'), dataIndex: 'status', width: 220, render: (s: string, r) => <StatusTag status={s} name={r.statusName} /> },
              { title: t('recognitions.apply.applicationDate'), dataIndex: 'applicationDate', width: 120, render: (v: string | null) => v ?? '—' },
              { title: t('recognitions.apply.dueOn'), dataIndex: 'dueOn', width: 120, render: (v: string | null) => v ?? '—' },
            ]}
          />
          <CursorPager pager={pager} nextCursor={mine.data?.nextCursor} loading={mine.isFetching} pageSize={20} rowsOnPage={mine.data?.items.length ?? 0} />
        </Card>
      </Space>
    </>
  );
}
