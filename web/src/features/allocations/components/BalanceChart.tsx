import { allocationsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** The districts' allocated funds of a year, in 万元. */
export function BalanceChart({
  rows,
}: {
  rows: { name: string; balanceFen: number }[];
}) {
  const t = useMessages(allocationsMessages);
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(rows);
  useEffect(() => {
    if (!ref.current) {
      return;
    }
    const data = JSON.parse(key) as { name: string; balanceFen: number }[];
    const chart = echarts.init(ref.current);
    chart.setOption({
      grid: { left: 56, right: 12, top: 24, bottom: 56 },
      tooltip: { trigger: "axis" },
      xAxis: {
        type: "category",
        data: data.map((b) => b.name),
        axisLabel: { rotate: 45 },
      },
      yAxis: { type: "value", name: t('allocations.unit.tenThousandYuan') },
      series: [
        {
          type: "bar",
          name: t('allocations.chart.released'),
          data: data.map((b) => Math.round(b.balanceFen / 100) / 10000),
          itemStyle: { color: "#1677ff" },
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener("resize", onResize);
    return () => {
      window.removeEventListener("resize", onResize);
      chart.dispose();
    };
  }, [key, t]);
  return (
    <div
      ref={ref}
      style={{ width: "100%", height: 260 }}
      role="img"
      aria-label={t('allocations.chart.title')}
    />
  );
}
