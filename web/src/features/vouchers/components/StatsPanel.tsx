import { Card, Col, InputNumber, Radio, Row, Statistic } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { PageLoading } from '../../../components/PageLoading';
import { useStatistics } from '../api/get-statistics';
import { renderWan } from '../../../components/Money';

const StatsChart = lazy(() => import('./StatsChart'));

type By = 'district' | 'provider' | 'category' | 'month';

/** Issued, used, usage rate and holders by district / provider / category / month. */
export function StatsPanel() {
  const [year, setYear] = useState(2015);
  const [by, setBy] = useState<By>('district');
  const stats = useStatistics({ year, by });
  const t = stats.data?.totals;
  return (
    <>
      <Row gutter={12} align="middle" style={{ marginBottom: 12 }}>
        <Col>
          年度 <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        </Col>
        <Col>
          <Radio.Group value={by} onChange={(e) => setBy(e.target.value as By)} optionType="button">
            <Radio.Button value="district">按区县</Radio.Button>
            <Radio.Button value="provider">按服务机构</Radio.Button>
            <Radio.Button value="category">按类别</Radio.Button>
            <Radio.Button value="month">按月份</Radio.Button>
          </Radio.Group>
        </Col>
      </Row>
      <Row gutter={12}>
        {[
          ['发放总额（万元）', t?.issued === undefined ? undefined : t.issued / 1e4],
          ['兑付总额（万元）', t?.redeemed === undefined ? undefined : t.redeemed / 1e4],
          ['使用率（%）', t?.usageRate === null || t?.usageRate === undefined ? undefined : t.usageRate * 100],
          ['持有人数', t?.holders],
        ].map(([title, value]) => (
          <Col key={String(title)} xs={12} md={6}>
            <Card size="small" loading={stats.isLoading}>
              <Statistic title={title} value={(value as number | undefined) ?? 0} precision={title === '持有人数' ? 0 : 2} />
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
          { key: 'label', title: '维度', dataIndex: 'label' },
          { key: 'issued', title: '发放', dataIndex: 'issued', render: renderWan },
          { key: 'redeemed', title: '兑付', dataIndex: 'redeemed', render: renderWan },
          { key: 'expired', title: '到期收回', dataIndex: 'expired', render: renderWan },
          { key: 'usageRate', title: '使用率', dataIndex: 'usageRate', render: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`) },
          { key: 'holders', title: '持有人数', dataIndex: 'holders', render: (v: number | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
