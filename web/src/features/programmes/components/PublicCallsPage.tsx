import { Alert, Card, Descriptions, List, Table, Tag, Typography } from 'antd';
import { PageTitle } from '../../../components/PageTitle';
import { CitedPolicies } from '../../policies/components/CitedPolicies';
import { errorMessage } from '../../../lib/form-errors';
import { useCalls, type ProgrammeCall } from '../api/calls';
import { wan } from './labels';
import { useMessages } from '../../../lib/i18n';
import { programmesMessages } from '../messages';

const STATE_COLORS: Record<string, string> = {
  open: 'green',
  upcoming: 'blue',
  closed: 'default',
};

function CallDetail({ call }: { call: ProgrammeCall }) {
  const t = useMessages(programmesMessages);
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('programmes.col.programme')}>{t('programmes.nameWithParen', { name: call.programme.name, detail: call.programme.selectionName })}</Descriptions.Item>
      <Descriptions.Item label={t('programmes.public.eligibility')}>{call.eligibility}</Descriptions.Item>
      <Descriptions.Item label={t('programmes.public.topics')}>
        <List size="small" dataSource={call.topics} renderItem={(topic) => <List.Item>{t('programmes.public.topic', { code: topic.code, title: topic.title, description: topic.description })}</List.Item>} />
      </Descriptions.Item>
      <Descriptions.Item label={t('programmes.public.funding')}>{t('programmes.public.fundingValue', { ceiling: wan(call.ceiling), total: wan(call.totalBudget) })}</Descriptions.Item>
      <Descriptions.Item label={t('programmes.public.description')}>{call.description ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('programmes.public.policies')}>
        <CitedPolicies objectType="call" objectId={call.id} />
      </Descriptions.Item>
      <Descriptions.Item label={t('programmes.public.programmePolicies')}>
        <CitedPolicies objectType="programme" objectId={call.programme.id} />
      </Descriptions.Item>
      {call.invitedOnly ? <Descriptions.Item label={t('programmes.public.mode')}>{t('programmes.public.invitedOnly')}</Descriptions.Item> : null}
    </Descriptions>
  );
}

/** The public list of programme calls (指南), no login: open ones on top, details expand in the row. */
export default function PublicCallsPage() {
  const t = useMessages(programmesMessages);
  const calls = useCalls();
  const items = [...(calls.data?.items ?? [])].sort((a, b) => (a.state === 'open' ? 0 : 1) - (b.state === 'open' ? 0 : 1) || b.opensOn.localeCompare(a.opensOn));
  return (
    <>
      <PageTitle title={t('programmes.public.title')}>
        <Typography.Text type="secondary">{t('programmes.public.intro')}</Typography.Text>
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
            { title: t('programmes.col.call'), dataIndex: 'title' },
            {
              title: t('programmes.col.programme'),
              width: 180,
              render: (_, c) => c.programme.name,
            },
            {
              title: t('programmes.col.window'),
              width: 220,
              render: (_, c) => t('programmes.range', { from: c.opensOn, to: c.closesOn }),
            },
            { title: t('programmes.col.ceiling'), width: 120, render: (_, c) => wan(c.ceiling) },
            {
              title: t('programmes.col.status'),
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
