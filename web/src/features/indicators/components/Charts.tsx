import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { CHART_GRID, CHART_LEGEND } from '../../../lib/chart-layout';
import { indicatorsMessages, type IndicatorsT } from '../messages';
import { UNIT_YUAN } from './format';
import { useMessages } from '../../../lib/i18n';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function useChart(option: echarts.EChartsCoreOption, onClick?: (name: string) => void) {
  const ref = useRef<HTMLDivElement>(null);
  // The option is rebuilt on every render; redraw only when its content changes.
  const key = JSON.stringify(option);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  useEffect(() => {
    if (!ref.current) {
      return;
    }
    const chart = echarts.init(ref.current);
    chart.setOption(JSON.parse(key) as echarts.EChartsCoreOption);
    chart.on('click', (p) => clickRef.current?.(String((p as { name?: string }).name ?? '')));
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [key]);
  return ref;
}

const scaleOf = (t: IndicatorsT, unit: string, values: number[]) => {
  const max = Math.max(0, ...values);
  if (unit === UNIT_YUAN && max >= 1e8) {
    return { div: 1e8, name: t('indicators.unit.hundredMillionYuan') };
  }
  if (unit === UNIT_YUAN && max >= 1e4) {
    return { div: 1e4, name: t('indicators.unit.tenThousandYuan') };
  }
  return { div: 1, name: unit };
};

/** District comparison: value bars with the district target as a line; a click on a bar drills into that district. */
export function DistrictChart({ rows, unit, label, onPick }: { rows: { district: string; value: number | null; target: number | null }[]; unit: string; label: string; onPick?: (district: string) => void }) {
  const t = useMessages(indicatorsMessages);
  const s = scaleOf(t, unit, rows.map((r) => r.value ?? 0));
  const hasTargets = rows.some((r) => r.target !== null);
  const ref = useChart(
    {
      tooltip: { trigger: 'axis' },
      legend: { ...CHART_LEGEND, data: hasTargets ? [label, t('indicators.target')] : [label] },
      grid: CHART_GRID,
      xAxis: { type: 'category', data: rows.map((r) => r.district), axisLabel: { rotate: rows.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', name: s.name },
      series: [
        { name: label, type: 'bar', data: rows.map((r) => (r.value === null ? null : Math.round((r.value / s.div) * 100) / 100)) },
        ...(hasTargets ? [{ name: t('indicators.target'), type: 'line', data: rows.map((r) => (r.target === null ? null : r.target / s.div)) }] : []),
      ],
    },
    onPick,
  );
  return <div ref={ref} style={{ width: '100%', height: 360 }} role="img" aria-label={t('indicators.chart.districts', { label })} />;
}

/** Trend over years: values as bars, targets as a line. */
export function TrendChart({ rows, unit, label }: { rows: { year: number; value: number | null; target: number | null }[]; unit: string; label: string }) {
  const t = useMessages(indicatorsMessages);
  const s = scaleOf(t, unit, rows.map((r) => Math.max(r.value ?? 0, r.target ?? 0)));
  const ref = useChart({
    tooltip: { trigger: 'axis' },
    legend: { ...CHART_LEGEND, data: [label, t('indicators.target')] },
    grid: CHART_GRID,
    xAxis: { type: 'category', data: rows.map((r) => t('indicators.chart.year', { year: r.year })) },
    yAxis: { type: 'value', name: s.name },
    series: [
      { name: label, type: 'bar', data: rows.map((r) => (r.value === null ? null : Math.round((r.value / s.div) * 100) / 100)) },
      { name: t('indicators.target'), type: 'line', data: rows.map((r) => (r.target === null ? null : r.target / s.div)), connectNulls: false },
    ],
  });
  return <div ref={ref} style={{ width: '100%', height: 320 }} role="img" aria-label={t('indicators.chart.trend', { label })} />;
}
