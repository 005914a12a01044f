import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { CHART_GRID, CHART_LEGEND } from '../../../lib/chart-layout';
import { useMessages } from '../../../lib/i18n';
import { vouchersMessages } from '../messages';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Issued vs redeemed bars with the usage rate as a line; loaded lazily with its page section. */
export default function StatsChart({ rows }: { rows: { label: string; issued: number; redeemed: number; usageRate: number | null }[] }) {
  const t = useMessages(vouchersMessages);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) {
      return;
    }
    const chart = echarts.init(ref.current);
    const wan = (v: number) => Math.round(v / 100) / 100;
    const [issued, redeemed, usageRate] = [t('vouchers.stats.issuedWan'), t('vouchers.stats.redeemedWan'), t('vouchers.stats.usageRate')];
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { ...CHART_LEGEND, data: [issued, redeemed, usageRate] },
      grid: CHART_GRID,
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { rotate: rows.length > 8 ? 30 : 0 } },
      yAxis: [
        { type: 'value', name: t('vouchers.stats.wan') },
        { type: 'value', name: usageRate, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      ],
      series: [
        { name: issued, type: 'bar', data: rows.map((r) => wan(r.issued)) },
        { name: redeemed, type: 'bar', data: rows.map((r) => wan(r.redeemed)) },
        { name: usageRate, type: 'line', yAxisIndex: 1, data: rows.map((r) => r.usageRate) },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [rows, t]);
  return <div ref={ref} style={{ width: '100%', height: 360 }} role="img" aria-label={t('vouchers.stats.chart')} />;
}
