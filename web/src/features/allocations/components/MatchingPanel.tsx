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
  Tag,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { Money, renderWan } from "../../../components/Money";
import { MoneyInput } from "../../../components/MoneyInput";
import { failedTable } from "../../../components/QueryState";
import { applyFieldErrors, errorMessage } from "../../../lib/form-errors";
import {
  useMatchingPolicies,
  useMatchingProjects,
  usePayMatching,
  useRegisterProject,
  type MatchingProject,
  type ProjectInput,
} from "../api/matching";

function RegisterModal({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<
    Omit<ProjectInput, "approvedOn"> & { approvedOn?: Dayjs }
  >();
  const register = useRegisterProject();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const p = await register.mutateAsync({
        ...v,
        approvedOn: v.approvedOn?.format("YYYY-MM-DD") ?? "",
      });
      void message.success(
        `已登记，承诺市级配套 ${p.matching.toLocaleString("zh-CN")} 元`,
      );
      onClose();
    } catch (err) {
      if (
        !applyFieldErrors(form, err, [
          "level",
          "sourceProgramme",
          "title",
          "approvalDocNo",
          "enterpriseId",
          "external",
          "approvedOn",
        ]).length
      ) {
        void message.error(errorMessage(err));
      }
    }
  };
  return (
    <Modal
      title="登记国家、省科技项目（市级配套）"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={register.isPending}
      destroyOnHidden
      width={680}
    >
      <Form form={form} layout="vertical" initialValues={{ level: "national" }}>
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
          <Col span={16}>
            <Form.Item
              name="sourceProgramme"
              label="来源计划"
              rules={[{ required: true, message: "请填写来源计划" }]}
            >
              <Input placeholder="如：国家重点研发计划" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="title"
              label="项目名称"
              rules={[{ required: true, message: "请填写项目名称" }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="approvalDocNo"
              label="立项文号"
              rules={[{ required: true, message: "请填写立项文号" }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="enterpriseId"
              label="承担企业（企业库编号）"
              rules={[{ required: true, message: "请填写企业编号" }]}
            >
              <InputNumber min={1} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="external"
              label="上级资助金额"
              rules={[{ required: true, message: "请填写金额" }]}
            >
              <MoneyInput style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="approvedOn"
              label="立项日期（决定适用的政策版本）"
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

/** Matching funds: the policy versions, the registered projects with promise vs paid, and a payment order per tranche. */
export function MatchingPanel({
  year,
  canAct,
}: {
  year: number;
  canAct: boolean;
}) {
  const { message } = App.useApp();
  const policies = useMatchingPolicies();
  const projects = useMatchingProjects(year);
  const pay = usePayMatching();
  const [registering, setRegistering] = useState(false);
  const [paying, setPaying] = useState<MatchingProject | null>(null);
  const [amount, setAmount] = useState<number | null>(null);
  const totals = projects.data?.totals;
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title={`${year}年立项项目上级资助`}
              value={totals ? totals.external / 10000 : "—"}
              precision={2}
              suffix="万元"
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title="市级配套承诺"
              value={totals ? totals.matching / 10000 : "—"}
              precision={2}
              suffix="万元"
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title="已拨付"
              value={totals ? totals.paid / 10000 : "—"}
              precision={2}
              suffix="万元"
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title="配套项目"
        extra={
          canAct ? (
            <Button type="primary" onClick={() => setRegistering(true)}>
              登记项目
            </Button>
          ) : null
        }
      >
        <Table<MatchingProject>
          rowKey="id"
          size="small"
          loading={projects.isLoading}
          {...failedTable(projects)}
          dataSource={projects.data?.items ?? []}
          columns={[
            { title: "级别", dataIndex: "levelName", width: 70 },
            {
              title: "项目",
              render: (_, p) => (
                <>
                  {p.title}
                  <div style={{ color: "#888", fontSize: 12 }}>
                    {p.sourceProgramme} · {p.approvalDocNo}
                  </div>
                </>
              ),
            },
            {
              title: "承担企业",
              dataIndex: "enterpriseName",
              width: 200,
              ellipsis: true,
            },
            { title: "立项日期", dataIndex: "approvedOn", width: 105 },
            {
              title: "上级资助",
              dataIndex: "external",
              render: renderWan,
              align: "right",
            },
            {
              title: "配套（比例/上限）",
              render: (_, p) => (
                <>
                  {renderWan(p.matching)}
                  <div style={{ color: "#888", fontSize: 12 }}>
                    {Number(p.policy.ratio) * 100}% / {p.policy.cap / 10000}万
                  </div>
                </>
              ),
              align: "right",
            },
            {
              title: "已拨付",
              dataIndex: "paid",
              render: renderWan,
              align: "right",
            },
            {
              title: "待拨付",
              dataIndex: "remaining",
              render: (v: number) =>
                v > 0 ? (
                  <Tag color="orange">
                    <Money value={v} unit="wan" />
                  </Tag>
                ) : (
                  <Tag color="green">已拨清</Tag>
                ),
            },
            {
              title: "支付指令",
              render: (_, p) =>
                p.orderIds.length ? (
                  <Link to="/payments">
                    {p.orderIds.map((id) => `#${id}`).join("、")}
                  </Link>
                ) : (
                  "—"
                ),
            },
            ...(canAct
              ? [
                  {
                    title: "操作",
                    width: 80,
                    render: (_: unknown, p: MatchingProject) =>
                      p.remaining > 0 ? (
                        <Button
                          size="small"
                          onClick={() => {
                            setPaying(p);
                            setAmount(p.remaining);
                          }}
                        >
                          拨付
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        size="small"
        title="配套政策（按立项日期适用）"
        style={{ marginTop: 16 }}
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={policies.data?.items ?? []}
          columns={[
            { title: "级别", dataIndex: "levelName" },
            {
              title: "配套比例",
              dataIndex: "ratio",
              render: (r: string) => `${Number(r) * 100}%`,
            },
            { title: "单项上限", dataIndex: "cap", render: renderWan },
            { title: "生效", dataIndex: "effectiveFrom" },
            {
              title: "失效",
              dataIndex: "effectiveTo",
              render: (v: string | null) => v ?? "—",
            },
            { title: "文号", dataIndex: "documentNo" },
          ]}
        />
      </Card>
      <RegisterModal open={registering} onClose={() => setRegistering(false)} />
      <Modal
        title={paying ? `拨付配套资金：${paying.title}` : ""}
        open={paying !== null}
        onCancel={() => setPaying(null)}
        confirmLoading={pay.isPending}
        okText="生成支付指令"
        onOk={async () => {
          try {
            await pay.mutateAsync({ id: paying!.id, amount: amount ?? 0 });
            void message.success("已生成支付指令，待计划财务处在支付台复核");
            setPaying(null);
          } catch (err) {
            void message.error(errorMessage(err));
          }
        }}
      >
        <p>
          待拨付：
          <Money value={paying?.remaining ?? 0} />
        </p>
        <MoneyInput
          aria-label="本次拨付金额"
          value={amount ?? undefined}
          onChange={(v) => setAmount(v ?? null)}
          max={paying?.remaining}
        />
      </Modal>
    </>
  );
}
