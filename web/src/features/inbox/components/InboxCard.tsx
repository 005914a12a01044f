import { Alert, Badge, Button, Card, Empty, Flex, List, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/form-errors';
import { useInbox, useInboxSummary, type DueState, type InboxItem } from '../api/list-cases';

const DUE: Record<DueState, { label: string; color: string }> = {
  overdue: { label: '已超期', color: 'red' },
  due_soon: { label: '3个工作日内到期', color: 'orange' },
  ok: { label: '', color: 'default' },
};

function DueTag({ item }: { item: InboxItem }) {
  if (!item.dueOn) {
    return <Typography.Text type="secondary">无办理期限</Typography.Text>;
  }
  const due = item.dueState ? DUE[item.dueState] : null;
  return (
    <Space size={4}>
      <span className="money">期限 {item.dueOn}</span>
      {due?.label ? <Tag color={due.color}>{due.label}</Tag> : null}
    </Space>
  );
}

function CaseRow({ item }: { item: InboxItem }) {
  // The server names the page that handles the case for the caller's role (one click to it).
  const href = item.href;
  const who = item.enterprise?.name ?? item.applicantName;
  return (
    <List.Item
      className={item.dueState === 'overdue' ? 'inbox-overdue' : item.dueState === 'due_soon' ? 'inbox-due-soon' : undefined}
      data-testid={`inbox-case-${item.instrument}-${item.id}`}
      extra={<DueTag item={item} />}
    >
      <List.Item.Meta
        title={
          <Space size={8} wrap>
            <Tag color="blue">{item.instrumentName}</Tag>
            <Link to={href}>{item.title}</Link>
            <Tag>{item.statusName}</Tag>
          </Space>
        }
        description={[item.typeName, who, item.district?.name].filter(Boolean).join(' · ')}
      />
    </List.Item>
  );
}

/** 待办: what waits for me across instruments — overdue and due-soon first and marked, counts per instrument, one click to the case. */
export function InboxCard() {
  const [mine, setMine] = useState(true);
  const [instrument, setInstrument] = useState<string | undefined>();
  const summary = useInboxSummary({ mine });
  const list = useInbox({ mine, instrument });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const s = summary.data;
  return (
    <Card
      data-testid="inbox"
      style={{ marginBottom: 24 }}
      title={
        <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
          待办
        </Typography.Title>
      }
      extra={
        <Segmented
          aria-label="待办范围"
          value={mine ? 'mine' : 'all'}
          onChange={(v) => {
            setMine(v === 'mine');
            setInstrument(undefined);
          }}
          options={[
            { label: '等待我办理', value: 'mine' },
            { label: '我可见的全部办件', value: 'all' },
          ]}
        />
      }
    >
      {summary.isError ? <Alert type="error" showIcon title={errorMessage(summary.error)} style={{ marginBottom: 12 }} /> : null}
      <Flex gap={32} wrap align="center" style={{ marginBottom: 12 }}>
        <Statistic title="合计" value={s?.total ?? 0} loading={summary.isLoading} />
        <Statistic title="已超期" value={s?.overdue ?? 0} loading={summary.isLoading} valueStyle={s?.overdue ? { color: '#cf1322' } : undefined} />
        <Statistic title="3个工作日内到期" value={s?.dueSoon ?? 0} loading={summary.isLoading} valueStyle={s?.dueSoon ? { color: '#d46b08' } : undefined} />
        {s ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            按业务日期 {s.today} 计；期限按工作日
          </Typography.Text>
        ) : null}
        {s && s.byInstrument.length > 0 ? (
          <Space wrap aria-label="按业务类别">
            <Tag.CheckableTag checked={instrument === undefined} onChange={() => setInstrument(undefined)}>
              全部
            </Tag.CheckableTag>
            {s.byInstrument.map((b) => (
              <Tag.CheckableTag key={b.instrument} checked={instrument === b.instrument} onChange={() => setInstrument(b.instrument)} data-testid={`inbox-instrument-${b.instrument}`}>
                {b.instrumentName} <Badge count={b.count} showZero color={b.overdue ? '#cf1322' : b.dueSoon ? '#d46b08' : '#8c8c8c'} overflowCount={999} />
              </Tag.CheckableTag>
            ))}
          </Space>
        ) : null}
      </Flex>
      {list.isError ? (
        <Alert type="error" showIcon title={errorMessage(list.error)} action={<Button onClick={() => void list.refetch()}>重试</Button>} />
      ) : (
        <List
          size="small"
          loading={list.isLoading}
          dataSource={items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={mine ? '没有等待您办理的事项' : '暂无办件'} /> }}
          renderItem={(item) => <CaseRow key={`${item.instrument}-${item.id}`} item={item} />}
        />
      )}
      {list.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 8 }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            加载更多
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
