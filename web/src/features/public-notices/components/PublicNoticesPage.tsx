import { Alert, Card, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { usePublicNotices, type PublicNoticeQuery } from '../api/list-notices';

const STATE: Record<string, { label: string; color: string }> = {
  scheduled: { label: '待发布', color: 'default' },
  open: { label: '公示中', color: 'processing' },
  closed: { label: '已结束', color: 'default' },
};

/** The public list of recognition notices (公示), open ones first by date. */
export default function PublicNoticesPage() {
  const [state, setState] = useState<PublicNoticeQuery['state']>('open');
  const list = usePublicNotices(state ? { state } : {});
  return (
    <>
      <PageTitle title="认定公示">
        <Typography.Text type="secondary">对公示名单有异议的，可在公示期截止日24:00前实名提出。</Typography.Text>
      </PageTitle>
      <Card>
        <Radio.Group value={state ?? 'all'} onChange={(e) => setState(e.target.value === 'all' ? undefined : (e.target.value as PublicNoticeQuery['state']))} optionType="button" style={{ marginBottom: 12 }}>
          <Radio.Button value="open">公示中</Radio.Button>
          <Radio.Button value="closed">已结束</Radio.Button>
          <Radio.Button value="all">全部</Radio.Button>
        </Radio.Group>
        {list.error ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
        <Table
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: '暂无公示' }}
          columns={[
            { title: '公示标题', dataIndex: 'title', render: (v: string, n) => <Link to={`/public/notices/${n.id}`}>{v}</Link> },
            { title: '类型', dataIndex: 'subjectName', width: 200 },
            { title: '年度', dataIndex: 'year', width: 70 },
            { title: '公示期', width: 220, render: (_, n) => `${n.publishedOn} 至 ${n.endsOn}` },
            { title: '名单', dataIndex: 'itemCount', width: 70, render: (v: number) => `${v} 家` },
            { title: '状态', dataIndex: 'state', width: 90, render: (s: string) => <Tag color={STATE[s]?.color}>{STATE[s]?.label}</Tag> },
          ]}
        />
      </Card>
    </>
  );
}
