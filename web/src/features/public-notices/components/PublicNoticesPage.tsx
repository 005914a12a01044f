import { Alert, Card, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { usePublicNotices, type PublicNoticeQuery } from '../api/list-notices';
import { useMessages } from '../../../lib/i18n';
import { publicNoticesMessages } from '../messages';

const STATE: Record<string, { label: keyof typeof publicNoticesMessages; color: string }> = {
  scheduled: { label: 'public-notices.state.scheduled', color: 'default' },
  open: { label: 'public-notices.state.open', color: 'processing' },
  closed: { label: 'public-notices.state.closed', color: 'default' },
};

/** The public list of recognition notices (公示), open ones first by date. */
export default function PublicNoticesPage() {
  const t = useMessages(publicNoticesMessages);
  const [state, setState] = useState<PublicNoticeQuery['state']>('open');
  const list = usePublicNotices(state ? { state } : {});
  return (
    <>
      <PageTitle title={t('public-notices.title')}>
        <Typography.Text type="secondary">{t('public-notices.intro')}</Typography.Text>
      </PageTitle>
      <Card>
        <Radio.Group value={state ?? 'all'} onChange={(e) => setState(e.target.value === 'all' ? undefined : (e.target.value as PublicNoticeQuery['state']))} optionType="button" style={{ marginBottom: 12 }}>
          <Radio.Button value="open">{t('public-notices.state.open')}</Radio.Button>
          <Radio.Button value="closed">{t('public-notices.state.closed')}</Radio.Button>
          <Radio.Button value="all">{t('public-notices.all')}</Radio.Button>
        </Radio.Group>
        {list.error ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
        <Table
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: t('public-notices.empty') }}
          columns={[
            { title: t('public-notices.col.title'), dataIndex: 'title', render: (v: string, n) => <Link to={`/public/notices/${n.id}`}>{v}</Link> },
            { title: t('public-notices.col.type'), dataIndex: 'subjectName', width: 200 },
            { title: t('public-notices.col.year'), dataIndex: 'year', width: 70 },
            { title: t('public-notices.col.period'), width: 220, render: (_, n) => t('public-notices.periodRange', { from: n.publishedOn, to: n.endsOn }) },
            { title: t('public-notices.col.list'), dataIndex: 'itemCount', width: 70, render: (v: number) => t('public-notices.unitCount', { n: v }) },
            { title: t('public-notices.col.state'), dataIndex: 'state', width: 90, render: (s: string) => <Tag color={STATE[s]?.color}>{STATE[s] ? t(STATE[s].label) : s}</Tag> },
          ]}
        />
      </Card>
    </>
  );
}
