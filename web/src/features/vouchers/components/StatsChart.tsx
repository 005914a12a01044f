import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { CHART_GRID, CHART_LEGEND } from '../../../lib/chart-layout';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Issued vs redeemed bars with the usage rate as a line; loaded lazily with its page section. */
export default function StatsChart({ rows }: { rows: { label: string; issued: number; redeemed: number; usageRate: number | null }[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) {
      return;
    }
    const chart = echarts.init(ref.current);
    const wan = (v: number) => Math.round(v / 100) / 100;
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { ...CHART_LEGEND, data: ['发放（万元）', '兑付（万元）', '使用率'] },
      grid: CHART_GRID,
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { rotate: rows.length > 8 ? 30 : 0 } },
      yAxis: [
        { type: 'value', name: '万元' },
        { type: 'value', name: '使用率', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      ],
      series: [
        { name: '发放（万元）', type: 'bar', data: rows.map((r) => wan(r.issued)) },
        { name: '兑付（万元）', type: 'bar', data: rows.map((r) => wan(r.redeemed)) },
        { name: '使用率', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.usageRate) },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={ref} style={{ width: '100%', height: 360 }} role="img" aria-label="创新券发放与兑付统计图" />;
}
