import { Card, Col, InputNumber, Radio, Row, Statistic } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { PageLoading } from '../../../components/PageLoading';
import { useMessages } from '../../../lib/i18n';
import { useStatistics } from '../api/get-statistics';
import { vouchersMessages } from '../messages';
import { renderWan } from '../../../components/Money';

const StatsChart = lazy(() => import('./StatsChart'));

type By = 'district' | 'provider' | 'category' | 'month';

/** Issued, used, usage rate and holders by district / provider / category / month. */
export function StatsPanel() {
  const tr = useMessages(vouchersMessages);
  const [year, setYear] = useState(2015);
  const [by, setBy] = useState<By>('district');
  const stats = useStatistics({ year, by });
  const t = stats.data?.totals;
  return (
    <>
      <Row gutter={12} align="middle" style={{ marginBottom: 12 }}>
        <Col>
          {tr('vouchers.stats.year')} <InputNumber aria-label={tr('vouchers.stats.year')} min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        </Col>
        <Col>
          <Radio.Group value={by} onChange={(e) => setBy(e.target.value as By)} optionType="button">
            <Radio.Button value="district">{tr('vouchers.stats.byDistrict')}</Radio.Button>
            <Radio.Button value="provider">{tr('vouchers.stats.byProvider')}</Radio.Button>
            <Radio.Button value="category">{tr('vouchers.stats.byCategory')}</Radio.Button>
            <Radio.Button value="month">{tr('vouchers.stats.byMonth')}</Radio.Button>
          </Radio.Group>
        </Col>
      </Row>
      <Row gutter={12}>
        {(
          [
            ['vouchers.stats.issuedTotal', t?.issued === undefined ? undefined : t.issued / 1e4, 2],
            ['vouchers.stats.redeemedTotal', t?.redeemed === undefined ? undefined : t.redeemed / 1e4, 2],
            ['vouchers.stats.usageRatePercent', t?.usageRate === null || t?.usageRate === undefined ? undefined : t.usageRate * 100, 2],
            ['vouchers.stats.holders', t?.holders, 0],
          ] as const
        ).map(([title, value, precision]) => (
          <Col key={title} xs={12} md={6}>
            <Card size="small" loading={stats.isLoading}>
              <Statistic title={tr(title)} value={value ?? 0} precision={precision} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" style={{ marginTop: 12 }}>
        <Suspense fallback={<PageLoading />}>{stats.data ? <StatsChart rows={stats.data.rows} /> : null}</Suspense>
      </Card>
      <DataTable
        tableId="vouchers.stats"
        query={stats}
        rows={stats.data?.rows}
        style={{ marginTop: 12 }}
        rowKey="key"
        size="small"
        pagination={{ pageSize: 15 }}
        columns={[
          { key: 'label', title: tr('vouchers.stats.dimension'), dataIndex: 'label' },
          { key: 'issued', title: tr('vouchers.stats.issued'), dataIndex: 'issued', render: renderWan },
          { key: 'redeemed', title: tr('vouchers.stats.redeemed'), dataIndex: 'redeemed', render: renderWan },
          { key: 'expired', title: tr('vouchers.stats.expired'), dataIndex: 'expired', render: renderWan },
          { key: 'usageRate', title: tr('vouchers.stats.usageRate'), dataIndex: 'usageRate', render: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`) },
          { key: 'holders', title: tr('vouchers.stats.holders'), dataIndex: 'holders', render: (v: number | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
