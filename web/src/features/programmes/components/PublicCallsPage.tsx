import { Alert, Card, Descriptions, List, Table, Tag, Typography } from 'antd';
import { PageTitle } from '../../../components/PageTitle';
import { CitedPolicies } from '../../policies/components/CitedPolicies';
import { errorMessage } from '../../../lib/form-errors';
import { useCalls, type ProgrammeCall } from '../api/calls';
import { wan } from './labels';

const STATE_COLORS: Record<string, string> = {
  open: 'green',
  upcoming: 'blue',
  closed: 'default',
};

function CallDetail({ call }: { call: ProgrammeCall }) {
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="计划类别">{`${call.programme.name}（${call.programme.selectionName}）`}</Descriptions.Item>
      <Descriptions.Item label="申报条件">{call.eligibility}</Descriptions.Item>
      <Descriptions.Item label="指南方向">
        <List size="small" dataSource={call.topics} renderItem={(t) => <List.Item>{`${t.code} ${t.title}：${t.description}`}</List.Item>} />
      </Descriptions.Item>
      <Descriptions.Item label="资助额度">{`单项市财政资助不超过 ${wan(call.ceiling)}；本指南资助总额 ${wan(call.totalBudget)}`}</Descriptions.Item>
      <Descriptions.Item label="说明">{call.description ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="政策依据">
        <CitedPolicies objectType="call" objectId={call.id} />
      </Descriptions.Item>
      <Descriptions.Item label="计划的政策依据">
        <CitedPolicies objectType="programme" objectId={call.programme.id} />
      </Descriptions.Item>
      {call.invitedOnly ? <Descriptions.Item label="申报方式">主动设计项目，由市科委定向邀请的单位申报</Descriptions.Item> : null}
    </Descriptions>
  );
}

/** The public list of programme calls (指南), no login: open ones on top, details expand in the row. */
export default function PublicCallsPage() {
  const calls = useCalls();
  const items = [...(calls.data?.items ?? [])].sort((a, b) => (a.state === 'open' ? 0 : 1) - (b.state === 'open' ? 0 : 1) || b.opensOn.localeCompare(a.opensOn));
  return (
    <>
      <PageTitle title="科技计划项目申报指南">
        <Typography.Text type="secondary">企业登录平台后在“科技计划项目”中在线申报；一般项目经所在区、县（市）科技局推荐。</Typography.Text>
      </PageTitle>
      <Card>
        {calls.error ? <Alert type="error" showIcon message={errorMessage(calls.error)} /> : null}
        <Table
          rowKey="id"
          loading={calls.isLoading}
          dataSource={items}
          pagination={{ pageSize: 20 }}
          expandable={{ expandedRowRender: (c) => <CallDetail call={c} /> }}
          columns={[
            { title: '指南', dataIndex: 'title' },
            {
              title: '计划类别',
              width: 180,
              render: (_, c) => c.programme.name,
            },
            {
              title: '受理时间',
              width: 220,
              render: (_, c) => `${c.opensOn} 至 ${c.closesOn}`,
            },
            { title: '单项上限', width: 120, render: (_, c) => wan(c.ceiling) },
            {
              title: '状态',
              width: 90,
              dataIndex: 'state',
              render: (s: string, c) => <Tag color={STATE_COLORS[s]}>{c.stateName}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  );
}
