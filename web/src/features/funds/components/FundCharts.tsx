import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Col, Empty, Row } from 'antd';
import { useEffect, useRef } from 'react';
import { CHART_GRID, CHART_LEGEND } from '../../../lib/chart-layout';
import type { FundStats } from '../api/queries';
import { PROGRAMME_KEYS } from '../constants';
import { fundsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function useChart(option: echarts.EChartsCoreOption) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(option);
  useEffect(() => {
    if (!ref.current) {
      return;
    }
    const chart = echarts.init(ref.current);
    chart.setOption(JSON.parse(key) as echarts.EChartsCoreOption);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [key]);
  return ref;
}

const yi = (v: number) => Math.round((v / 1e8) * 100) / 100;

/** The programmes' total scale (认缴规模) and number of partner funds at each year end. */
function ScaleChart({ rows }: { rows: FundStats['scaleByYear'] }) {
  const t = useMessages(fundsMessages);
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const of = (programme: 'guidance' | 'angel', f: 'scale' | 'funds') => years.map((y) => rows.find((r) => r.year === y && r.programme === programme)?.[f] ?? 0);
  const ref = useChart({
    tooltip: { trigger: 'axis' },
    legend: { ...CHART_LEGEND, data: [t('funds.chart.guidanceScale', { guidance: t(PROGRAMME_KEYS.guidance) }), t('funds.chart.angelScale', { angel: t(PROGRAMME_KEYS.angel) }), t('funds.chart.fundCount')] },
    grid: CHART_GRID,
    xAxis: { type: 'category', data: years.map((y) => t('funds.chart.year', { y })) },
    yAxis: [
      { type: 'value', name: t('funds.unit.yi') },
      { type: 'value', name: t('funds.unit.funds'), splitLine: { show: false } },
    ],
    series: [
      { name: t('funds.chart.guidanceScale', { guidance: t(PROGRAMME_KEYS.guidance) }), type: 'bar', stack: 'scale', data: of('guidance', 'scale').map(yi) },
      { name: t('funds.chart.angelScale', { angel: t(PROGRAMME_KEYS.angel) }), type: 'bar', stack: 'scale', data: of('angel', 'scale').map(yi) },
      { name: t('funds.chart.fundCount'), type: 'line', yAxisIndex: 1, data: years.map((_, i) => of('guidance', 'funds')[i] + of('angel', 'funds')[i]) },
    ],
  });
  return <div ref={ref} style={{ width: '100%', height: 340 }} role="img" aria-label={t('funds.chart.scaleAria')} />;
}

function SplitChart({ rows, label }: { rows: { name: string; projects: number; amount: number }[]; label: string }) {
  const t = useMessages(fundsMessages);
  const ref = useChart({
    tooltip: { trigger: 'axis' },
    legend: { ...CHART_LEGEND, data: [t('funds.investedAmount'), t('funds.chart.investedCount')] },
    grid: CHART_GRID,
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: t('funds.unit.yi') },
      { type: 'value', name: t('funds.unit.projects'), splitLine: { show: false } },
    ],
    series: [
      { name: t('funds.investedAmount'), type: 'bar', data: rows.map((r) => yi(r.amount)) },
      { name: t('funds.chart.investedCount'), type: 'line', yAxisIndex: 1, data: rows.map((r) => r.projects) },
    ],
  });
  return <div ref={ref} style={{ width: '100%', height: 340 }} role="img" aria-label={label} />;
}

/** 图表: scale over time, investments by district and by industry (accepted quarterly reports). */
export function FundCharts({ stats }: { stats: FundStats | undefined }) {
  const t = useMessages(fundsMessages);
  if (!stats) {
    return <Empty />;
  }
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title={t('funds.chart.scaleTitle', { year: stats.year })} size="small">
          <ScaleChart rows={stats.scaleByYear} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('funds.chart.byDistrict')} size="small">
          <SplitChart rows={stats.byDistrict.map((r) => ({ name: r.districtName, projects: r.projects, amount: r.amount }))} label={t('funds.chart.byDistrictAria')} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('funds.chart.byIndustry')} size="small">
          <SplitChart rows={stats.byIndustry.map((r) => ({ name: r.industry, projects: r.projects, amount: r.amount }))} label={t('funds.chart.byIndustryAria')} />
        </Card>
      </Col>
    </Row>
  );
}
