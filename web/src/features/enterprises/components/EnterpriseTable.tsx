import { Typography, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { ComponentProps, ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { useT } from '../../../lib/i18n';
import type { EnterpriseListItem, EnterprisePage } from '../api/list-enterprises';
import { SIZE_LABELS } from '../constants';
import type { SortField, SortOrder } from '../hooks/use-enterprise-filters';

type TableProps_ = ComponentProps<typeof DataTable<EnterpriseListItem>>;

interface Props {
  /** The list's react-query result (its loading / refused / failed states show in the table). */
  query: TableProps_['query'] & { data?: EnterprisePage };
  filters: ReactNode;
  actions?: ReactNode;
  keyset: TableProps_['keyset'];
  exportFile: TableProps_['exportFile'];
  sort: SortField;
  order: SortOrder;
  onSort: (sort: SortField, order: SortOrder) => void;
}

const sortOrderOf = (field: SortField, sort: SortField, order: SortOrder) =>
  field === sort ? (order === 'asc' ? 'ascend' : 'descend') : null;

export function EnterpriseTable({ query, filters, actions, keyset, exportFile, sort, order, onSort }: Props) {
  const t = useT();
  const columns: DataColumn<EnterpriseListItem>[] = [
    {
      title: t('ent.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name', sort, order),
      render: (name: string, row) => <Link to={`/enterprises/${row.id}`}>{name}</Link>,
    },
    {
      title: t('ent.uscc'),
      dataIndex: 'uscc',
      key: 'uscc',
      width: 200,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('ent.district'), dataIndex: 'districtName', key: 'districtName', width: 130 },
    { title: t('ent.industry'), dataIndex: 'industry', key: 'industry', width: 150 },
    {
      title: t('ent.size'),
      dataIndex: 'size',
      key: 'size',
      width: 80,
      render: (v: EnterpriseListItem['size']) => (v ? t(SIZE_LABELS[v]) : '—'),
    },
    {
      title: t('ent.registeredOn'),
      dataIndex: 'registeredOn',
      key: 'registeredOn',
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf('registeredOn', sort, order),
    },
  ];

  const onChange: TableProps<EnterpriseListItem>['onChange'] = (_p, _f, sorter) => {
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<EnterpriseListItem> | undefined;
    const key = s?.columnKey;
    if (!s?.order || (key !== 'name' && key !== 'registeredOn')) {
      onSort('id', 'desc');
    } else {
      onSort(key, s.order === 'ascend' ? 'asc' : 'desc');
    }
  };

  return (
    <div data-testid="enterprise-table">
      <DataTable<EnterpriseListItem>
        tableId="enterprises.list"
        rowKey="id"
        size="middle"
        columns={columns}
        query={query}
        rows={query.data?.items}
        filters={filters}
        actions={actions}
        keyset={keyset}
        exportFile={exportFile}
        onChange={onChange}
        showSorterTooltip={false}
        scroll={{ x: 900 }}
      />
    </div>
  );
}
