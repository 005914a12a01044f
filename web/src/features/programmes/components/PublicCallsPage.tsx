import { Card, Descriptions, List, Typography } from 'antd';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { renderWan } from '../../../components/Money';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { CitedPolicies } from '../../policies/components/CitedPolicies';
import { formatMoney } from '../../../lib/money';
import { useCalls, type ProgrammeCall } from '../api/calls';
import { useI18n, useMessages } from '../../../lib/i18n';
import { programmesMessages } from '../messages';

function CallDetail({ call }: { call: ProgrammeCall }) {
  const t = useMessages(programmesMessages);
  const { lang } = useI18n();
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('programmes.col.programme')}>{t('programmes.nameWithParen', { name: call.programme.name, detail: call.programme.selectionName })}</Descriptions.Item>
      <Descriptions.Item label={t('programmes.public.eligibility')}>{call.eligibility}</Descriptions.Item>
      <Descriptions.Item label={t('programmes.public.topics')}>
        <List size="small" dataSource={call.topics} renderItem={(topic) => <List.Item>{t('programmes.public.topic', { code: topic.code, title: topic.title, description: topic.description })}</List.Item>} />
      </Descriptions.Item>
      <Descriptions.Item label={t('programmes.public.funding')}>{t('programmes.public.fundingValue', { ceiling: formatMoney(call.ceiling, 'wan', lang), total: formatMoney(call.totalBudget, 'wan', lang) })}</Descriptions.Item>
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
  const columns: DataColumn<ProgrammeCall>[] = [
    { key: 'title', title: t('programmes.col.call'), dataIndex: 'title' },
    { key: 'programme', title: t('programmes.col.programme'), width: 180, render: (_: unknown, c) => c.programme.name },
    { key: 'window', title: t('programmes.col.window'), width: 220, render: (_: unknown, c) => t('programmes.range', { from: c.opensOn, to: c.closesOn }) },
    { key: 'ceiling', title: t('programmes.col.ceiling'), width: 130, align: 'right', dataIndex: 'ceiling', render: renderWan },
    { key: 'status', title: t('programmes.col.status'), width: 90, dataIndex: 'stateName', render: (v: string, c) => <StatusTag status={c.state} name={v} /> },
  ];
  return (
    <>
      <PageTitle title={t('programmes.public.title')}>
        <Typography.Text type="secondary">{t('programmes.public.intro')}</Typography.Text>
      </PageTitle>
      <Card>
        <DataTable<ProgrammeCall> tableId="programmes.public.calls" rowKey="id" size="middle" columns={columns} query={calls} rows={items} pagination={{ pageSize: 20 }} expandable={{ expandedRowRender: (c) => <CallDetail call={c} /> }} />
      </Card>
    </>
  );
}
