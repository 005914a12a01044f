import { Alert, App, Button, Card, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { DistrictSelect } from '../../../components/DistrictSelect';
import { PageLoading } from '../../../components/PageLoading';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { businessDayjs } from '../../../lib/business-clock';
import { hasAnyRole, useSession } from '../../../lib/session';
import { exportDashboard } from '../api/export-dashboard';
import { useCatalogue } from '../api/get-catalogue';
import { useDistricts } from '../api/get-districts';
import { useSeries } from '../api/get-series';
import { useIndicators, type IndicatorItem } from '../api/list-indicators';
import { HeadlineCards } from './HeadlineCards';
import { AnnualReportButton } from './AnnualReportButton';
import { indicatorsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

// ECharts loads only with the chart tabs, the tables (targets, drill-down records) and the upload only
// when opened: each in its own chunk, so the dashboard's first screen stays small (issue 15).
const TargetsPanel = lazy(() => import('./TargetsPanel').then((m) => ({ default: m.TargetsPanel })));
const ImportPanel = lazy(() => import('./ImportPanel').then((m) => ({ default: m.ImportPanel })));
const RecordsDrawer = lazy(() => import('./RecordsDrawer').then((m) => ({ default: m.RecordsDrawer })));
const DistrictChart = lazy(() => import('./Charts').then((m) => ({ default: m.DistrictChart })));
const TrendChart = lazy(() => import('./Charts').then((m) => ({ default: m.TrendChart })));

const CITY_ROLES = ['city_admin', 'city_officer', 'auditor'] as const;
const FIRST_YEAR = 2008;

/** The years a dashboard can show: from the first year of records to next year's targets, latest first. */
function yearOptions() {
  const last = businessDayjs().year() + 1;
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => ({ value: last - i, label: String(last - i) }));
}

/** The leadership dashboard: headline figures against targets, district comparison, trends, drill-down to records. */
export default function DashboardPage() {
  const t = useMessages(indicatorsMessages);
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
  const scopeName = cityWide ? (district ? `（${district}）` : t('indicators.scope.city')) : `（${me.organization.district?.name ?? t('indicators.scope.ownDistrict')}）`;
  return (
    <>
      <PageTitle
        title={t('indicators.title', { scopeName })}
        extra={
          <Space wrap>
            {t('indicators.year')}
            <Select<number> aria-label={t('indicators.year')} style={{ width: 96 }} value={year} onChange={setYear} options={yearOptions()} />
            {cityWide ? <DistrictSelect style={{ width: 140 }} value={district} onChange={(v) => setDistrict(v ?? undefined)} aria-label={t('indicators.district')} /> : null}
            <Button onClick={() => exportDashboard(year, district, t('indicators.file.dashboard', { year })).catch((e: Error) => void message.error(e.message))}>{t('indicators.exportExcel')}</Button>
            {isOfficer ? <AnnualReportButton year={year} /> : null}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('indicators.intro')}
        </Typography.Paragraph>
      </PageTitle>
      {now.isError ? <Alert type="error" showIcon title={errorMessage(now.error)} style={{ marginBottom: 12 }} /> : null}
      <Tabs
        items={[
          {
            key: 'overview',
            label: t('indicators.tab.overview'),
            children: now.data ? (
              <HeadlineCards items={items} previous={previous} definitions={definitions} year={year} loading={now.isFetching && !now.data} onDrill={(i) => openDrill(i)} />
            ) : (
              <Skeleton active />
            ),
          },
          {
            key: 'targets',
            label: t('indicators.tab.targets'),
            children: (
              <Suspense fallback={<PageLoading />}>
                <TargetsPanel year={year} canEdit={isOfficer} />
              </Suspense>
            ),
          },
          {
            key: 'districts',
            label: t('indicators.tab.districts'),
            children: (
              <Card size="small">
                <Space style={{ marginBottom: 8 }}>
                  {t('indicators.indicator')}
                  <Select
                    style={{ width: 280 }}
                    aria-label={t('indicators.compareIndicator')}
                    value={chartItem?.code}
                    onChange={setChartCode}
                    options={items.map((i) => ({ value: i.code, label: i.name }))}
                  />
                  {districts.data?.districtSum !== null && districts.data?.districtSum !== undefined && chartItem?.kind === 'computed' ? (
                    <Typography.Text type="secondary">{t('indicators.districtSumMatches')}{districts.data.districtSum === districts.data.city ? t('indicators.yes') : t('indicators.noDeduplicated')}</Typography.Text>
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
            label: t('indicators.tab.trend'),
            children: (
              <Card size="small">
                <Space style={{ marginBottom: 8 }}>
                  {t('indicators.indicator')}
                  <Select style={{ width: 280 }} aria-label={t('indicators.trendIndicator')} value={chartItem?.code} onChange={setChartCode} options={items.map((i) => ({ value: i.code, label: i.name }))} />
                </Space>
                <Suspense fallback={<PageLoading />}>{series.data && chartItem ? <TrendChart rows={series.data.items} unit={chartItem.unit} label={chartItem.name} /> : null}</Suspense>
              </Card>
            ),
          },
          ...(isOfficer
            ? [
                {
                  key: 'import',
                  label: t('indicators.tab.imports'),
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
