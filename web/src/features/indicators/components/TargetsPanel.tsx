import { Button, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTargets, type TargetRow } from '../api/get-targets';
import { formatFigure } from './format';
import { TargetFormModal } from './TargetFormModal';

const FLAGS: Record<string, { label: string; color: string }> = {
  met: { label: '已完成', color: 'green' },
  already_met: { label: '上年已达到', color: 'gold' },
  below_previous_actual: { label: '低于上年实际（冲突）', color: 'red' },
  district_sum_mismatch: { label: '区县合计与全市不符', color: 'orange' },
  not_measured: { label: '业务模块未上线', color: 'default' },
};

/**
 * The year's targets against the actuals: progress, district sums and the flags (met, conflict),
 * never hidden. City officers enter or change a target here (the form replaces the code's year).
 */
export function TargetsPanel({ year, canEdit = false }: { year: number; canEdit?: boolean }) {
  const targets = useTargets(year);
  const [editing, setEditing] = useState<{ code?: string; year: number } | null>(null);
  const edit: TableColumnsType<TargetRow> = canEdit
    ? [
        {
          title: '操作',
          key: 'edit',
          render: (_: unknown, r) => (
            <Button size="small" type="link" aria-label={`修改${r.name}目标`} onClick={() => setEditing({ code: r.code, year })}>
              修改
            </Button>
          ),
        },
      ]
    : [];
  return (
    <>
      {canEdit ? (
        <Space style={{ marginBottom: 8 }}>
          <Button type="primary" onClick={() => setEditing({ year })}>
            设定目标
          </Button>
          <Typography.Text type="secondary">逐项录入全市目标及区县分解；也可在“数据导入”中批量导入。</Typography.Text>
        </Space>
      ) : null}
      {editing ? <TargetFormModal open initial={editing} onClose={() => setEditing(null)} /> : null}
      <Table<TargetRow>
        rowKey="code"
        data-testid="targets-table"
        size="small"
        loading={targets.isFetching}
        dataSource={targets.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: `${year}年尚未设定目标` }}
        columns={[
          { title: '指标', dataIndex: 'name', render: (n: string, r) => <Tooltip title={r.note ?? r.code}>{n}</Tooltip> },
          { title: '目标', dataIndex: 'target', align: 'right', render: (v: number | null, r) => formatFigure(v, r.unit) },
          { title: '实际', dataIndex: 'actual', align: 'right', render: (v: number | null, r) => formatFigure(v, r.unit) },
          { title: '完成率', dataIndex: 'progress', align: 'right', render: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`) },
          { title: `${year - 1}年实际`, dataIndex: 'previousActual', align: 'right', render: (v: number | null, r) => formatFigure(v, r.unit) },
          {
            title: '区县分解',
            dataIndex: 'districtSum',
            align: 'right',
            render: (v: number | null, r) => (v === null ? '—' : `${formatFigure(v, r.unit)}（差 ${formatFigure(r.difference, r.unit)}）`),
          },
          {
            title: '提示',
            dataIndex: 'flags',
            render: (flags: string[]) =>
              flags.map((f) => (
                <Tag key={f} color={FLAGS[f]?.color}>
                  {FLAGS[f]?.label ?? f}
                </Tag>
              )),
          },
          ...edit,
        ]}
      />
    </>
  );
}
