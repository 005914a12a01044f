import { Button, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { useTargets, type TargetRow } from '../api/get-targets';
import { formatFigure } from './format';
import { TargetFormModal } from './TargetFormModal';
import { indicatorsMessages, type IndicatorsT } from '../messages';
import { useMessages } from '../../../lib/i18n';

const flags = (t: IndicatorsT): Record<string, { label: string; color: string }> => ({
  met: { label: t('indicators.flag.met'), color: 'green' },
  already_met: { label: t('indicators.flag.alreadyMet'), color: 'gold' },
  below_previous_actual: { label: t('indicators.flag.belowPrevious'), color: 'red' },
  district_sum_mismatch: { label: t('indicators.flag.districtMismatch'), color: 'orange' },
  not_measured: { label: t('indicators.flag.notMeasured'), color: 'default' },
});

/**
 * The year's targets against the actuals: progress, district sums and the flags (met, conflict),
 * never hidden. City officers enter or change a target here (the form replaces the code's year).
 */
export function TargetsPanel({ year, canEdit = false }: { year: number; canEdit?: boolean }) {
  const t = useMessages(indicatorsMessages);
  const flagOf = flags(t);
  const targets = useTargets(year);
  const [editing, setEditing] = useState<{ code?: string; year: number } | null>(null);
  const edit: DataColumn<TargetRow>[] = canEdit
    ? [
        {
          title: t('common.actions'),
          key: 'edit',
          render: (_: unknown, r) => (
            <Button size="small" type="link" aria-label={t('indicators.targets.editTitle', { name: r.name })} onClick={() => setEditing({ code: r.code, year })}>
              {t('indicators.targets.edit')}
            </Button>
          ),
        },
      ]
    : [];
  return (
    <>
      {editing ? <TargetFormModal open initial={editing} onClose={() => setEditing(null)} /> : null}
      <DataTable<TargetRow>
        tableId="indicators.targets"
        rowKey="code"
        data-testid="targets-table"
        query={targets}
        rows={targets.data?.items}
        filters={canEdit ? <Typography.Text type="secondary">{t('indicators.targets.intro')}</Typography.Text> : null}
        actions={
          canEdit ? (
            <Button type="primary" onClick={() => setEditing({ year })}>
              {t('indicators.targets.set')}
            </Button>
          ) : null
        }
        columns={[
          { key: 'name', title: t('indicators.indicator'), dataIndex: 'name', render: (n: string, r) => <Tooltip title={r.note ?? r.code}>{n}</Tooltip> },
          { key: 'target', title: t('indicators.target'), dataIndex: 'target', align: 'right', render: (v: number | null, r) => formatFigure(v, r.unit) },
          { key: 'actual', title: t('indicators.targets.actual'), dataIndex: 'actual', align: 'right', render: (v: number | null, r) => formatFigure(v, r.unit) },
          { key: 'progress', title: t('indicators.targets.rate'), dataIndex: 'progress', align: 'right', render: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`) },
          { key: 'previousActual', title: t('indicators.targets.previousActual', { v0: year - 1 }), dataIndex: 'previousActual', align: 'right', render: (v: number | null, r) => formatFigure(v, r.unit) },
          {
            key: 'districtSum',
            title: t('indicators.targets.breakdown'),
            dataIndex: 'districtSum',
            align: 'right',
            render: (v: number | null, r) => (v === null ? '—' : t('indicators.targets.withDifference', { v: formatFigure(v, r.unit), difference: formatFigure(r.difference, r.unit) })),
          },
          {
            key: 'flags',
            title: t('indicators.targets.flags'),
            dataIndex: 'flags',
            render: (flags: string[]) =>
              flags.map((f) => (
                <Tag key={f} color={flagOf[f]?.color}>
                  {flagOf[f]?.label ?? f}
                </Tag>
              )),
          },
          ...edit,
        ]}
      />
    </>
  );
}
