import { Alert, Card, Col, InputNumber, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { formatYuan } from '../../../lib/format';
import { useStats } from '../api/get-stats';
import { techmarketMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

// ECharts only loads with this page, in its own chunk.
const BarByBucket = lazy(() => import('./StatsCharts').then((m) => ({ default: m.BarByBucket })));
const PieByBucket = lazy(() => import('./StatsCharts').then((m) => ({ default: m.PieByBucket })));

export default function StatsPage() {
  const t = useMessages(techmarketMessages);
  const [year, setYear] = useState(2015);
  const stats = useStats(year);
  const s = stats.data;
  return (
    <>
      <PageTitle title={t('techmarket.stats.title')} extra={<Space>{t('techmarket.stats.year')}<InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label={t('techmarket.stats.year')} /></Space>}>
        {s ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('techmarket.stats.basis', { dateBasis: s.dateBasis, amountBasis: s.amountBasis })}
          </Typography.Paragraph>
        ) : null}
      </PageTitle>
      {stats.isError ? <Alert type="error" showIcon message={errorMessage(stats.error)} /> : null}
      {!s ? (
        <Skeleton active />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={24} md={8}><Card><Statistic title={t('techmarket.stats.registered')} value={s.totals.deals} data-testid="stats-deals" /></Card></Col>
            <Col xs={24} md={8}><Card><Statistic title={t('techmarket.contractAmount')} value={formatYuan(s.totals.amount)} data-testid="stats-amount" /></Card></Col>
            <Col xs={24} md={8}><Card><Statistic title={t('techmarket.technologyAmount')} value={formatYuan(s.totals.technicalIncome)} /></Card></Col>
          </Row>
          <Suspense fallback={<Skeleton active />}>
            <Row gutter={16}>
              <Col xs={24} lg={12}><Card title={t('techmarket.stats.byDistrict')} style={{ marginBottom: 16 }}><BarByBucket buckets={s.byDistrict} label={t('techmarket.stats.byDistrictChart')} /></Card></Col>
              <Col xs={24} lg={12}><Card title={t('techmarket.stats.byType')} style={{ marginBottom: 16 }}><PieByBucket buckets={s.byType} label={t('techmarket.stats.byTypeChart')} /></Card></Col>
              <Col xs={24} lg={12}><Card title={t('techmarket.stats.byDomain')} style={{ marginBottom: 16 }}><BarByBucket buckets={s.byDomain} label={t('techmarket.stats.byDomainChart')} /></Card></Col>
              <Col xs={24} lg={12}><Card title={t('techmarket.stats.byYear')} style={{ marginBottom: 16 }}><BarByBucket buckets={s.byYear} label={t('techmarket.stats.byYearChart')} /></Card></Col>
            </Row>
          </Suspense>
        </>
      )}
    </>
  );
}
