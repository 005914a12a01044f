import { Alert, Card, Descriptions, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { PageLoading } from '../../../components/PageLoading';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { usePublicNotice } from '../api/get-notice';
import { NoticeStateTag } from './NoticeStateTag';
import { ObjectionForm } from './ObjectionForm';
import { useMessages } from '../../../lib/i18n';
import { publicNoticesMessages } from '../messages';

/** One notice: its list, its period, and the objection form while it is open. */
export default function PublicNoticeDetailPage() {
  const t = useMessages(publicNoticesMessages);
  const id = Number(useParams().id);
  const notice = usePublicNotice(id);
  if (notice.isLoading) {
    return <PageLoading />;
  }
  if (notice.error || !notice.data) {
    return <Alert type="error" showIcon message={notice.error ? errorMessage(notice.error) : t('public-notices.notFound')} action={<Link to="/public/notices">{t('public-notices.backToList')}</Link>} />;
  }
  const n = notice.data;
  const open = n.state === 'open';
  return (
    <>
      <PageTitle title={n.title} isName extra={<Link to="/public/notices">{t('public-notices.backToList')}</Link>} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('public-notices.col.type')}>{n.subjectName}</Descriptions.Item>
          <Descriptions.Item label={t('public-notices.col.year')}>{n.year}</Descriptions.Item>
          <Descriptions.Item label={t('public-notices.col.state')}><NoticeStateTag state={n.state} name={n.stateName} /></Descriptions.Item>
          <Descriptions.Item label={t('public-notices.publishedOn')}>{n.publishedOn}</Descriptions.Item>
          <Descriptions.Item label={t('public-notices.col.period')}>{t('public-notices.workingDays', { n: n.workingDays })}</Descriptions.Item>
          <Descriptions.Item label={t('public-notices.deadline')}>
            <Typography.Text strong>{n.objectionDeadline}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        {n.body ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{n.body}</Typography.Paragraph> : null}
      </Card>
      <Card title={t('public-notices.listTitle', { n: n.items.length })} style={{ marginBottom: 16 }}>
        <DataTable<(typeof n.items)[number]>
          tableId="public-notices.items"
          rowKey="id"
          query={notice}
          rows={n.items}
          pagination={n.items.length > 50 ? { pageSize: 50 } : false}
          columns={[
            { key: 'no', title: t('public-notices.col.no'), width: 70, render: (_, __, i) => i + 1 },
            { key: 'name', title: t('public-notices.col.name'), dataIndex: 'name' },
            { key: 'districtName', title: t('public-notices.col.district'), dataIndex: 'districtName', width: 120 },
            { key: 'summary', title: t('public-notices.col.summary'), dataIndex: 'summary' },
          ]}
        />
      </Card>
      <Card title={t('public-notices.fileObjection')}>
        {open ? <ObjectionForm notice={n} /> : <Alert type="info" showIcon message={n.state === 'closed' ? t('public-notices.endedOn', { date: n.objectionDeadline }) : t('public-notices.notStarted')} />}
      </Card>
    </>
  );
}
