import { Alert, Card, Descriptions, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import { Money } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { StatusTag } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { useListing } from '../api/get-listing';
import { useMatches } from '../api/get-matches';
import { kindName, priceModeName } from './labels';
import { techmarketMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

export default function ListingDetailPage() {
  const t = useMessages(techmarketMessages);
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
          <Tag color={l.kind === 'supply' ? 'blue' : 'green'}>{kindName(t, l.kind)}</Tag>
          <StatusTag status={l.status} name={l.statusName} />
          {l.auctionId ? <Link to={`${isPublic ? '/public/auctions' : '/techmarket/auctions'}?id=${l.auctionId}`}>{t('techmarket.listing.atAuction')}</Link> : null}
        </Space>
      </PageTitle>
      {l.status === 'rejected' && l.rejectReason ? <Alert type="warning" showIcon message={t('techmarket.listing.rejectReason', { rejectReason: l.rejectReason })} style={{ marginBottom: 16 }} /> : null}
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{l.description}</Typography.Paragraph>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('techmarket.domain')}>{l.domain}</Descriptions.Item>
          <Descriptions.Item label={t('techmarket.listing.maturity')}>{l.maturity ? `TRL ${l.maturity}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('techmarket.listing.price')}>{l.priceMode === 'fixed' && l.price !== null ? <Money value={l.price} /> : priceModeName(t, l.priceMode)}</Descriptions.Item>
          <Descriptions.Item label={t('techmarket.listing.publisher')}>
            {l.ownerName}
            {l.districtName ? `（${l.districtName}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('techmarket.listing.contact')}>{l.contactName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('techmarket.listing.phone')}>{l.contactPhone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('techmarket.listing.ip')} span={2}>
            {l.ipItems.length ? l.ipItems.map((ip) => `${ip.type} ${ip.number ?? ''} ${ip.title}`).join('；') : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {!isPublic ? (
        <Card title={l.kind === 'supply' ? t('techmarket.listing.matchingDemands') : t('techmarket.listing.matchingSupplies')}>
          <List
            loading={matches.isLoading}
            dataSource={matches.data?.items ?? []}
            renderItem={(m) => (
              <List.Item key={m.id} extra={<Typography.Text type="secondary">{t('techmarket.listing.score')} {m.score.toFixed(2)}</Typography.Text>}>
                <List.Item.Meta title={<Link to={`/techmarket/listings/${m.id}`}>{m.title}</Link>} description={m.reasons.join('；')} />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </>
  );
}
