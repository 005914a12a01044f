import { NotificationOutlined } from "@ant-design/icons";
import { Button, Card, InputNumber, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { DataTable, type DataColumn } from "../../../../components/DataTable";
import { DistrictSelect } from "../../../../components/DistrictSelect";
import { PageTitle } from "../../../../components/PageTitle";
import { StatusTag } from "../../../../components/StatusTag";
import { useSession } from "../../../../lib/session";
import { useCursorPager } from "../../../../lib/use-cursor-pager";
import {
  useApplications,
  type ApplicationItem,
  type ListApplicationsQuery,
} from "../../applications/api/list-applications";
import { useMessages } from "../../../../lib/i18n";
import { recognitionsMessages, recognitionTypeMessages } from "../../messages";
import { useCounts } from "../api/get-counts";
import { applicationsExportUrl } from "../api/export-applications";
import { CallModal } from "./CallModal";
import { ReviewDrawer } from "./ReviewDrawer";

type Filters = Omit<ListApplicationsQuery, "limit" | "cursor">;

/** 认定审核 (officers): the scoped list with filters, counts per status, Excel export, and each application's review. */
export default function ReviewPage() {
  const t = useMessages(recognitionsMessages);
  const typeName = useMessages(recognitionTypeMessages);
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

  const columns: DataColumn<ApplicationItem>[] = [
    { key: "id", title: t("recognitions.reviewPage.id"), dataIndex: "id", width: 80 },
    {
      key: "enterprise",
      title: t("recognitions.reviewPage.enterprise"),
      dataIndex: "enterpriseName",
      render: (v: string, r) => <a onClick={() => setOpen(r.id)}>{v}</a>,
    },
    { key: "type", title: t("recognitions.col.type"), dataIndex: "typeName", width: 200 },
    { key: "year", title: t("recognitions.col.year"), dataIndex: "year", width: 70 },
    { key: "district", title: t("recognitions.col.district"), dataIndex: "districtName", width: 100 },
    {
      key: "status",
      title: t("recognitions.col.status"),
      dataIndex: "statusName",
      width: 210,
      render: (v: string, r) => <StatusTag status={r.status} name={v} />,
    },
    {
      key: "applicationDate",
      title: t("recognitions.apply.applicationDate"),
      dataIndex: "applicationDate",
      width: 110,
      render: (v: string | null) => v ?? "—",
    },
    {
      key: "dueOn",
      title: t("recognitions.reviewPage.dueOn"),
      dataIndex: "dueOn",
      width: 110,
      render: (v: string | null) => v ?? "—",
    },
  ];

  return (
    <>
      <PageTitle title={t("recognitions.reviewPage.title")}>
        <Typography.Text type="secondary">
          {isDistrict
            ? t("recognitions.reviewPage.districtIntro", {
                district: me.organization?.name ?? "",
              })
            : t("recognitions.reviewPage.cityIntro")}
        </Typography.Text>
      </PageTitle>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
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
          <DataTable<ApplicationItem>
            tableId="recognitions.applications"
            rowKey="id"
            size="middle"
            columns={columns}
            query={list}
            rows={list.data?.items}
            emptyText={t("recognitions.reviewPage.empty")}
            filters={
              <>
                <Select
                  allowClear
                  placeholder={t("recognitions.col.type")}
                  style={{ width: 220 }}
                  value={filters.type}
                  onChange={(v) => set({ type: v })}
                  options={(
                    Object.keys(recognitionTypeMessages) as (keyof typeof recognitionTypeMessages)[]
                  ).map((value) => ({ value, label: typeName(value) }))}
                  aria-label={t("recognitions.col.type")}
                />
                <InputNumber
                  placeholder={t("recognitions.col.year")}
                  min={2000}
                  max={2100}
                  style={{ width: 110 }}
                  value={filters.year}
                  onChange={(v) => set({ year: v ?? undefined })}
                  aria-label={t("recognitions.col.year")}
                />
                {isDistrict ? null : (
                  <DistrictSelect
                    style={{ width: 150 }}
                    value={filters.district}
                    onChange={(v) => set({ district: v })}
                    aria-label={t("recognitions.col.district")}
                  />
                )}
                <Select
                  allowClear
                  placeholder={t("recognitions.col.status")}
                  style={{ width: 220 }}
                  value={filters.status}
                  onChange={(v) => set({ status: v })}
                  options={(counts.data?.items ?? []).map((c) => ({ value: c.status, label: c.statusName }))}
                  aria-label={t("recognitions.col.status")}
                />
              </>
            }
            actions={
              isCityOfficer ? (
                <Button
                  icon={<NotificationOutlined />}
                  onClick={() => setCallOpen(true)}
                  data-testid="new-call"
                >
                  {t("recognitions.call.title")}
                </Button>
              ) : null
            }
            exportFile={{ url: applicationsExportUrl(filters), filename: t("recognitions.exportApplicationsFile") }}
            keyset={{ pager, nextCursor: list.data?.nextCursor, pageSize, onPageSizeChange: setPageSize }}
            data-testid="review-list"
          />
        </Card>
      </Space>
      <ReviewDrawer id={open} onClose={() => setOpen(null)} />
      <CallModal open={callOpen} onClose={() => setCallOpen(false)} />
    </>
  );
}
