import { Button, Radio, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNotices, type NoticeListQuery, type NoticeSummary } from '../api/list-notices';
import { NOTICE_STATE } from '../constants';
import { NoticeItemsDrawer } from './NoticeItemsDrawer';
import { useMessages } from '../../../lib/i18n';
import { noticesMessages } from '../messages';

/** Published notices with their state; each opens its items for decisions. */
export function NoticeListPanel({ canAct }: { canAct: boolean }) {
  const t = useMessages(noticesMessages);
  const [state, setState] = useState<NoticeListQuery['state']>(undefined);
  const notices = useNotices(state ? { state } : {});
  const [open, setOpen] = useState<NoticeSummary | null>(null);
  return (
    <>
      <Radio.Group value={state ?? 'all'} onChange={(e) => setState(e.target.value === 'all' ? undefined : (e.target.value as NoticeListQuery['state']))} optionType="button" style={{ marginBottom: 12 }}>
        <Radio.Button value="all">{t('notices.all')}</Radio.Button>
        <Radio.Button value="open">{t('notices.state.open')}</Radio.Button>
        <Radio.Button value="closed">{t('notices.state.closed')}</Radio.Button>
        <Radio.Button value="scheduled">{t('notices.state.scheduled')}</Radio.Button>
      </Radio.Group>
      <Table
        rowKey="id"
        size="small"
        loading={notices.isLoading}
        dataSource={notices.data?.items ?? []}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: t('notices.col.title'), dataIndex: 'title' },
          { title: t('notices.col.type'), dataIndex: 'subjectName', width: 180 },
          { title: t('notices.col.year'), dataIndex: 'year', width: 70 },
          { title: t('notices.col.publishedOn'), dataIndex: 'publishedOn', width: 110 },
          { title: t('notices.col.endsOn'), dataIndex: 'endsOn', width: 110 },
          { title: t('notices.col.itemCount'), dataIndex: 'itemCount', width: 80 },
          { title: t('notices.col.state'), dataIndex: 'state', width: 100, render: (s: string) => <Tag color={NOTICE_STATE[s]?.color}>{NOTICE_STATE[s] ? t(NOTICE_STATE[s].label) : s}</Tag> },
          {
            title: t('notices.col.actions'),
            width: 90,
            render: (_, n) => (
              <Button size="small" onClick={() => setOpen(n)}>
                {t('notices.handle')}
              </Button>
            ),
          },
        ]}
      />
      <NoticeItemsDrawer notice={open} canAct={canAct} onClose={() => setOpen(null)} />
    </>
  );
}
