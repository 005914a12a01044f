import { Alert, Badge, Button, Card, Empty, Flex, List, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/form-errors';
import { useMessages, useT } from '../../../lib/i18n';
import { inboxMessages } from '../messages';
import { useInbox, useInboxSummary, type DueState, type InboxItem } from '../api/list-cases';

const DUE: Record<DueState, { label: keyof typeof inboxMessages | null; color: string }> = {
  overdue: { label: 'inbox.overdue', color: 'red' },
  due_soon: { label: 'inbox.dueSoon', color: 'orange' },
  ok: { label: null, color: 'default' },
};

function DueTag({ item }: { item: InboxItem }) {
  const t = useMessages(inboxMessages);
  if (!item.dueOn) {
    return <Typography.Text type="secondary">{t('inbox.noDeadline')}</Typography.Text>;
  }
  const due = item.dueState ? DUE[item.dueState] : null;
  return (
    <Space size={4}>
      <span className="money">{t('inbox.dueOn', { date: item.dueOn })}</span>
      {due?.label ? <Tag color={due.color}>{t(due.label)}</Tag> : null}
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
  const t = useMessages(inboxMessages);
  const tc = useT();
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
          {t('inbox.title')}
        </Typography.Title>
      }
      extra={
        <Segmented
          aria-label={t('inbox.scope')}
          value={mine ? 'mine' : 'all'}
          onChange={(v) => {
            setMine(v === 'mine');
            setInstrument(undefined);
          }}
          options={[
            { label: t('inbox.mine'), value: 'mine' },
            { label: t('inbox.all'), value: 'all' },
          ]}
        />
      }
    >
      {summary.isError ? <Alert type="error" showIcon title={errorMessage(summary.error)} style={{ marginBottom: 12 }} /> : null}
      <Flex gap={32} wrap align="center" style={{ marginBottom: 12 }}>
        <Statistic title={t('inbox.total')} value={s?.total ?? 0} loading={summary.isLoading} />
        <Statistic title={t('inbox.overdue')} value={s?.overdue ?? 0} loading={summary.isLoading} valueStyle={s?.overdue ? { color: '#cf1322' } : undefined} />
        <Statistic title={t('inbox.dueSoon')} value={s?.dueSoon ?? 0} loading={summary.isLoading} valueStyle={s?.dueSoon ? { color: '#d46b08' } : undefined} />
        {s ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('inbox.asOf', { today: s.today })}
          </Typography.Text>
        ) : null}
        {s && s.byInstrument.length > 0 ? (
          <Space wrap aria-label={t('inbox.byInstrument')}>
            <Tag.CheckableTag checked={instrument === undefined} onChange={() => setInstrument(undefined)}>
              {t('inbox.allInstruments')}
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
        <Alert type="error" showIcon title={errorMessage(list.error)} action={<Button onClick={() => void list.refetch()}>{tc('common.retry')}</Button>} />
      ) : (
        <List
          size="small"
          loading={list.isLoading}
          dataSource={items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={mine ? t('inbox.emptyMine') : t('inbox.empty')} /> }}
          renderItem={(item) => <CaseRow key={`${item.instrument}-${item.id}`} item={item} />}
        />
      )}
      {list.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 8 }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('inbox.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
