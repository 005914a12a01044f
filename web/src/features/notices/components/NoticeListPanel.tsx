import { Button, Radio, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNotices, type NoticeListQuery, type NoticeSummary } from '../api/list-notices';
import { NOTICE_STATE } from '../constants';
import { NoticeItemsDrawer } from './NoticeItemsDrawer';

/** Published notices with their state; each opens its items for decisions. */
export function NoticeListPanel({ canAct }: { canAct: boolean }) {
  const [state, setState] = useState<NoticeListQuery['state']>(undefined);
  const notices = useNotices(state ? { state } : {});
  const [open, setOpen] = useState<NoticeSummary | null>(null);
  return (
    <>
      <Radio.Group value={state ?? 'all'} onChange={(e) => setState(e.target.value === 'all' ? undefined : (e.target.value as NoticeListQuery['state']))} optionType="button" style={{ marginBottom: 12 }}>
        <Radio.Button value="all">全部</Radio.Button>
        <Radio.Button value="open">公示中</Radio.Button>
        <Radio.Button value="closed">公示期满</Radio.Button>
        <Radio.Button value="scheduled">待发布</Radio.Button>
      </Radio.Group>
      <Table
        rowKey="id"
        size="small"
        loading={notices.isLoading}
        dataSource={notices.data?.items ?? []}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: '公示标题', dataIndex: 'title' },
          { title: '类型', dataIndex: 'subjectName', width: 180 },
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '发布日期', dataIndex: 'publishedOn', width: 110 },
          { title: '截止日期', dataIndex: 'endsOn', width: 110 },
          { title: '对象数', dataIndex: 'itemCount', width: 80 },
          { title: '状态', dataIndex: 'state', width: 100, render: (s: string) => <Tag color={NOTICE_STATE[s]?.color}>{NOTICE_STATE[s]?.label}</Tag> },
          {
            title: '操作',
            width: 90,
            render: (_, n) => (
              <Button size="small" onClick={() => setOpen(n)}>
                办理
              </Button>
            ),
          },
        ]}
      />
      <NoticeItemsDrawer notice={open} canAct={canAct} onClose={() => setOpen(null)} />
    </>
  );
}
