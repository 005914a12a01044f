import { Alert, App, Button, Card, InputNumber, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { DistrictSelect } from '../../../components/DistrictSelect';
import { PageLoading } from '../../../components/PageLoading';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { exportDashboard } from '../api/export-dashboard';
import { useCatalogue } from '../api/get-catalogue';
import { useDistricts } from '../api/get-districts';
import { useSeries } from '../api/get-series';
import { useIndicators, type IndicatorItem } from '../api/list-indicators';
import { HeadlineCards } from './HeadlineCards';
import { AnnualReportButton } from './AnnualReportButton';

// ECharts loads only with the chart tabs, the tables (targets, drill-down records) and the upload only
// when opened: each in its own chunk, so the dashboard's first screen stays small (issue 15).
const TargetsPanel = lazy(() => import('./TargetsPanel').then((m) => ({ default: m.TargetsPanel })));
const ImportPanel = lazy(() => import('./ImportPanel').then((m) => ({ default: m.ImportPanel })));
const RecordsDrawer = lazy(() => import('./RecordsDrawer').then((m) => ({ default: m.RecordsDrawer })));
const DistrictChart = lazy(() => import('./Charts').then((m) => ({ default: m.DistrictChart })));
const TrendChart = lazy(() => import('./Charts').then((m) => ({ default: m.TrendChart })));

const CITY_ROLES = ['city_admin', 'city_officer', 'auditor'] as const;

/** The leadership dashboard: headline figures against targets, district comparison, trends, drill-down to records. */
export default function DashboardPage() {
  const me = useSession();
  const { message } = App.useApp();
  const cityWide = hasAnyRole(me, CITY_ROLES);
  const isOfficer = hasAnyRole(me, ['city_officer']);
  const [year, setYear] = useState(2015);
  const [district, setDistrict] = useState<string | undefined>(undefined);
  const [drill, setDrill] = useState<{ code: string; name: string; unit: string; definition: string | null; district?: string } | null>(null);
  const [chartCode, setChartCode] = useState<string>('voucher.issued');
  const now = useIndicators({ year, district });
  const before = useIndicators({ year: year - 1, district });
  const catalogue = useCatalogue();
  const definitions = useMemo(() => new Map((catalogue.data?.items ?? []).map((c) => [c.code, c.definition])), [catalogue.data]);
  const previous = useMemo(() => new Map((before.data?.items ?? []).map((i) => [i.code, i.value])), [before.data]);
  const items = now.data?.items ?? [];
  const chartItem = items.find((i) => i.code === chartCode) ?? items[0];
  const districts = useDistricts(chartItem?.code ?? null, year);
  const series = useSeries(chartItem?.code ?? null, year - 5, year + 1, district);
  const openDrill = (i: IndicatorItem, d?: string) => setDrill({ code: i.code, name: i.name, unit: i.unit, definition: definitions.get(i.code) ?? null, district: d ?? district });
  const scopeName = cityWide ? (district ? `（${district}）` : '（全市）') : `（${me.organization.district?.name ?? '本区县'}）`;
  return (
    <>
      <PageTitle
        title={`科技工作指标看板${scopeName}`}
        extra={
          <Space wrap>
            年度
            <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
            {cityWide ? <DistrictSelect style={{ width: 140 }} value={district} onChange={(v) => setDistrict(v ?? undefined)} aria-label="区县" /> : null}
            <Button onClick={() => exportDashboard(year, district).catch((e: Error) => void message.error(e.message))}>导出 Excel</Button>
            {isOfficer ? <AnnualReportButton year={year} /> : null}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          “平台计算”的数字由业务记录实时汇总，点击可查看背后的记录；“外部统计”为导入的统计数据，注明来源。
        </Typography.Paragraph>
      </PageTitle>
      {now.isError ? <Alert type="error" showIcon title={errorMessage(now.error)} style={{ marginBottom: 12 }} /> : null}
      <Tabs
        items={[
          {
            key: 'overview',
            label: '总览',
            children: now.data ? (
              <HeadlineCards items={items} previous={previous} definitions={definitions} year={year} loading={now.isFetching && !now.data} onDrill={(i) => openDrill(i)} />
            ) : (
              <Skeleton active />
            ),
          },
          {
            key: 'targets',
            label: '目标进度',
            children: (
              <Suspense fallback={<PageLoading />}>
                <TargetsPanel year={year} canEdit={isOfficer} />
              </Suspense>
            ),
          },
          {
            key: 'districts',
            label: '区县对比',
            children: (
              <Card size="small">
                <Space style={{ marginBottom: 8 }}>
                  指标
                  <Select
                    style={{ width: 280 }}
                    aria-label="对比指标"
                    value={chartItem?.code}
                    onChange={setChartCode}
                    options={items.map((i) => ({ value: i.code, label: i.name }))}
                  />
                  {districts.data?.districtSum !== null && districts.data?.districtSum !== undefined && chartItem?.kind === 'computed' ? (
                    <Typography.Text type="secondary">区县合计与全市一致：{districts.data.districtSum === districts.data.city ? '是' : '否（按持有人去重）'}</Typography.Text>
                  ) : null}
                </Space>
                <Suspense fallback={<PageLoading />}>
                  {districts.data && chartItem ? (
                    <DistrictChart
                      rows={districts.data.items}
                      unit={chartItem.unit}
                      label={chartItem.name}
                      onPick={chartItem.kind === 'computed' ? (d) => openDrill(chartItem, d) : undefined}
                    />
                  ) : null}
                </Suspense>
              </Card>
            ),
          },
          {
            key: 'trends',
            label: '历年趋势',
            children: (
              <Card size="small">
                <Space style={{ marginBottom: 8 }}>
                  指标
                  <Select style={{ width: 280 }} aria-label="趋势指标" value={chartItem?.code} onChange={setChartCode} options={items.map((i) => ({ value: i.code, label: i.name }))} />
                </Space>
                <Suspense fallback={<PageLoading />}>{series.data && chartItem ? <TrendChart rows={series.data.items} unit={chartItem.unit} label={chartItem.name} /> : null}</Suspense>
              </Card>
            ),
          },
          ...(isOfficer
            ? [
                {
                  key: 'import',
                  label: '数据导入',
                  children: (
                    <Suspense fallback={<PageLoading />}>
                      <ImportPanel />
                    </Suspense>
                  ),
                },
              ]
            : []),
        ]}
      />
      {drill ? (
        <Suspense fallback={null}>
          <RecordsDrawer target={drill} year={year} district={drill.district} onClose={() => setDrill(null)} />
        </Suspense>
      ) : null}
    </>
  );
}
