import { Alert, Card, Col, InputNumber, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { formatYuan } from '../../../lib/format';
import { useStats } from '../api/get-stats';

// ECharts only loads with this page, in its own chunk.
const BarByBucket = lazy(() => import('./StatsCharts').then((m) => ({ default: m.BarByBucket })));
const PieByBucket = lazy(() => import('./StatsCharts').then((m) => ({ default: m.PieByBucket })));

export default function StatsPage() {
  const [year, setYear] = useState(2015);
  const stats = useStats(year);
  const s = stats.data;
  return (
    <>
      <PageTitle title="技术市场统计" extra={<Space>年度<InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label="年度" /></Space>}>
        {s ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            统计口径：{s.dateBasis}；{s.amountBasis}。
          </Typography.Paragraph>
        ) : null}
      </PageTitle>
      {stats.isError ? <Alert type="error" showIcon message={errorMessage(stats.error)} /> : null}
      {!s ? (
        <Skeleton active />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={24} md={8}><Card><Statistic title="登记技术合同（项）" value={s.totals.deals} data-testid="stats-deals" /></Card></Col>
            <Col xs={24} md={8}><Card><Statistic title="合同成交额" value={formatYuan(s.totals.amount)} data-testid="stats-amount" /></Card></Col>
            <Col xs={24} md={8}><Card><Statistic title="技术交易额" value={formatYuan(s.totals.technicalIncome)} /></Card></Col>
          </Row>
          <Suspense fallback={<Skeleton active />}>
            <Row gutter={16}>
              <Col xs={24} lg={12}><Card title="按区县" style={{ marginBottom: 16 }}><BarByBucket buckets={s.byDistrict} label="按区县的合同数与成交额" /></Card></Col>
              <Col xs={24} lg={12}><Card title="按合同类型（成交额）" style={{ marginBottom: 16 }}><PieByBucket buckets={s.byType} label="按合同类型的成交额" /></Card></Col>
              <Col xs={24} lg={12}><Card title="按技术领域" style={{ marginBottom: 16 }}><BarByBucket buckets={s.byDomain} label="按技术领域的合同数与成交额" /></Card></Col>
              <Col xs={24} lg={12}><Card title="历年" style={{ marginBottom: 16 }}><BarByBucket buckets={s.byYear} label="历年合同数与成交额" /></Card></Col>
            </Row>
          </Suspense>
        </>
      )}
    </>
  );
}
