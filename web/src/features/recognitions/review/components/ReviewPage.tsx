import { DownloadOutlined, NotificationOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { CursorPager } from "../../../../components/CursorPager";
import { DistrictSelect } from "../../../../components/DistrictSelect";
import { PageTitle } from "../../../../components/PageTitle";
import { StatusTag } from "../../../../components/StatusTag";
import { errorMessage } from "../../../../lib/form-errors";
import { useSession } from "../../../../lib/session";
import { useCursorPager } from "../../../../lib/use-cursor-pager";
import {
  useApplications,
  type ApplicationItem,
  type ListApplicationsQuery,
} from "../../applications/api/list-applications";
import {
  APPLICATION_STATUS_NAMES,
  RECOGNITION_TYPE_NAMES,
} from "../../labels";
import { useCounts } from "../api/get-counts";
import { useExportApplications } from "../api/export-applications";
import { CallModal } from "./CallModal";
import { ReviewDrawer } from "./ReviewDrawer";

type Filters = Omit<ListApplicationsQuery, "limit" | "cursor">;

/** 认定审核 (officers): the scoped list with filters, counts per status, Excel export, and each application's review. */
export default function ReviewPage() {
  const { message } = App.useApp();
  const me = useSession();
  const [filters, setFilters] = useState<Filters>({});
  const [pageSize, setPageSize] = useState(20);
  const pager = useCursorPager(JSON.stringify([filters, pageSize]));
  const list = useApplications({
    ...filters,
    limit: pageSize,
    cursor: pager.cursor ?? undefined,
  });
  const counts = useCounts({
    type: filters.type,
    year: filters.year,
    district: filters.district,
  });
  const exporter = useExportApplications();
  // ?application=ID opens that application's review (the inbox's one click).
  const [params, setParams] = useSearchParams();
  const [open, setOpenState] = useState<number | null>(
    Number(params.get("application")) || null,
  );
  const setOpen = (id: number | null) => {
    setOpenState(id);
    if (id === null && params.has("application")) {
      setParams({}, { replace: true });
    }
  };
  const set = (patch: Partial<Filters>) =>
    setFilters((f) => ({ ...f, ...patch }));
  const isDistrict = me.roles.includes("district_officer");
  const isCityOfficer = me.roles.includes("city_officer");
  const [callOpen, setCallOpen] = useState(false);

  return (
    <>
      <PageTitle
        title="认定审核"
        extra={
          <>
            {isCityOfficer ? (
              <Button
                icon={<NotificationOutlined />}
                onClick={() => setCallOpen(true)}
                data-testid="new-call"
              >
                发布申报通知
              </Button>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              loading={exporter.isPending}
              onClick={() =>
                exporter.mutate(filters, {
                  onError: (e) => void message.error(errorMessage(e)),
                })
              }
              data-testid="export-applications"
            >
              导出 Excel
            </Button>
          </>
        }
      >
        <Typography.Text type="secondary">
          {isDistrict
            ? `本区县（${me.organization?.name ?? ""}）企业的认定申报：审核已提交的申报。`
            : "全市认定申报：审核区县已通过的申报。"}
        </Typography.Text>
      </PageTitle>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Card size="small">
          <Row gutter={[12, 12]}>
            <Col xs={24} md={7}>
              <Select
                allowClear
                placeholder="认定类型"
                style={{ width: "100%" }}
                value={filters.type}
                onChange={(v) => set({ type: v })}
                options={Object.entries(RECOGNITION_TYPE_NAMES).map(
                  ([value, label]) => ({ value, label }),
                )}
                aria-label="认定类型"
              />
            </Col>
            <Col xs={12} md={4}>
              <InputNumber
                placeholder="年度"
                min={2000}
                max={2100}
                style={{ width: "100%" }}
                value={filters.year}
                onChange={(v) => set({ year: v ?? undefined })}
                aria-label="年度"
              />
            </Col>
            {isDistrict ? null : (
              <Col xs={12} md={5}>
                <DistrictSelect
                  style={{ width: "100%" }}
                  value={filters.district}
                  onChange={(v) => set({ district: v })}
                  aria-label="区县"
                />
              </Col>
            )}
            <Col xs={24} md={8}>
              <Select
                allowClear
                placeholder="状态"
                style={{ width: "100%" }}
                value={filters.status}
                onChange={(v) => set({ status: v })}
                options={Object.entries(APPLICATION_STATUS_NAMES).map(
                  ([value, label]) => ({ value, label }),
                )}
                aria-label="状态"
              />
            </Col>
          </Row>
        </Card>
        <Card
          size="small"
          title={`各状态申报数（共 ${counts.data?.total ?? "—"} 件）`}
          data-testid="application-counts"
        >
          <Space wrap>
            {(counts.data?.items ?? []).map((c) => (
              <Tag.CheckableTag
                key={c.status}
                checked={filters.status === c.status}
                onChange={(on) => set({ status: on ? c.status : undefined })}
              >
                {c.statusName}：{c.count}
              </Tag.CheckableTag>
            ))}
          </Space>
        </Card>
        <Card>
          {list.isError ? (
            <Alert
              type="error"
              showIcon
              title={errorMessage(list.error)}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Table<ApplicationItem>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: "没有符合条件的申报" }}
            data-testid="review-list"
            columns={[
              { title: "编号", dataIndex: "id", width: 80 },
              {
                title: "企业",
                dataIndex: "enterpriseName",
                render: (v: string, r) => (
                  <a onClick={() => setOpen(r.id)}>{v}</a>
                ),
              },
              { title: "认定类型", dataIndex: "typeName", width: 200 },
              { title: "年度", dataIndex: "year", width: 70 },
              { title: "区县", dataIndex: "districtName", width: 100 },
              {
                title: "状态",
                dataIndex: "status",
                width: 210,
                render: (s: string, r) => (
                  <StatusTag status={s} name={r.statusName} />
                ),
              },
              {
                title: "申请日期",
                dataIndex: "applicationDate",
                width: 110,
                render: (v: string | null) => v ?? "—",
              },
              {
                title: "办理期限",
                dataIndex: "dueOn",
                width: 110,
                render: (v: string | null) => v ?? "—",
              },
            ]}
          />
          <CursorPager
            pager={pager}
            nextCursor={list.data?.nextCursor}
            loading={list.isFetching}
            pageSize={pageSize}
            onPageSizeChange={setPageSize}
            rowsOnPage={list.data?.items.length ?? 0}
          />
        </Card>
      </Space>
      <ReviewDrawer id={open} onClose={() => setOpen(null)} />
      <CallModal open={callOpen} onClose={() => setCallOpen(false)} />
    </>
  );
}
