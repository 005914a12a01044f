import { App, Button, Card, Descriptions, List, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { hasAnyRole, useOptionalSession } from '../../../lib/session';
import { useAuction } from '../api/get-auction';
import { useAuctions } from '../api/list-auctions';
import { usePlaceBid } from '../api/place-bid';
import { MoneyInput } from '../../../components/MoneyInput';

const PHASE = { upcoming: '未开始', bidding: '竞价中', ended: '待结束', closed: '已结束' } as const;

/** English auctions: current price, minimum next bid, anti-sniping end time, bid history. */
export default function AuctionsPage() {
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
      <PageTitle title="技术拍卖" />
      <Space align="start" style={{ width: '100%' }} wrap>
        <Card style={{ width: 360 }}>
          <List
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            renderItem={(x) => (
              <List.Item key={x.id} onClick={() => setSelected(x.id)} style={{ cursor: 'pointer' }}>
                <List.Item.Meta title={x.title} description={<Space><Tag>{PHASE[x.phase]}</Tag>{x.currentPrice !== null ? formatYuan(x.currentPrice) : '暂无出价'}</Space>} />
              </List.Item>
            )}
          />
        </Card>
        {a ? (
          <Card title={a.title} style={{ minWidth: 480 }}>
            <Space size="large" wrap>
              <Statistic title="当前价" value={a.currentPrice === null ? '暂无' : formatYuan(a.currentPrice)} />
              <Statistic title="最低可出价" value={formatYuan(a.minimumBid)} />
              <Statistic title="出价次数" value={a.bidCount} />
            </Space>
            <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
              <Descriptions.Item label="状态">{PHASE[a.phase]}{a.reserveMet ? '（已达保留价）' : '（未达保留价）'}</Descriptions.Item>
              <Descriptions.Item label="结束时间">{formatDateTime(a.endsAt)}（结束前 {a.extensionWindowSeconds / 60} 分钟内出价将延时 {a.extensionSeconds / 60} 分钟）</Descriptions.Item>
              <Descriptions.Item label="加价幅度">{formatYuan(a.increment)}</Descriptions.Item>
            </Descriptions>
            {canBid && a.phase === 'bidding' ? (
              <Space style={{ margin: '12px 0' }}>
                <MoneyInput min={a.minimumBid} step={a.increment} value={amount ?? a.minimumBid} onChange={setAmount} aria-label="出价金额" />
                <Button
                  type="primary"
                  loading={bid.isPending}
                  onClick={async () => {
                    try {
                      const r = await bid.mutateAsync({ id: a.id, amount: amount ?? a.minimumBid });
                      message.success(r.extended ? '出价成功，拍卖已延时' : '出价成功');
                      setAmount(null);
                    } catch (err) {
                      message.error(errorMessage(err));
                    }
                  }}
                >
                  出价
                </Button>
              </Space>
            ) : null}
            {!me && a.phase === 'bidding' ? (
              <Typography.Paragraph type="secondary" style={{ margin: '12px 0' }}>
                企业用户<Link to={`/login?redirect=${encodeURIComponent(`/techmarket/auctions?id=${a.id}`)}`}>登录</Link>后可出价。
              </Typography.Paragraph>
            ) : null}
            <List size="small" header="出价记录" dataSource={a.bids} renderItem={(b) => <List.Item key={b.id}>{b.bidder} · {formatYuan(b.amount)} · {formatDateTime(b.placedAt)}{b.extended ? ' · 触发延时' : ''}</List.Item>} />
          </Card>
        ) : null}
      </Space>
    </>
  );
}
