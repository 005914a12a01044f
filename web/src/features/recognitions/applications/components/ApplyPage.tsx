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

/** 认定申报 (enterprise): the open calls, and the enterprise's applications with where each one is. */
export default function ApplyPage() {
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
      <PageTitle title="认定申报">
        <Typography.Text type="secondary">查看正在受理的认定申报通知，在线填报、实时自评、提交，并随时查看办理进度。</Typography.Text>
      </PageTitle>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title="正在受理的申报通知">
          {calls.isError ? <Alert type="error" showIcon title={errorMessage(calls.error)} /> : null}
          <Table<CallItem>
            rowKey="id"
            size="middle"
            loading={calls.isLoading}
            dataSource={open}
            pagination={false}
            locale={{ emptyText: '目前没有正在受理的申报通知' }}
            data-testid="open-calls"
            columns={[
              { title: '通知', dataIndex: 'title' },
              { title: '认定类型', dataIndex: 'typeName', width: 200 },
              { title: '政策依据', width: 260, render: (_, c) => <CitedPolicies objectType="call" objectId={c.id} /> },
              { title: '受理时间', width: 220, render: (_, c) => `${c.opensOn} 至 ${c.closesOn}` },
              {
                title: '操作',
                width: 130,
                render: (_, c) => {
                  const existing = mineByCall.get(c.id);
                  return existing ? (
                    <Button size="small" onClick={() => void navigate(`/recognitions/apply/${existing.id}`)}>
                      查看我的申报
                    </Button>
                  ) : (
                    <Button size="small" type="primary" icon={<FormOutlined />} loading={create.isPending && create.variables === c.id} onClick={() => start(c)} data-testid={`start-${c.id}`}>
                      开始申报
                    </Button>
                  );
                },
              },
            ]}
          />
        </Card>
        <Card title="我的申报">
          {mine.isError ? <Alert type="error" showIcon title={errorMessage(mine.error)} /> : null}
          <Table<ApplicationItem>
            rowKey="id"
            size="middle"
            loading={mine.isFetching}
            dataSource={mine.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: '暂无申报' }}
            data-testid="my-applications"
            onRow={(r) => ({ onClick: () => void navigate(`/recognitions/apply/${r.id}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: '认定类型', dataIndex: 'typeName' },
              { title: '年度', dataIndex: 'year', width: 80 },
              { title: '状态', dataIndex: 'status', width: 220, render: (s: string, r) => <StatusTag status={s} name={r.statusName} /> },
              { title: '申请日期', dataIndex: 'applicationDate', width: 120, render: (v: string | null) => v ?? '—' },
              { title: '本环节期限', dataIndex: 'dueOn', width: 120, render: (v: string | null) => v ?? '—' },
            ]}
          />
          <CursorPager pager={pager} nextCursor={mine.data?.nextCursor} loading={mine.isFetching} pageSize={20} rowsOnPage={mine.data?.items.length ?? 0} />
        </Card>
      </Space>
    </>
  );
}
