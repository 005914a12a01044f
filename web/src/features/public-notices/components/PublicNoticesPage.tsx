import { Card, Radio, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { usePublicNotices, type PublicNotice as Notice, type PublicNoticeQuery } from '../api/list-notices';
import { NoticeStateTag } from './NoticeStateTag';
import { useMessages } from '../../../lib/i18n';
import { publicNoticesMessages } from '../messages';

/** The public list of recognition notices (公示), open ones first by date. */
export default function PublicNoticesPage() {
  const t = useMessages(publicNoticesMessages);
  const [state, setState] = useState<PublicNoticeQuery['state']>('open');
  const list = usePublicNotices(state ? { state } : {});
  const columns: DataColumn<Notice>[] = [
    { key: 'title', title: t('public-notices.col.title'), dataIndex: 'title', render: (v: string, n) => <Link to={`/public/notices/${n.id}`}>{v}</Link> },
    { key: 'subjectName', title: t('public-notices.col.type'), dataIndex: 'subjectName', width: 200 },
    { key: 'year', title: t('public-notices.col.year'), dataIndex: 'year', width: 70 },
    { key: 'period', title: t('public-notices.col.period'), width: 220, render: (_, n) => t('public-notices.periodRange', { from: n.publishedOn, to: n.endsOn }) },
    { key: 'itemCount', title: t('public-notices.col.list'), dataIndex: 'itemCount', width: 70, render: (v: number) => t('public-notices.unitCount', { n: v }) },
    { key: 'status', title: t('public-notices.col.state'), dataIndex: 'state', width: 90, render: (s: string, n) => <NoticeStateTag state={s} name={n.stateName} /> },
  ];
  return (
    <>
      <PageTitle title={t('public-notices.title')}>
        <Typography.Text type="secondary">{t('public-notices.intro')}</Typography.Text>
      </PageTitle>
      <Card>
        <DataTable<Notice>
          tableId="public-notices.list"
          rowKey="id"
          size="middle"
          query={list}
          rows={list.data?.items}
          filters={
            <Radio.Group value={state ?? 'all'} onChange={(e) => setState(e.target.value === 'all' ? undefined : (e.target.value as PublicNoticeQuery['state']))} optionType="button">
              <Radio.Button value="open">{t('public-notices.state.open')}</Radio.Button>
              <Radio.Button value="closed">{t('public-notices.state.closed')}</Radio.Button>
              <Radio.Button value="all">{t('public-notices.all')}</Radio.Button>
            </Radio.Group>
          }
          pagination={{ pageSize: 20 }}
          columns={columns}
        />
      </Card>
    </>
  );
}
