import { Alert, Card, Descriptions, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { formatYuan } from '../../../lib/format';
import { useListing } from '../api/get-listing';
import { useMatches } from '../api/get-matches';
import { KIND_NAMES, PRICE_MODE_NAMES, STATUS_NAMES } from './labels';

export default function ListingDetailPage() {
  const id = Number(useParams().id);
  const isPublic = useLocation().pathname.startsWith('/public');
  const listing = useListing(id);
  const matches = useMatches(!isPublic && listing.data ? id : null);
  if (listing.isError) {
    return <Alert type="error" showIcon message={errorMessage(listing.error)} />;
  }
  const l = listing.data;
  if (!l) {
    return <Skeleton active />;
  }
  return (
    <>
      <PageTitle title={l.title}>
        <Space>
          <Tag color={l.kind === 'supply' ? 'blue' : 'green'}>{KIND_NAMES[l.kind]}</Tag>
          <Tag>{STATUS_NAMES[l.status]}</Tag>
          {l.auctionId ? <Link to={`${isPublic ? '/public/auctions' : '/techmarket/auctions'}?id=${l.auctionId}`}>正在拍卖</Link> : null}
        </Space>
      </PageTitle>
      {l.status === 'rejected' && l.rejectReason ? <Alert type="warning" showIcon message={`退回理由：${l.rejectReason}`} style={{ marginBottom: 16 }} /> : null}
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{l.description}</Typography.Paragraph>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="技术领域">{l.domain}</Descriptions.Item>
          <Descriptions.Item label="成熟度">{l.maturity ? `TRL ${l.maturity}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="价格">{l.priceMode === 'fixed' && l.price !== null ? formatYuan(l.price) : PRICE_MODE_NAMES[l.priceMode]}</Descriptions.Item>
          <Descriptions.Item label="发布单位">
            {l.ownerName}
            {l.districtName ? `（${l.districtName}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="联系人">{l.contactName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{l.contactPhone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="知识产权" span={2}>
            {l.ipItems.length ? l.ipItems.map((ip) => `${ip.type} ${ip.number ?? ''} ${ip.title}`).join('；') : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {!isPublic ? (
        <Card title={l.kind === 'supply' ? '匹配的企业需求' : '匹配的科技成果'}>
          <List
            loading={matches.isLoading}
            dataSource={matches.data?.items ?? []}
            renderItem={(m) => (
              <List.Item key={m.id} extra={<Typography.Text type="secondary">匹配度 {m.score.toFixed(2)}</Typography.Text>}>
                <List.Item.Meta title={<Link to={`/techmarket/listings/${m.id}`}>{m.title}</Link>} description={m.reasons.join('；')} />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </>
  );
}
