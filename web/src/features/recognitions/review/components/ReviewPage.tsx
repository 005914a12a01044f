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
import { useMessages } from "../../../../lib/i18n";
import {
  applicationStatusMessages,
  recognitionsMessages,
  recognitionTypeMessages,
} from "../../messages";
import { useCounts } from "../api/get-counts";
import { useExportApplications } from "../api/export-applications";
import { CallModal } from "./CallModal";
import { ReviewDrawer } from "./ReviewDrawer";

type Filters = Omit<ListApplicationsQuery, "limit" | "cursor">;

/** 认定审核 (officers): the scoped list with filters, counts per status, Excel export, and each application's review. */
export default function ReviewPage() {
  const t = useMessages(recognitionsMessages);
  const typeName = useMessages(recognitionTypeMessages);
  const statusName = useMessages(applicationStatusMessages);
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
        title={t("recognitions.reviewPage.title")}
        extra={
          <>
            {isCityOfficer ? (
              <Button
                icon={<NotificationOutlined />}
                onClick={() => setCallOpen(true)}
                data-testid="new-call"
              >
                {t("recognitions.call.title")}
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
              {t("recognitions.reviewPage.export")}
            </Button>
          </>
        }
      >
        <Typography.Text type="secondary">
          {isDistrict
            ? t("recognitions.reviewPage.districtIntro", {
                district: me.organization?.name ?? "",
              })
            : t("recognitions.reviewPage.cityIntro")}
        </Typography.Text>
      </PageTitle>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Card size="small">
          <Row gutter={[12, 12]}>
            <Col xs={24} md={7}>
              <Select
                allowClear
                placeholder={t("recognitions.col.type")}
                style={{ width: "100%" }}
                value={filters.type}
                onChange={(v) => set({ type: v })}
                options={(
                  Object.keys(recognitionTypeMessages) as (keyof typeof recognitionTypeMessages)[]
                ).map((value) => ({ value, label: typeName(value) }))}
                aria-label={t("recognitions.col.type")}
              />
            </Col>
            <Col xs={12} md={4}>
              <InputNumber
                placeholder={t("recognitions.col.year")}
                min={2000}
                max={2100}
                style={{ width: "100%" }}
                value={filters.year}
                onChange={(v) => set({ year: v ?? undefined })}
                aria-label={t("recognitions.col.year")}
              />
            </Col>
            {isDistrict ? null : (
              <Col xs={12} md={5}>
                <DistrictSelect
                  style={{ width: "100%" }}
                  value={filters.district}
                  onChange={(v) => set({ district: v })}
                  aria-label={t("recognitions.col.district")}
                />
              </Col>
            )}
            <Col xs={24} md={8}>
              <Select
                allowClear
                placeholder={t("recognitions.col.status")}
                style={{ width: "100%" }}
                value={filters.status}
                onChange={(v) => set({ status: v })}
                options={(
                  Object.keys(applicationStatusMessages) as (keyof typeof applicationStatusMessages)[]
                ).map((value) => ({ value, label: statusName(value) }))}
                aria-label={t("recognitions.col.status")}
              />
            </Col>
          </Row>
        </Card>
        <Card
          size="small"
          title={t("recognitions.reviewPage.counts", {
            n: counts.data?.total ?? "—",
          })}
          data-testid="application-counts"
        >
          <Space wrap>
            {(counts.data?.items ?? []).map((c) => (
              <Tag.CheckableTag
                key={c.status}
                checked={filters.status === c.status}
                onChange={(on) => set({ status: on ? c.status : undefined })}
              >
                {t("recognitions.reviewPage.count", {
                  status: c.statusName,
                  n: c.count,
                })}
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
            locale={{ emptyText: t("recognitions.reviewPage.empty") }}
            data-testid="review-list"
            columns={[
              { title: t("recognitions.reviewPage.id"), dataIndex: "id", width: 80 },
              {
                title: t("recognitions.reviewPage.enterprise"),
                dataIndex: "enterpriseName",
                render: (v: string, r) => (
                  <a onClick={() => setOpen(r.id)}>{v}</a>
                ),
              },
              { title: t("recognitions.col.type"), dataIndex: "typeName", width: 200 },
              { title: t("recognitions.col.year"), dataIndex: "year", width: 70 },
              { title: t("recognitions.col.district"), dataIndex: "districtName", width: 100 },
              {
                title: t("recognitions.col.status"),
                dataIndex: "status",
                width: 210,
                render: (s: string, r) => (
                  <StatusTag status={s} name={r.statusName} />
                ),
              },
              {
                title: t("recognitions.apply.applicationDate"),
                dataIndex: "applicationDate",
                width: 110,
                render: (v: string | null) => v ?? "—",
              },
              {
                title: t("recognitions.reviewPage.dueOn"),
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
