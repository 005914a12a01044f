import { App, Button, Card, Descriptions, List, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Money } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { StatusTag, type Tone } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { formatMoney } from '../../../lib/money';
import { hasAnyRole, useOptionalSession } from '../../../lib/session';
import { useAuction } from '../api/get-auction';
import { useAuctions } from '../api/list-auctions';
import { usePlaceBid } from '../api/place-bid';
import { MoneyInput } from '../../../components/MoneyInput';
import { techmarketMessages } from '../messages';
import { useI18n, useMessages } from '../../../lib/i18n';

// an auction's phase follows from its times; the API names it (`phaseName`), the page only colours it
const PHASE_TONES: Record<'upcoming' | 'bidding' | 'ended' | 'closed', Tone> = { upcoming: 'default', bidding: 'processing', ended: 'warning', closed: 'default' };

/** English auctions: current price, minimum next bid, anti-sniping end time, bid history. */
export default function AuctionsPage() {
  const t = useMessages(techmarketMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  // The page is also public (/public/auctions): no session there, nobody bids.
  const me = useOptionalSession();
  const canBid = me !== null && hasAnyRole(me, ['enterprise_user']);
  const list = useAuctions();
  const [params] = useSearchParams();
  const linked = Number(params.get('id')) || null;
  const [selected, setSelected] = useState<number | null>(linked);
  const detail = useAuction(selected ?? list.data?.items[0]?.id ?? null);
  const bid = usePlaceBid();
  const [amount, setAmount] = useState<number | null>(null);
  const a = detail.data;
  return (
    <>
      <PageTitle title={t('techmarket.auctions.title')} />
      <Space align="start" style={{ width: '100%' }} wrap>
        <Card style={{ width: 360 }}>
          <List
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            renderItem={(x) => (
              <List.Item key={x.id} onClick={() => setSelected(x.id)} style={{ cursor: 'pointer' }}>
                <List.Item.Meta title={x.title} description={<Space><StatusTag status={x.phase} name={x.phaseName} tone={PHASE_TONES[x.phase]} />{x.currentPrice !== null ? <Money value={x.currentPrice} /> : t('techmarket.auctions.noBids')}</Space>} />
              </List.Item>
            )}
          />
        </Card>
        {a ? (
          <Card title={a.title} style={{ minWidth: 480 }}>
            <Space size="large" wrap>
              <Statistic title={t('techmarket.auctions.currentPrice')} value={a.currentPrice === null ? t('techmarket.none') : formatMoney(a.currentPrice, 'yuan', lang)} />
              <Statistic title={t('techmarket.auctions.minimumBid')} value={formatMoney(a.minimumBid, 'yuan', lang)} />
              <Statistic title={t('techmarket.auctions.bidCount')} value={a.bidCount} />
            </Space>
            <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('techmarket.status')}>{a.phaseName}{a.reserveMet ? t('techmarket.auctions.reserveMet') : t('techmarket.auctions.reserveNotMet')}</Descriptions.Item>
              <Descriptions.Item label={t('techmarket.auctions.endsAt')}>{formatDateTime(a.endsAt)}{t('techmarket.auctions.extension', { v0: a.extensionWindowSeconds / 60, v1: a.extensionSeconds / 60 })}</Descriptions.Item>
              <Descriptions.Item label={t('techmarket.auctions.increment')}><Money value={a.increment} /></Descriptions.Item>
            </Descriptions>
            {canBid && a.phase === 'bidding' ? (
              <Space style={{ margin: '12px 0' }}>
                <MoneyInput min={a.minimumBid} step={a.increment} value={amount ?? a.minimumBid} onChange={setAmount} aria-label={t('techmarket.auctions.bidAmount')} />
                <Button
                  type="primary"
                  loading={bid.isPending}
                  onClick={async () => {
                    try {
                      const r = await bid.mutateAsync({ id: a.id, amount: amount ?? a.minimumBid });
                      message.success(r.extended ? t('techmarket.auctions.bidExtended') : t('techmarket.auctions.bidPlaced'));
                      setAmount(null);
                    } catch (err) {
                      message.error(errorMessage(err));
                    }
                  }}
                >
                  {t('techmarket.auctions.bid')}
                </Button>
              </Space>
            ) : null}
            {!me && a.phase === 'bidding' ? (
              <Typography.Paragraph type="secondary" style={{ margin: '12px 0' }}>
                {t('techmarket.auctions.enterpriseUsers')}<Link to={`/login?redirect=${encodeURIComponent(`/techmarket/auctions?id=${a.id}`)}`}>{t('techmarket.auctions.logIn')}</Link>{t('techmarket.auctions.toBid')}
              </Typography.Paragraph>
            ) : null}
            <List size="small" header={t('techmarket.auctions.bids')} dataSource={a.bids} renderItem={(b) => <List.Item key={b.id}>{b.bidder} · <Money value={b.amount} /> · {formatDateTime(b.placedAt)}{b.extended ? t('techmarket.auctions.extended') : ''}</List.Item>} />
          </Card>
        ) : null}
      </Space>
    </>
  );
}
