import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { TechmarketStats } from '../api/get-stats';
import { CHART_GRID, CHART_LEGEND } from '../../../lib/chart-layout';
import { techmarketMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Bucket = TechmarketStats['byDistrict'][number];

function useChart(option: echarts.EChartsCoreOption) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(ref.current!);
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return ref;
}

export function BarByBucket({ buckets, label }: { buckets: Bucket[]; label: string }) {
  const t = useMessages(techmarketMessages);
  const ref = useChart({
    tooltip: { trigger: 'axis' },
    legend: { ...CHART_LEGEND, data: [t('techmarket.stats.deals'), t('techmarket.stats.amountWan')] },
    grid: CHART_GRID,
    xAxis: { type: 'category', data: buckets.map((b) => b.name), axisLabel: { rotate: 30 } },
    yAxis: [{ type: 'value', name: t('techmarket.stats.unitDeals') }, { type: 'value', name: t('techmarket.stats.unitWan') }],
    series: [
      { name: t('techmarket.stats.deals'), type: 'bar', data: buckets.map((b) => b.deals) },
      { name: t('techmarket.stats.amountWan'), type: 'bar', yAxisIndex: 1, data: buckets.map((b) => Math.round(b.amount / 1e4)) },
    ],
  });
  return <div ref={ref} role="img" aria-label={label} style={{ height: 320 }} />;
}

export function PieByBucket({ buckets, label }: { buckets: Bucket[]; label: string }) {
  const ref = useChart({
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: buckets.map((b) => ({ name: b.name, value: Math.round(b.amount / 1e4) })) }],
  });
  return <div ref={ref} role="img" aria-label={label} style={{ height: 320 }} />;
}

export default { BarByBucket, PieByBucket };
