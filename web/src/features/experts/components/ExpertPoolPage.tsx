import { Button, Flex, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { useExperts, type ExpertItem, type ListExpertsQuery } from '../api/list-experts';
import { CATEGORY_OPTIONS, FIELD_SUGGESTIONS } from '../constants';
import { ActiveTag } from './ActiveTag';
import { ExpertFormModal } from './ExpertFormModal';
import { ExpertLinksDrawer } from './ExpertLinksDrawer';
import { useMessages, useT } from '../../../lib/i18n';
import { expertFieldMessages, expertsMessages } from '../messages';

type Filters = Pick<ListExpertsQuery, 'q' | 'category' | 'field' | 'active'>;

/** 专家库: the city officer keeps the pool (create, edit, links); the auditor reads it. */
export default function ExpertPoolPage() {
  const t = useMessages(expertsMessages);
  const tc = useT();
  const field = useMessages(expertFieldMessages);
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

  const columns: DataColumn<ExpertItem>[] = [
    { key: 'name', title: t('experts.col.name'), dataIndex: 'name', width: 100 },
    { key: 'organization', title: t('experts.col.organization'), dataIndex: 'organization' },
    { key: 'title', title: t('experts.col.title'), dataIndex: 'title', width: 130 },
    { key: 'category', title: t('experts.col.category'), dataIndex: 'categoryName', width: 100 },
    {
      key: 'fields',
      title: t('experts.pool.field'),
      dataIndex: 'fields',
      render: (fs: string[]) =>
        fs.map((f) => (
          <Tag key={f} style={{ marginBottom: 2 }}>
            {f}
          </Tag>
        )),
    },
    { key: 'load', title: t('experts.col.load'), dataIndex: 'load', width: 90 },
    { key: 'status', title: t('experts.col.status'), dataIndex: 'active', width: 80, render: (a: boolean) => <ActiveTag active={a} /> },
    {
      key: 'actions',
      title: t('experts.col.actions'),
      width: 160,
      render: (_: unknown, e) => (
        <Flex gap={4}>
          <Button type="link" size="small" onClick={() => setViewing(e.id)}>
            {t('experts.pool.links')}
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
              {tc('common.edit')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={t('experts.pool.title')} />
      <DataTable<ExpertItem>
        tableId="experts.pool"
        rowKey="id"
        columns={columns}
        query={list}
        rows={list.data?.items}
        filters={
          <>
            <Input.Search
              placeholder={t('experts.pool.searchPlaceholder')}
              allowClear
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => setFilters((f) => ({ ...f, q: v.trim() || undefined }))}
              style={{ width: 220 }}
              aria-label={t('experts.pool.searchLabel')}
            />
            <Select
              allowClear
              placeholder={t('experts.pool.category')}
              style={{ width: 140 }}
              value={filters.category}
              options={CATEGORY_OPTIONS.map((o) => ({ value: o.value, label: t(o.label) }))}
              onChange={(v) => setFilters((f) => ({ ...f, category: v }))}
              aria-label={t('experts.pool.category')}
            />
            <Select
              allowClear
              showSearch
              placeholder={t('experts.pool.field')}
              style={{ width: 180 }}
              value={filters.field}
              options={FIELD_SUGGESTIONS.map((f) => ({ value: f, label: field(f) }))}
              onChange={(v) => setFilters((f) => ({ ...f, field: v }))}
              aria-label={t('experts.pool.field')}
            />
            <Select
              style={{ width: 120 }}
              value={filters.active ?? 'all'}
              options={[
                { value: 'true', label: t('experts.pool.active') },
                { value: 'false', label: t('experts.pool.inactive') },
                { value: 'all', label: t('experts.pool.all') },
              ]}
              onChange={(v) => setFilters((f) => ({ ...f, active: v === 'all' ? undefined : (v as 'true' | 'false') }))}
              aria-label={t('experts.pool.activeFilter')}
            />
          </>
        }
        actions={
          canEdit ? (
            <Button
              type="primary"
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {t('experts.pool.create')}
            </Button>
          ) : null
        }
        keyset={{ pager, nextCursor: list.data?.nextCursor, pageSize: limit, onPageSizeChange: setLimit }}
      />
      <ExpertFormModal open={formOpen} editing={editing} onClose={() => setFormOpen(false)} />
      <ExpertLinksDrawer expertId={viewing} canEdit={canEdit} onClose={() => setViewing(null)} />
    </>
  );
}
