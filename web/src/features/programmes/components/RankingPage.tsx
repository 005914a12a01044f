import { Alert, App, Button, Card, Form, Input, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { renderWan } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { formatMoney } from '../../../lib/money';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCall } from '../api/calls';
import { useModerate, usePublishNotice, useRanking, type Ranking } from '../api/ranking';
import { useI18n, useMessages } from '../../../lib/i18n';
import { programmesMessages } from '../messages';

type Item = Ranking['items'][number];

type Moderation = { recommended?: number; reason?: string };

function ModerateModal({ item, select, onClose }: { item: Item; select: boolean; onClose: () => void }) {
  const t = useMessages(programmesMessages);
  const { lang } = useI18n();
  const moderate = useModerate();
  const { message } = App.useApp();
  const submit = async (v: Moderation) => {
    await moderate.mutateAsync({ id: item.id, body: { select, recommended: select && v.recommended !== undefined && v.recommended !== null ? v.recommended : undefined, reason: v.reason || undefined } });
    message.success(t('programmes.rank.moderated'));
  };
  return (
    <FormModal<Moderation> title={select ? t('programmes.rank.selectTitle', { title: item.title }) : t('programmes.rank.declineTitle', { title: item.title })} open onClose={onClose} onSubmit={submit} initialValues={{ recommended: item.requested }}>
      <Alert
        style={{ marginBottom: 12 }}
        type={item.withinBudget === select ? 'info' : 'warning'}
        showIcon
        message={`${t('programmes.rank.position', { rank: item.rank, score: item.panelScore ?? '—', line: item.withinBudget ? t('programmes.rank.withinLine') : t('programmes.rank.belowLine') })}${item.withinBudget === select ? '' : t('programmes.rank.deviation')}`}
      />
      {select ? (
        <Form.Item name="recommended" label={t('programmes.rank.recommended', { requested: formatMoney(item.requested, 'yuan', lang) })}>
          <MoneyInput min={0.01} max={item.requested} wanHint />
        </Form.Item>
      ) : null}
      <Form.Item name="reason" label={t('programmes.col.moderationReason')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** The call's ranking by panel score with the funding line, the bureau's moderation and the notice of the proposed list. */
export default function RankingPage() {
  const t = useMessages(programmesMessages);
  const id = Number(useParams().id);
  const me = useSession();
  const officer = hasAnyRole(me, ['city_officer']);
  const ranking = useRanking(id);
  const call = useCall(id);
  const publish = usePublishNotice();
  const { message } = App.useApp();
  const { lang } = useI18n();
  const [moderating, setModerating] = useState<{
    item: Item;
    select: boolean;
  } | null>(null);
  const items = ranking.data?.items ?? [];
  const ranked = items.filter((i) => i.status === 'ranked');
  const line = items.findIndex((i) => !i.withinBudget);
  const columns: DataColumn<Item>[] = [
    { key: 'rank', title: t('programmes.rank.rank'), dataIndex: 'rank', width: 60 },
    { key: 'title', title: t('programmes.rank.project'), dataIndex: 'title', render: (v: string, r) => <Link to={`/programmes/projects/${r.id}`}>{v}</Link> },
    { key: 'undertaker', title: t('programmes.col.undertaker'), width: 220, render: (_: unknown, r) => (r.districtName ? t('programmes.nameWithParen', { name: r.enterpriseName, detail: r.districtName }) : r.enterpriseName) },
    { key: 'score', title: t('programmes.rank.score'), dataIndex: 'panelScore', width: 70 },
    { key: 'requested', title: t('programmes.col.requested'), width: 130, align: 'right', dataIndex: 'requested', render: renderWan },
    { key: 'cumulative', title: t('programmes.rank.cumulative'), width: 130, align: 'right', dataIndex: 'cumulative', render: renderWan },
    { key: 'line', title: t('programmes.rank.line'), width: 90, render: (_: unknown, r) => (r.withinBudget ? <Tag color="green">{t('programmes.rank.in')}</Tag> : <Tag color="red">{t('programmes.rank.out')}</Tag>) },
    { key: 'recommended', title: t('programmes.rank.proposed'), width: 130, align: 'right', dataIndex: 'recommended', render: renderWan },
    { key: 'status', title: t('programmes.col.status'), width: 130, dataIndex: 'statusName', render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    { key: 'moderationReason', title: t('programmes.col.moderationReason'), dataIndex: 'moderationReason', width: 180, render: (v: string | null) => v ?? '' },
    ...(officer
      ? [
          {
            key: 'actions',
            title: t('programmes.rank.decide'),
            width: 170,
            render: (_: unknown, r: Item) =>
              r.status === 'scored' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setModerating({ item: r, select: true })}>
                    {t('programmes.rank.select')}
                  </Button>
                  <Button size="small" onClick={() => setModerating({ item: r, select: false })}>
                    {t('programmes.rank.decline')}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];
  const publishNotice = async () => {
    if (!call.data) {
      return;
    }
    try {
      const n = await publish.mutateAsync({
        instrument: 'programmes',
        subject: call.data.type,
        year: call.data.year,
        title: t('programmes.rank.noticeTitle', { year: call.data.year, programme: call.data.programme.name }),
        applicationIds: ranked.map((r) => r.id),
      });
      message.success(t('programmes.rank.noticePublished', { date: n.endsOn }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <PageTitle
        title={t('programmes.rank.title', { title: ranking.data?.call.title ?? '' })}
        isName
        extra={
          officer ? (
            <Button type="primary" disabled={ranked.length === 0} loading={publish.isPending} onClick={() => void publishNotice()}>
              {t('programmes.rank.publish', { n: ranked.length })}
            </Button>
          ) : null
        }
      >
        <Typography.Text type="secondary">{t('programmes.rank.intro')}</Typography.Text>
      </PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Space size={48}>
          <Statistic title={t('programmes.rank.totalBudget')} value={formatMoney(ranking.data?.call.totalBudget, 'wan', lang)} />
          <Statistic title={t('programmes.rank.selected')} value={formatMoney(ranking.data?.selected, 'wan', lang)} />
          <Statistic title={t('programmes.rank.count')} value={items.length} suffix={t('programmes.rank.countSuffix')} />
        </Space>
      </Card>
      <Card>
        <DataTable<Item>
          tableId="programmes.ranking"
          rowKey="id"
          size="middle"
          columns={columns}
          query={ranking}
          rows={items}
          scroll={{ x: 1600 }}
          rowClassName={(r) => (r.withinBudget ? '' : 'below-line')}
          onRow={(r, i) => ({
            style: i === line && line > 0 ? { borderTop: '3px solid #cf1322' } : r.withinBudget ? undefined : { background: '#fafafa' },
          })}
        />
      </Card>
      {moderating ? <ModerateModal item={moderating.item} select={moderating.select} onClose={() => setModerating(null)} /> : null}
    </>
  );
}
