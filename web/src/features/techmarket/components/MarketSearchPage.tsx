import { Alert, Card, Empty, Flex, Input, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { CursorPager } from '../../../components/CursorPager';
import { Money } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useCursorPager } from '../../../lib/use-cursor-pager';
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
  const [filters, setFilters] = useState<SearchParams>({ limit: 20 });
  // keyset pages: a new search or filter starts again at the first page
  const pager = useCursorPager(JSON.stringify(filters));
  const result = useSearchListings(pager.cursor ? { ...filters, cursor: pager.cursor } : filters);
  const set = (patch: Partial<SearchParams>) => setFilters((q) => ({ ...q, ...patch }));
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
                    <Tag>{item.priceMode === 'fixed' && item.price !== null ? <Money value={item.price} /> : priceModeName(t, item.priceMode)}</Tag>
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
      <CursorPager pager={pager} nextCursor={result.data?.nextCursor} loading={result.isFetching} pageSize={filters.limit ?? 20} rowsOnPage={result.data?.items.length ?? 0} />
    </>
  );
}
