import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Col, Empty, Row } from 'antd';
import { useEffect, useRef } from 'react';
import { CHART_GRID, CHART_LEGEND } from '../../../lib/chart-layout';
import type { FundStats } from '../api/queries';
import { PROGRAMME_NAMES } from '../constants';

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
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const of = (programme: 'guidance' | 'angel', f: 'scale' | 'funds') => years.map((y) => rows.find((r) => r.year === y && r.programme === programme)?.[f] ?? 0);
  const ref = useChart({
    tooltip: { trigger: 'axis' },
    legend: { ...CHART_LEGEND, data: [`${PROGRAMME_NAMES.guidance}规模`, `${PROGRAMME_NAMES.angel}规模`, '合作基金数'] },
    grid: CHART_GRID,
    xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
    yAxis: [
      { type: 'value', name: '亿元' },
      { type: 'value', name: '家', splitLine: { show: false } },
    ],
    series: [
      { name: `${PROGRAMME_NAMES.guidance}规模`, type: 'bar', stack: 'scale', data: of('guidance', 'scale').map(yi) },
      { name: `${PROGRAMME_NAMES.angel}规模`, type: 'bar', stack: 'scale', data: of('angel', 'scale').map(yi) },
      { name: '合作基金数', type: 'line', yAxisIndex: 1, data: years.map((_, i) => of('guidance', 'funds')[i] + of('angel', 'funds')[i]) },
    ],
  });
  return <div ref={ref} style={{ width: '100%', height: 340 }} role="img" aria-label="历年基金规模图" />;
}

function SplitChart({ rows, label }: { rows: { name: string; projects: number; amount: number }[]; label: string }) {
  const ref = useChart({
    tooltip: { trigger: 'axis' },
    legend: { ...CHART_LEGEND, data: ['投资金额', '投资项目数'] },
    grid: CHART_GRID,
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: '亿元' },
      { type: 'value', name: '个', splitLine: { show: false } },
    ],
    series: [
      { name: '投资金额', type: 'bar', data: rows.map((r) => yi(r.amount)) },
      { name: '投资项目数', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.projects) },
    ],
  });
  return <div ref={ref} style={{ width: '100%', height: 340 }} role="img" aria-label={label} />;
}

/** 图表: scale over time, investments by district and by industry (accepted quarterly reports). */
export function FundCharts({ stats }: { stats: FundStats | undefined }) {
  if (!stats) {
    return <Empty />;
  }
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title={`历年合作基金规模（截至${stats.year}年底）`} size="small">
          <ScaleChart rows={stats.scaleByYear} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title="合作基金投资：按区县（累计，已审核的季度报告）" size="small">
          <SplitChart rows={stats.byDistrict.map((r) => ({ name: r.districtName, projects: r.projects, amount: r.amount }))} label="按区县的投资分布图" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title="合作基金投资：按行业（累计）" size="small">
          <SplitChart rows={stats.byIndustry.map((r) => ({ name: r.industry, projects: r.projects, amount: r.amount }))} label="按行业的投资分布图" />
        </Card>
      </Col>
    </Row>
  );
}
