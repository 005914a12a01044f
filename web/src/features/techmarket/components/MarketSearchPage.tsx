import { Alert, Button, Card, Empty, Flex, Input, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { formatYuan } from '../../../lib/format';
import { useSearchListings, type SearchParams } from '../api/search-listings';
import { Highlight } from './Highlight';
import { domainOptions, kindName, priceModeName, type Domain } from './labels';
import { techmarketMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** Public market: Chinese full-text search over approved supply and demand listings. */
export default function MarketSearchPage() {
  const t = useMessages(techmarketMessages);
  const base = useLocation().pathname.startsWith('/public') ? '/public/market' : '/techmarket/listings';
  const [text, setText] = useState('');
  const [query, setQuery] = useState<SearchParams>({ limit: 20 });
  const [cursors, setCursors] = useState<string[]>([]);
  const result = useSearchListings(query);
  const set = (patch: Partial<SearchParams>) => {
    setCursors([]);
    setQuery((q) => ({ ...q, ...patch, cursor: undefined }));
  };
  return (
    <>
      <PageTitle title={t('techmarket.search.title')}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('techmarket.search.intro')}
        </Typography.Paragraph>
      </PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.Search
            aria-label={t('techmarket.search.keywords')}
            placeholder={t('techmarket.search.placeholder')}
            enterButton={t('techmarket.search.search')}
            allowClear
            maxLength={100}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            data-testid="market-search"
          />
          <Flex gap={12} wrap>
            <Segmented
              options={[
                { label: t('techmarket.all'), value: '' },
                { label: t('techmarket.kind.supply'), value: 'supply' },
                { label: t('techmarket.kind.demand'), value: 'demand' },
              ]}
              onChange={(v) => set({ kind: (v || undefined) as SearchParams['kind'] })}
            />
            <Select
              allowClear
              placeholder={t('techmarket.domain')}
              style={{ width: 180 }}
              options={domainOptions(t)}
              onChange={(v?: Domain) => set({ domain: v })}
            />
          </Flex>
        </Space>
      </Card>
      {result.isError ? <Alert type="error" showIcon message={errorMessage(result.error)} style={{ marginBottom: 16 }} /> : null}
      <List
        loading={result.isFetching}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('techmarket.search.none')} /> }}
        renderItem={(item) => (
          <List.Item key={item.id} data-testid="market-item">
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={item.kind === 'supply' ? 'blue' : 'green'}>{kindName(t, item.kind)}</Tag>
                  <Link to={`${base}/${item.id}`}>
                    <Highlight text={item.title} ranges={item.highlight?.title as [number, number][] | undefined} />
                  </Link>
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>
                    <Highlight text={item.summary} ranges={item.highlight?.summary as [number, number][] | undefined} />
                  </Typography.Paragraph>
                  <Space size="small" wrap>
                    <Tag>{item.domain}</Tag>
                    {item.maturity ? <Tag>TRL {item.maturity}</Tag> : null}
                    <Tag>{item.priceMode === 'fixed' && item.price !== null ? formatYuan(item.price) : priceModeName(t, item.priceMode)}</Tag>
                    <Typography.Text type="secondary">
                      {item.ownerName}
                      {item.districtName ? ` · ${item.districtName}` : ''}
                    </Typography.Text>
                  </Space>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Flex justify="flex-end" gap={8} style={{ marginTop: 12 }}>
        <Button
          disabled={cursors.length === 0}
          onClick={() => {
            const prev = cursors.slice(0, -1);
            setCursors(prev);
            setQuery((q) => ({ ...q, cursor: prev[prev.length - 1] }));
          }}
        >
          {t('techmarket.previousPage')}
        </Button>
        <Button
          disabled={!result.data?.nextCursor}
          onClick={() => {
            const next = result.data!.nextCursor!;
            setCursors((c) => [...c, next]);
            setQuery((q) => ({ ...q, cursor: next }));
          }}
        >
          {t('techmarket.nextPage')}
        </Button>
      </Flex>
    </>
  );
}
