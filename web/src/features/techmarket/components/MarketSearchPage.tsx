import { Alert, Button, Card, Empty, Flex, Input, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { formatYuan } from '../../../lib/format';
import { useSearchListings, type SearchParams } from '../api/search-listings';
import { Highlight } from './Highlight';
import { DOMAINS, KIND_NAMES, PRICE_MODE_NAMES } from './labels';

/** Public market: Chinese full-text search over approved supply and demand listings. */
export default function MarketSearchPage() {
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
      <PageTitle title="网上技术市场">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          检索已审核公开的科技成果与企业技术需求；标题命中的排在前面。
        </Typography.Paragraph>
      </PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.Search
            aria-label="检索词"
            placeholder="输入关键词，如：芯片、锂电池、5G、人工智能"
            enterButton="检索"
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
                { label: '全部', value: '' },
                { label: '成果', value: 'supply' },
                { label: '需求', value: 'demand' },
              ]}
              onChange={(v) => set({ kind: (v || undefined) as SearchParams['kind'] })}
            />
            <Select
              allowClear
              placeholder="技术领域"
              style={{ width: 180 }}
              options={DOMAINS.map((d) => ({ label: d, value: d }))}
              onChange={(v?: (typeof DOMAINS)[number]) => set({ domain: v })}
            />
          </Flex>
        </Space>
      </Card>
      {result.isError ? <Alert type="error" showIcon message={errorMessage(result.error)} style={{ marginBottom: 16 }} /> : null}
      <List
        loading={result.isFetching}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: <Empty description="没有找到匹配的成果或需求" /> }}
        renderItem={(item) => (
          <List.Item key={item.id} data-testid="market-item">
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={item.kind === 'supply' ? 'blue' : 'green'}>{KIND_NAMES[item.kind]}</Tag>
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
                    <Tag>{item.priceMode === 'fixed' && item.price !== null ? formatYuan(item.price) : PRICE_MODE_NAMES[item.priceMode]}</Tag>
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
          上一页
        </Button>
        <Button
          disabled={!result.data?.nextCursor}
          onClick={() => {
            const next = result.data!.nextCursor!;
            setCursors((c) => [...c, next]);
            setQuery((q) => ({ ...q, cursor: next }));
          }}
        >
          下一页
        </Button>
      </Flex>
    </>
  );
}
