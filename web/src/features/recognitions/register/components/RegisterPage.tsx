import { Card, Col, Input, Row, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { DataTable, type DataColumn } from '../../../../components/DataTable';
import { DistrictSelect } from '../../../../components/DistrictSelect';
import { PageTitle } from '../../../../components/PageTitle';
import { StatusTag } from '../../../../components/StatusTag';
import { hasAnyRole, useSession } from '../../../../lib/session';
import { useCursorPager } from '../../../../lib/use-cursor-pager';
import { recognitionsExportUrl } from '../api/export-recognitions';
import { useRecognitions, type RegisterItem } from '../api/list-recognitions';
import { STATUS_FILTERS, TYPE_CODES, yearOptions, type RecognitionTypeCode, type StatusFilter } from './constants';
import { CountsTable } from './CountsTable';
import { RecognitionDrawer } from './RecognitionDrawer';
import { businessDayjs } from '../../../../lib/business-clock';
import { useMessages } from '../../../../lib/i18n';
import { recognitionsMessages, recognitionTypeMessages } from '../../messages';

interface Filters {
  type?: RecognitionTypeCode;
  year?: number;
  district?: string;
  status?: StatusFilter;
  q?: string;
}

/** 认定名录 for officers: filter by type, year of issue, district and status; counts of a year; export; detail with certificate and revoke. */
export default function RegisterPage() {
  const t = useMessages(recognitionsMessages);
  const typeName = useMessages(recognitionTypeMessages);
  const me = useSession();
  const [filters, setFilters] = useState<Filters>({});
  const [limit, setLimit] = useState(20);
  const [open, setOpen] = useState<number | null>(null);
  const pager = useCursorPager(JSON.stringify([filters, limit]));
  const list = useRecognitions({ ...filters, limit, cursor: pager.cursor ?? undefined });
  const years = useMemo(() => yearOptions(t), [t]);
  const [countsYear, setCountsYear] = useState(businessDayjs().year() - 1);

  const cityWide = hasAnyRole(me, ['city_officer', 'city_admin', 'auditor']);
  const ownDistrict = !cityWide && me.roles.includes('district_officer') ? me.organization.district : null;
  const canRevoke = me.roles.includes('city_officer');
  const update = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const columns: DataColumn<RegisterItem>[] = [
    { key: 'certificateNo', title: t('recognitions.col.certificateNo'), dataIndex: 'certificateNo', width: 160, render: (v: string, r) => <a onClick={() => setOpen(r.id)}>{v}</a> },
    { key: 'type', title: t('recognitions.col.type'), dataIndex: 'typeName', width: 150 },
    { key: 'enterprise', title: t('recognitions.col.enterprise'), dataIndex: 'enterpriseName' },
    { key: 'district', title: t('recognitions.col.district'), dataIndex: 'districtName', width: 80 },
    { key: 'issuedOn', title: t('recognitions.col.issuedOn'), dataIndex: 'issuedOn', width: 105 },
    { key: 'validUntil', title: t('recognitions.col.validUntil'), dataIndex: 'validUntil', width: 105, render: (v: string | null) => v ?? t('recognitions.validityOpenEndedShort') },
    { key: 'status', title: t('recognitions.col.status'), dataIndex: 'statusName', width: 80, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
  ];

  return (
    <>
      <PageTitle title={t('recognitions.register.title')}>
        {ownDistrict ? <Typography.Text type="secondary">{t('recognitions.register.ownDistrict', { district: ownDistrict.name })}</Typography.Text> : null}
      </PageTitle>
      {/* The counts sit beside the list from 1600 px; below it at 1366×768, so the list keeps every column (状态 included) without scrolling. */}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={17}>
          <Card>
            <DataTable<RegisterItem>
              tableId="recognitions.register"
              rowKey="id"
              columns={columns}
              query={list}
              rows={list.data?.items}
              filters={
                <>
                  <Select aria-label={t('recognitions.col.type')} allowClear placeholder={t('recognitions.col.type')} style={{ width: 220 }} options={TYPE_CODES.map((value) => ({ value, label: typeName(value) }))} value={filters.type} onChange={(v: RecognitionTypeCode | undefined) => update({ type: v })} data-testid="filter-type" />
                  <Select aria-label={t('recognitions.register.year')} allowClear placeholder={t('recognitions.register.year')} style={{ width: 120 }} options={years} value={filters.year} onChange={(v: number | undefined) => update({ year: v })} />
                  {ownDistrict ? null : <DistrictSelect aria-label={t('recognitions.col.district')} style={{ width: 150 }} value={filters.district} onChange={(v) => update({ district: v ?? undefined })} />}
                  <Select aria-label={t('recognitions.col.status')} allowClear placeholder={t('recognitions.register.statusToday')} style={{ width: 120 }} options={STATUS_FILTERS.map((value) => ({ value, label: t(`recognitions.status.${value}`) }))} value={filters.status} onChange={(v: StatusFilter | undefined) => update({ status: v })} data-testid="filter-status" />
                  <Input.Search aria-label={t('recognitions.register.search')} allowClear placeholder={t('recognitions.register.searchPlaceholder')} style={{ width: 260 }} onSearch={(q) => update({ q: q.trim() || undefined })} />
                </>
              }
              exportFile={{ url: recognitionsExportUrl(filters), filename: t('recognitions.exportRegisterFile') }}
              keyset={{ pager, nextCursor: list.data?.nextCursor, pageSize: limit, onPageSizeChange: setLimit }}
              scroll={{ x: 860 }}
              onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
              data-testid="register-table"
            />
          </Card>
        </Col>
        <Col xs={24} xxl={7}>
          <Card
            title={t('recognitions.register.counts')}
            extra={<Select aria-label={t('recognitions.register.countsYear')} size="small" style={{ width: 100 }} options={years} value={countsYear} onChange={setCountsYear} />}
          >
            <CountsTable year={countsYear} district={cityWide ? filters.district : undefined} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
              {t('recognitions.register.countsNote', { district: ownDistrict ? t('recognitions.register.countsDistrict', { name: ownDistrict.name }) : '' })}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <RecognitionDrawer id={open} onClose={() => setOpen(null)} canRevoke={canRevoke} linkEnterprise />
    </>
  );
}
