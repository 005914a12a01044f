import { Alert, Button, Card, Descriptions, List, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { usePolicy } from '../api/policies';
import { STATUS_COLOR } from './PublicPoliciesPage';

/** One policy document (public): metadata, full text, original file, and what cites it. */
export default function PublicPolicyPage() {
  const id = Number(useParams().id);
  const p = usePolicy(id);
  if (p.error) {
    return <Alert type="error" showIcon message={errorMessage(p.error)} />;
  }
  if (!p.data) {
    return <Skeleton active />;
  }
  const d = p.data;
  return (
    <>
      <PageTitle title={`《${d.title}》`} extra={<Link to="/public/policies">返回政策库</Link>} />
      <Card>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="文号">{d.docNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="发文机关">{d.issuer}</Descriptions.Item>
          <Descriptions.Item label="发布日期">{d.issuedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="施行日期">{d.effectiveOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="失效日期">{d.expiresOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={STATUS_COLOR[d.status]}>{d.statusName}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="摘要" span={2}>
            {d.summary ?? '—'}
          </Descriptions.Item>
        </Descriptions>
        {d.hasFile ? (
          <Button style={{ marginTop: 12 }} href={`/api/policies/${d.id}/file`}>
            下载原件（{d.fileName}）
          </Button>
        ) : null}
      </Card>
      <Card title="全文" style={{ marginTop: 16 }}>
        {d.body ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph> : <Typography.Text type="secondary">全文尚未录入{d.hasFile ? '，请下载原件阅读' : ''}。</Typography.Text>}
      </Card>
      <Card title="引用本政策的申报通知与认定类别" style={{ marginTop: 16 }}>
        <List size="small" dataSource={d.citations} locale={{ emptyText: '暂无' }} renderItem={(c) => <List.Item>{`${c.objectTypeName}：${c.label}`}</List.Item>} />
      </Card>
    </>
  );
}
