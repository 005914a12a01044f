import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Statistic,
  Table,
  Tabs,
  Tag,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/PageTitle";
import { failedTable } from "../../../components/QueryState";
import { businessDayjs } from "../../../lib/business-clock";
import { applyFieldErrors, errorMessage } from "../../../lib/form-errors";
import { hasAnyRole, useSession } from "../../../lib/session";
import {
  useCreateRecord,
  useNominations,
  useRecords,
  useSummary,
  type NominationSummary,
  type RecordInput,
} from "../api/awards";
import MyAwardsPage from "./MyAwardsPage";
import { NominationDrawer, STATUS_COLOR } from "./NominationDrawer";

function RecordModal({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<
    Omit<RecordInput, "awardedOn" | "units"> & {
      awardedOn?: Dayjs;
      units: string;
    }
  >();
  const create = useCreateRecord();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({
        ...v,
        units: v.units
          .split(/[，,、\n]/)
          .map((u) => u.trim())
          .filter(Boolean),
        awardedOn: v.awardedOn?.format("YYYY-MM-DD") ?? "",
      });
      void message.success("已登记");
      onClose();
    } catch (err) {
      if (
        !applyFieldErrors(form, err, [
          "level",
          "category",
          "grade",
          "year",
          "projectTitle",
          "units",
          "documentNo",
          "awardedOn",
        ]).length
      ) {
        void message.error(errorMessage(err));
      }
    }
  };
  return (
    <Modal
      title="登记国家、省科技奖获奖"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          level: "provincial",
          category: "progress",
          grade: "second",
          year: businessDayjs().year() - 1,
        }}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="level" label="级别" rules={[{ required: true }]}>
              <Select
                options={[
                  { value: "national", label: "国家级" },
                  { value: "provincial", label: "省级" },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="category" label="奖种">
              <Select
                options={[
                  { value: "progress", label: "科学技术进步奖" },
                  { value: "invention", label: "技术发明奖" },
                  { value: "natural_science", label: "自然科学奖" },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="grade" label="等级" rules={[{ required: true }]}>
              <Select
                options={[
                  { value: "special", label: "特等奖" },
                  { value: "first", label: "一等奖" },
                  { value: "second", label: "二等奖" },
                  { value: "third", label: "三等奖" },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="year"
              label="奖励年度"
              rules={[{ required: true }]}
            >
              <InputNumber min={2000} max={2100} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="projectTitle"
              label="项目名称"
              rules={[{ required: true, message: "请填写项目名称" }]}
            >
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="units"
              label="获奖单位（多个用顿号分隔）"
              rules={[{ required: true, message: "请填写获奖单位" }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="documentNo"
              label="授奖文号"
              rules={[{ required: true, message: "请填写文号" }]}
            >
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="awardedOn"
              label="授奖日期"
              rules={[{ required: true, message: "请选择日期" }]}
            >
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
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
      options={years.map((y) => ({ value: y, label: `${y}年度` }))}
      style={{ width: 120 }}
    />
  );
  return (
    <>
      <PageTitle title="科技奖励">
        <span style={{ color: "#666" }}>
          杭州市科学技术进步奖的提名、形式审查、专家评审、公示和授奖；本市单位获国家、省科技奖的登记与统计。
        </span>
      </PageTitle>
      <Tabs
        items={[
          {
            key: "city",
            label: "市科学技术进步奖",
            children: (
              <Card
                size="small"
                title="提名项目"
                extra={yearSelect(year, setYear, "提名年度")}
              >
                <Table<NominationSummary>
                  rowKey="id"
                  size="small"
                  loading={noms.isLoading}
                  {...failedTable(noms)}
                  dataSource={noms.data?.items ?? []}
                  onRow={(r) => ({
                    onClick: () => setOpenId(r.id),
                    style: { cursor: "pointer" },
                  })}
                  columns={[
                    { title: "成果名称", dataIndex: "title" },
                    {
                      title: "完成单位",
                      dataIndex: "enterpriseName",
                      width: 220,
                      ellipsis: true,
                    },
                    { title: "区县", dataIndex: "districtName", width: 80 },
                    { title: "领域", dataIndex: "field", width: 110 },
                    {
                      title: "状态",
                      dataIndex: "statusName",
                      width: 120,
                      render: (v: string, r) => (
                        <Tag color={STATUS_COLOR[r.status]}>{v}</Tag>
                      ),
                    },
                    {
                      title: "评审均分",
                      dataIndex: "panelScore",
                      width: 90,
                      render: (v: number | null) => v ?? "—",
                    },
                    {
                      title: "等级",
                      width: 140,
                      render: (_, r) =>
                        r.gradeName
                          ? `${r.gradeName}（${r.certificateNo}）`
                          : r.proposedGrade
                            ? `拟${({ first: "一等奖", second: "二等奖", third: "三等奖" } as Record<string, string>)[r.proposedGrade]}`
                            : "—",
                    },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: "records",
            label: "国家、省科技奖获奖登记",
            children: (
              <>
                <Row gutter={16} style={{ marginBottom: 16 }}>
                  <Col span={6}>
                    <Card size="small">
                      <Statistic
                        title={`${recordYear}年 国家科技进步一等奖`}
                        value={summary.data?.nationalFirst ?? "—"}
                        suffix="项"
                      />
                    </Card>
                  </Col>
                  <Col span={6}>
                    <Card size="small">
                      <Statistic
                        title={`${recordYear}年 国家科技进步二等奖`}
                        value={summary.data?.nationalSecond ?? "—"}
                        suffix="项"
                      />
                    </Card>
                  </Col>
                  <Col span={6}>
                    <Card size="small">
                      <Statistic
                        title={`${recordYear}年 省科技进步奖`}
                        value={summary.data?.provincial ?? "—"}
                        suffix="项"
                      />
                    </Card>
                  </Col>
                  <Col span={6}>
                    <Card size="small">
                      <Statistic
                        title={`${recordYear}年 市科技进步奖授奖`}
                        value={
                          summary.data
                            ? Object.values(summary.data.cityAwarded).reduce(
                                (a, b) => a + b,
                                0,
                              )
                            : "—"
                        }
                        suffix="项"
                      />
                    </Card>
                  </Col>
                </Row>
                <Card
                  size="small"
                  title="获奖登记"
                  extra={
                    <>
                      {yearSelect(recordYear, setRecordYear, "奖励年度")}
                      {isOfficer ? (
                        <Button
                          type="primary"
                          style={{ marginLeft: 8 }}
                          onClick={() => setAdding(true)}
                        >
                          登记获奖
                        </Button>
                      ) : null}
                    </>
                  }
                >
                  <Table
                    rowKey="id"
                    size="small"
                    loading={records.isLoading}
                    {...failedTable(records)}
                    dataSource={records.data?.items ?? []}
                    columns={[
                      { title: "级别", dataIndex: "levelName", width: 70 },
                      { title: "奖种", dataIndex: "categoryName", width: 130 },
                      { title: "等级", dataIndex: "gradeName", width: 80 },
                      { title: "项目名称", dataIndex: "projectTitle" },
                      {
                        title: "获奖单位",
                        dataIndex: "units",
                        render: (u: string[]) => u.join("、"),
                      },
                      {
                        title: "区县",
                        dataIndex: "districtName",
                        width: 80,
                        render: (v: string | null) => v ?? "—",
                      },
                      { title: "文号", dataIndex: "documentNo", width: 140 },
                      { title: "授奖日期", dataIndex: "awardedOn", width: 110 },
                    ]}
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
