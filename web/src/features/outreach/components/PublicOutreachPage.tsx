import { Alert, Card, Col, Empty, Image, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useOutreachEvents } from '../api/outreach';

/** 科技下乡 (public): the events by year with their photos. */
export default function PublicOutreachPage() {
  const [year, setYear] = useState<number | undefined>(2016);
  const list = useOutreachEvents(year ? { year } : {});
  return (
    <>
      <PageTitle title="科技下乡">
        <Typography.Text type="secondary">市科委与各区、县（市）科技局组织的科技下乡活动。</Typography.Text>
      </PageTitle>
      <Space style={{ marginBottom: 12 }}>
        <span>年度</span>
        <Select aria-label="年度" style={{ width: 120 }} value={year ?? 0} onChange={(v) => setYear(v || undefined)} options={[{ value: 0, label: '全部' }, ...[2016, 2015].map((y) => ({ value: y, label: `${y}年` }))]} />
        {list.data ? <Typography.Text type="secondary">共 {list.data.total} 次</Typography.Text> : null}
      </Space>
      {list.error ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
      {list.data && !list.data.items.length ? <Empty description="暂无活动" /> : null}
      <Row gutter={[16, 16]}>
        {(list.data?.items ?? []).map((e) => (
          <Col key={e.id} xs={24} lg={12}>
            <Card title={e.title} extra={<Tag>{e.heldOn}</Tag>} data-testid="outreach-event">
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                地点：{e.place}
                {e.districtName ? `（${e.districtName}）` : ''} · 参加 {e.participants} 人
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                主办：{e.organisers}
              </Typography.Paragraph>
              <Typography.Paragraph>{e.content}</Typography.Paragraph>
              {e.photos.length ? (
                <Image.PreviewGroup>
                  <Space wrap>
                    {e.photos.map((p) => (
                      <Image key={p.id} width={120} src={`/api/outreach/events/${e.id}/photos/${p.id}`} alt={p.caption ?? p.fileName} />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
