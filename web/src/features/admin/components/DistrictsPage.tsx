import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { useDistricts, type District } from '../../../lib/reference/get-districts';
import { useDeleteDistrict } from '../api/delete-district';
import { DistrictFormModal } from './DistrictFormModal';

/** 区县: the districts (GB/T 2260 codes) that scope district officers and enterprises. */
export default function DistrictsPage() {
  const t = useT();
  const { message } = App.useApp();
  const districts = useDistricts();
  const remove = useDeleteDistrict();
  const [editing, setEditing] = useState<District | 'new' | null>(null);

  const columns: DataColumn<District>[] = [
    { key: 'code', title: t('district.code'), dataIndex: 'code', width: 140, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { key: 'name', title: t('district.name'), dataIndex: 'name' },
    { key: 'sortOrder', title: t('district.sortOrder'), dataIndex: 'sortOrder', width: 120 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 160,
      render: (_, d) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setEditing(d)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('district.deleteConfirm', { name: d.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              remove.mutateAsync(d.id).then(
                () => void message.success(t('common.deleted')),
                (e: unknown) => void message.error(errorMessage(e)),
              )
            }
          >
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('nav.districts')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('district.create')}
          </Button>
        }
      />
      <Card>
        <DataTable<District> tableId="admin.districts" rowKey="id" size="middle" columns={columns} query={districts} rows={districts.data} />
      </Card>
      <DistrictFormModal open={editing !== null} district={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </>
  );
}
