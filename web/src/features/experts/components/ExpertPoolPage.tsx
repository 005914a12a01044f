import { Button, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { CursorPager } from '../../../components/CursorPager';
import { PageTitle } from '../../../components/PageTitle';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { useExperts, type ExpertItem, type ListExpertsQuery } from '../api/list-experts';
import { CATEGORY_OPTIONS, FIELD_SUGGESTIONS } from '../constants';
import { ExpertFormModal } from './ExpertFormModal';
import { ExpertLinksDrawer } from './ExpertLinksDrawer';

type Filters = Pick<ListExpertsQuery, 'q' | 'category' | 'field' | 'active'>;

/** 专家库: the city officer keeps the pool (create, edit, links); the auditor reads it. */
export default function ExpertPoolPage() {
  const me = useSession();
  const canEdit = hasAnyRole(me, ['city_officer']);
  const [filters, setFilters] = useState<Filters>({ active: 'true' });
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(20);
  const pager = useCursorPager(JSON.stringify({ ...filters, limit }));
  const list = useExperts({ ...filters, limit, ...(pager.cursor ? { cursor: pager.cursor } : {}) });
  const [editing, setEditing] = useState<ExpertItem | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageTitle
        title="专家库"
        extra={
          canEdit ? (
            <Button
              type="primary"
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              新增专家
            </Button>
          ) : null
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder="姓名或工作单位"
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setFilters((f) => ({ ...f, q: v.trim() || undefined }))}
          style={{ width: 220 }}
          aria-label="按姓名或工作单位搜索"
        />
        <Select
          allowClear
          placeholder="专家类别"
          style={{ width: 140 }}
          value={filters.category}
          options={[...CATEGORY_OPTIONS]}
          onChange={(v) => setFilters((f) => ({ ...f, category: v }))}
          aria-label="专家类别"
        />
        <Select
          allowClear
          showSearch
          placeholder="专业领域"
          style={{ width: 180 }}
          value={filters.field}
          options={FIELD_SUGGESTIONS.map((f) => ({ value: f, label: f }))}
          onChange={(v) => setFilters((f) => ({ ...f, field: v }))}
          aria-label="专业领域"
        />
        <Select
          style={{ width: 120 }}
          value={filters.active ?? 'all'}
          options={[
            { value: 'true', label: '在库' },
            { value: 'false', label: '停用' },
            { value: 'all', label: '全部' },
          ]}
          onChange={(v) => setFilters((f) => ({ ...f, active: v === 'all' ? undefined : (v as 'true' | 'false') }))}
          aria-label="是否在库"
        />
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={items}
        pagination={false}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '工作单位', dataIndex: 'organization' },
          { title: '职称', dataIndex: 'title', width: 130 },
          { title: '类别', dataIndex: 'categoryName', width: 100 },
          {
            title: '专业领域',
            dataIndex: 'fields',
            render: (fs: string[]) =>
              fs.map((f) => (
                <Tag key={f} style={{ marginBottom: 2 }}>
                  {f}
                </Tag>
              )),
          },
          { title: '在评任务', dataIndex: 'load', width: 90 },
          { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">在库</Tag> : <Tag>停用</Tag>) },
          {
            title: '操作',
            width: 160,
            render: (_, e) => (
              <Flex gap={4}>
                <Button type="link" size="small" onClick={() => setViewing(e.id)}>
                  关联企业
                </Button>
                {canEdit ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      setEditing(e);
                      setFormOpen(true);
                    }}
                  >
                    编辑
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      <CursorPager pager={pager} nextCursor={list.data?.nextCursor} loading={list.isFetching} pageSize={limit} onPageSizeChange={setLimit} rowsOnPage={items.length} />
      <ExpertFormModal open={formOpen} editing={editing} onClose={() => setFormOpen(false)} />
      <ExpertLinksDrawer expertId={viewing} canEdit={canEdit} onClose={() => setViewing(null)} />
    </>
  );
}
