import { awardsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Statistic,
  Tabs,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useParams } from "react-router";
import { DataTable, type DataColumn } from "../../../components/DataTable";
import { FormModal } from "../../../components/FormModal";
import { PageTitle } from "../../../components/PageTitle";
import { StatusTag } from "../../../components/StatusTag";
import { businessDayjs } from "../../../lib/business-clock";
import { hasAnyRole, useSession } from "../../../lib/session";
import {
  useCreateRecord,
  useNominations,
  useRecords,
  useSummary,
  type AwardRecord,
  type NominationSummary,
  type RecordInput,
} from "../api/awards";
import MyAwardsPage from "./MyAwardsPage";
import { NominationDrawer } from "./NominationDrawer";

type RecordValues = Omit<RecordInput, "awardedOn" | "units"> & { awardedOn?: Dayjs; units: string };

function RecordModal({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const t = useMessages(awardsMessages);
  const { message } = App.useApp();
  const create = useCreateRecord();
  const submit = async (v: RecordValues) => {
    await create.mutateAsync({
      ...v,
      units: v.units
        .split(/[，,、\n]/)
        .map((u) => u.trim())
        .filter(Boolean),
      awardedOn: v.awardedOn?.format("YYYY-MM-DD") ?? "",
    });
    void message.success(t('awards.record.saved'));
  };
  return (
    <FormModal<RecordValues>
      title={t('awards.record.formTitle')}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      width={640}
      initialValues={{
        level: "provincial",
        category: "progress",
        grade: "second",
        year: businessDayjs().year() - 1,
      }}
    >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="level" label={t('awards.level')} rules={[{ required: true }]}>
              <Select
                options={[
                  { value: "national", label: t('awards.level.national') },
                  { value: "provincial", label: t('awards.level.provincial') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="category" label={t('awards.category')}>
              <Select
                options={[
                  { value: "progress", label: t('awards.category.progress') },
                  { value: "invention", label: t('awards.category.invention') },
                  { value: "natural_science", label: t('awards.category.natural') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="grade" label={t('awards.grade')} rules={[{ required: true }]}>
              <Select
                options={[
                  { value: "special", label: t('awards.grade.special') },
                  { value: "first", label: t('awards.grade.first') },
                  { value: "second", label: t('awards.grade.second') },
                  { value: "third", label: t('awards.grade.third') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="year"
              label={t('awards.awardYear')}
              rules={[{ required: true }]}
            >
              <InputNumber min={2000} max={2100} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="projectTitle"
              label={t('awards.projectName')}
              rules={[{ required: true, message: t('awards.projectNameRequired') }]}
            >
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="units"
              label={t('awards.record.winnersLabel')}
              rules={[{ required: true, message: t('awards.record.winnersRequired') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="documentNo"
              label={t('awards.record.documentNo')}
              rules={[{ required: true, message: t('awards.record.documentNoRequired') }]}
            >
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="awardedOn"
              label={t('awards.record.awardedOn')}
              rules={[{ required: true, message: t('awards.record.awardedOnRequired') }]}
            >
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
    </FormModal>
  );
}

export default function AwardsPage() {
  const me = useSession();
  // the inbox links a nomination to /awards/nominations/:id for every audience
  return hasAnyRole(me, ["enterprise_user"]) ? (
    <MyAwardsPage />
  ) : (
    <OfficerAwardsPage />
  );
}

function OfficerAwardsPage() {
  const t = useMessages(awardsMessages);
  const me = useSession();
  const params = useParams();
  const isOfficer = hasAnyRole(me, ["city_officer"]);
  const [year, setYear] = useState(businessDayjs().year());
  const [recordYear, setRecordYear] = useState(businessDayjs().year() - 1);
  const noms = useNominations(year);
  const records = useRecords(recordYear);
  const summary = useSummary(recordYear);
  const [openId, setOpenId] = useState<number | null>(
    params.id ? Number(params.id) : null,
  );
  const [adding, setAdding] = useState(false);
  const years = Array.from(
    { length: 5 },
    (_, i) => businessDayjs().year() - 3 + i,
  );
  const yearSelect = (v: number, set: (y: number) => void, label: string) => (
    <Select
      aria-label={label}
      value={v}
      onChange={set}
      options={years.map((y) => ({ value: y, label: t('awards.yearOption', { y }) }))}
      style={{ width: 120 }}
    />
  );
  const nominationColumns: DataColumn<NominationSummary>[] = [
    { key: "title", title: t('awards.achievement'), dataIndex: "title" },
    { key: "enterprise", title: t('awards.completedBy'), dataIndex: "enterpriseName", width: 220, ellipsis: true },
    { key: "district", title: t('awards.district'), dataIndex: "districtName", width: 80 },
    { key: "field", title: t('awards.field'), dataIndex: "field", width: 110 },
    { key: "status", title: t('awards.status'), dataIndex: "statusName", width: 120, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    { key: "panelScore", title: t('awards.averageScore'), dataIndex: "panelScore", width: 90, render: (v: number | null) => v ?? "—" },
    {
      key: "grade",
      title: t('awards.grade'),
      width: 140,
      render: (_, r) =>
        r.gradeName
          ? `${r.gradeName}（${r.certificateNo}）`
          : r.proposedGrade
            ? t('awards.proposed', { v0: ({ first: t('awards.grade.first'), second: t('awards.grade.second'), third: t('awards.grade.third') } as Record<string, string>)[r.proposedGrade] })
            : "—",
    },
  ];
  const recordColumns: DataColumn<AwardRecord>[] = [
    { key: "level", title: t('awards.level'), dataIndex: "levelName", width: 70 },
    { key: "category", title: t('awards.category'), dataIndex: "categoryName", width: 130 },
    { key: "grade", title: t('awards.grade'), dataIndex: "gradeName", width: 80 },
    { key: "projectTitle", title: t('awards.projectName'), dataIndex: "projectTitle" },
    { key: "units", title: t('awards.winners'), dataIndex: "units", render: (u: string[]) => u.join("、") },
    { key: "district", title: t('awards.district'), dataIndex: "districtName", width: 80, render: (v: string | null) => v ?? "—" },
    { key: "documentNo", title: t('awards.documentNo'), dataIndex: "documentNo", width: 140 },
    { key: "awardedOn", title: t('awards.record.awardedOn'), dataIndex: "awardedOn", width: 110 },
  ];
  return (
    <>
      <PageTitle title={t('awards.title')}>
        <span style={{ color: "#666" }}>
          {t('awards.intro')}
        </span>
      </PageTitle>
      <Tabs
        items={[
          {
            key: "city",
            label: t('awards.tab.city'),
            children: (
              <Card size="small" title={t('awards.nominations')}>
                <DataTable<NominationSummary>
                  tableId="awards.nominations"
                  rowKey="id"
                  columns={nominationColumns}
                  query={noms}
                  rows={noms.data?.items}
                  pagination={{ pageSize: 10 }}
                  filters={yearSelect(year, setYear, t('awards.nominationYear'))}
                  onRow={(r) => ({
                    onClick: () => setOpenId(r.id),
                    style: { cursor: "pointer" },
                  })}
                />
              </Card>
            ),
          },
          {
            key: "records",
            label: t('awards.tab.records'),
            children: (
              <>
                <Row gutter={16} style={{ marginBottom: 16 }}>
                  <Col span={6}>
                    <Card size="small">
                      <Statistic
                        title={t('awards.stat.nationalFirst', { recordYear })}
                        value={summary.data?.nationalFirst ?? "—"}
                        suffix={t('awards.stat.unit')}
                      />
                    </Card>
                  </Col>
                  <Col span={6}>
                    <Card size="small">
                      <Statistic
                        title={t('awards.stat.nationalSecond', { recordYear })}
                        value={summary.data?.nationalSecond ?? "—"}
                        suffix={t('awards.stat.unit')}
                      />
                    </Card>
                  </Col>
                  <Col span={6}>
                    <Card size="small">
                      <Statistic
                        title={t('awards.stat.provincial', { recordYear })}
                        value={summary.data?.provincial ?? "—"}
                        suffix={t('awards.stat.unit')}
                      />
                    </Card>
                  </Col>
                  <Col span={6}>
                    <Card size="small">
                      <Statistic
                        title={t('awards.stat.city', { recordYear })}
                        value={
                          summary.data
                            ? Object.values(summary.data.cityAwarded).reduce(
                                (a, b) => a + b,
                                0,
                              )
                            : "—"
                        }
                        suffix={t('awards.stat.unit')}
                      />
                    </Card>
                  </Col>
                </Row>
                <Card size="small" title={t('awards.records')}>
                  <DataTable<AwardRecord>
                    tableId="awards.records"
                    rowKey="id"
                    columns={recordColumns}
                    query={records}
                    rows={records.data?.items}
                    pagination={{ pageSize: 10 }}
                    filters={yearSelect(recordYear, setRecordYear, t('awards.awardYear'))}
                    actions={
                      isOfficer ? (
                        <Button type="primary" onClick={() => setAdding(true)}>
                          {t('awards.record.add')}
                        </Button>
                      ) : null
                    }
                  />
                </Card>
              </>
            ),
          },
        ]}
      />
      <NominationDrawer id={openId} onClose={() => setOpenId(null)} />
      <RecordModal open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
