import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageLoading } from '../../../components/PageLoading';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { usePublicNotice } from '../api/get-notice';
import { ObjectionForm } from './ObjectionForm';

/** One notice: its list, its period, and the objection form while it is open. */
export default function PublicNoticeDetailPage() {
  const id = Number(useParams().id);
  const notice = usePublicNotice(id);
  if (notice.isLoading) {
    return <PageLoading />;
  }
  if (notice.error || !notice.data) {
    return <Alert type="error" showIcon message={notice.error ? errorMessage(notice.error) : '公示不存在'} action={<Link to="/public/notices">返回公示列表</Link>} />;
  }
  const n = notice.data;
  const open = n.state === 'open';
  return (
    <>
      <PageTitle title={n.title} extra={<Link to="/public/notices">返回公示列表</Link>} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="类型">{n.subjectName}</Descriptions.Item>
          <Descriptions.Item label="年度">{n.year}</Descriptions.Item>
          <Descriptions.Item label="状态">{open ? <Tag color="processing">公示中</Tag> : n.state === 'closed' ? <Tag>已结束</Tag> : <Tag>待发布</Tag>}</Descriptions.Item>
          <Descriptions.Item label="发布日期">{n.publishedOn}</Descriptions.Item>
          <Descriptions.Item label="公示期">{n.workingDays} 个工作日</Descriptions.Item>
          <Descriptions.Item label="截止时间">
            <Typography.Text strong>{n.objectionDeadline}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        {n.body ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{n.body}</Typography.Paragraph> : null}
      </Card>
      <Card title={`公示名单（${n.items.length} 家）`} style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          dataSource={n.items}
          pagination={n.items.length > 50 ? { pageSize: 50 } : false}
          columns={[
            { title: '序号', width: 70, render: (_, __, i) => i + 1 },
            { title: '单位名称', dataIndex: 'name' },
            { title: '所在区县', dataIndex: 'districtName', width: 120 },
            { title: '说明', dataIndex: 'summary' },
          ]}
        />
      </Card>
      <Card title="提出异议">
        {open ? <ObjectionForm notice={n} /> : <Alert type="info" showIcon message={n.state === 'closed' ? `公示已于 ${n.objectionDeadline} 结束，不再受理异议。` : '公示尚未开始。'} />}
      </Card>
    </>
  );
}
