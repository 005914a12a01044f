import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Input, Row, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { CursorPager } from '../../../../components/CursorPager';
import { DistrictSelect } from '../../../../components/DistrictSelect';
import { PageTitle } from '../../../../components/PageTitle';
import { errorMessage } from '../../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../../lib/session';
import { useCursorPager } from '../../../../lib/use-cursor-pager';
import { useExportRecognitions } from '../api/export-recognitions';
import { useRecognitions, type RegisterItem } from '../api/list-recognitions';
import { STATUS_COLOR, STATUS_OPTIONS, TYPE_OPTIONS, yearOptions, type RecognitionTypeCode, type StatusFilter } from './constants';
import { CountsTable } from './CountsTable';
import { RecognitionDrawer } from './RecognitionDrawer';
import { businessDayjs } from '../../../../lib/business-clock';

interface Filters {
  type?: RecognitionTypeCode;
  year?: number;
  district?: string;
  status?: StatusFilter;
  q?: string;
}

/** 认定名录 for officers: filter by type, year of issue, district and status; counts of a year; export; detail with certificate and revoke. */
export default function RegisterPage() {
  const me = useSession();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [limit, setLimit] = useState(20);
  const [open, setOpen] = useState<number | null>(null);
  const pager = useCursorPager(JSON.stringify([filters, limit]));
  const list = useRecognitions({ ...filters, limit, cursor: pager.cursor ?? undefined });
  const exporter = useExportRecognitions();
  const years = useMemo(yearOptions, []);
  const [countsYear, setCountsYear] = useState(businessDayjs().year() - 1);

  const cityWide = hasAnyRole(me, ['city_officer', 'city_admin', 'auditor']);
  const ownDistrict = !cityWide && me.roles.includes('district_officer') ? me.organization.district : null;
  const canRevoke = me.roles.includes('city_officer');
  const update = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <>
      <PageTitle
        title="认定名录"
        extra={
          <Button
            icon={<FileExcelOutlined />}
            loading={exporter.isPending}
            data-testid="register-export"
            onClick={() => exporter.mutate(filters, { onSuccess: () => void message.success('已导出，请查看浏览器下载'), onError: (e) => void message.error(errorMessage(e)) })}
          >
            导出Excel
          </Button>
        }
      >
        {ownDistrict ? <Typography.Text type="secondary">仅显示认定时属于{ownDistrict.name}的企业</Typography.Text> : null}
      </PageTitle>
      {/* The counts sit beside the list from 1600 px; below it at 1366×768, so the list keeps every column (状态 included) without scrolling. */}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={17}>
          <Card>
            <Flex gap={8} wrap style={{ marginBottom: 16 }}>
              <Select aria-label="认定类型" allowClear placeholder="认定类型" style={{ width: 220 }} options={[...TYPE_OPTIONS]} value={filters.type} onChange={(v: RecognitionTypeCode | undefined) => update({ type: v })} data-testid="filter-type" />
              <Select aria-label="认定年度" allowClear placeholder="认定年度" style={{ width: 120 }} options={years} value={filters.year} onChange={(v: number | undefined) => update({ year: v })} />
              {ownDistrict ? null : <DistrictSelect aria-label="区县" style={{ width: 150 }} value={filters.district} onChange={(v) => update({ district: v ?? undefined })} />}
              <Select aria-label="状态" allowClear placeholder="今日状态" style={{ width: 120 }} options={[...STATUS_OPTIONS]} value={filters.status} onChange={(v: StatusFilter | undefined) => update({ status: v })} data-testid="filter-status" />
              <Input.Search aria-label="搜索" allowClear placeholder="企业名称、信用代码或证书编号" style={{ width: 260 }} onSearch={(q) => update({ q: q.trim() || undefined })} />
            </Flex>
            {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} /> : null}
            <Table<RegisterItem>
              rowKey="id"
              size="small"
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              pagination={false}
              scroll={{ x: 860 }}
              onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
              data-testid="register-table"
              columns={[
                { title: '证书编号', dataIndex: 'certificateNo', width: 160, render: (v: string, r) => <a onClick={() => setOpen(r.id)}>{v}</a> },
                { title: '认定类型', dataIndex: 'typeName', width: 150 },
                { title: '企业名称', dataIndex: 'enterpriseName' },
                { title: '区县', dataIndex: 'districtName', width: 80 },
                { title: '发证日期', dataIndex: 'issuedOn', width: 105 },
                { title: '有效期至', dataIndex: 'validUntil', width: 105, render: (v: string | null) => v ?? '长期有效' },
                { title: '状态', dataIndex: 'status', width: 80, render: (s: string, r) => <Tag color={STATUS_COLOR[s]}>{r.statusName}</Tag> },
              ]}
            />
            <CursorPager pager={pager} nextCursor={list.data?.nextCursor} loading={list.isFetching} pageSize={limit} onPageSizeChange={setLimit} rowsOnPage={list.data?.items.length ?? 0} />
          </Card>
        </Col>
        <Col xs={24} xxl={7}>
          <Card
            title="年度认定数"
            extra={<Select aria-label="统计年度" size="small" style={{ width: 100 }} options={years} value={countsYear} onChange={setCountsYear} />}
          >
            <CountsTable year={countsYear} district={cityWide ? filters.district : undefined} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
              年末有效：当年12月31日持有未过期、未撤销认定的数量；新认定：当年发证的数量。按认定时所在区县归属{ownDistrict ? `（${ownDistrict.name}）` : ''}。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <RecognitionDrawer id={open} onClose={() => setOpen(null)} canRevoke={canRevoke} linkEnterprise />
    </>
  );
}
