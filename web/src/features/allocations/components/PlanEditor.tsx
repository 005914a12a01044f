import {
  Alert,
  App,
  Button,
  Col,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from "antd";
import { useEffect, useMemo, useState } from "react";
import { ApiError } from "../../../lib/api";
import { applyFieldErrors, errorMessage } from "../../../lib/form-errors";
import { Money } from "../../../components/Money";
import { MoneyInput } from "../../../components/MoneyInput";
import { useDistricts } from "../../../lib/reference/get-districts";
import {
  usePreview,
  useSavePlan,
  type PlanDetail,
  type PlanInput,
  type PlanSummary,
} from "../api/plans";

interface Factor {
  code: string;
  name: string;
  weight: string;
}
const DEFAULT_FACTORS: Factor[] = [
  { code: "rd", name: "全社会研发投入（亿元）", weight: "0.4" },
  { code: "hnte", name: "新认定高新技术企业（家）", weight: "0.3" },
  { code: "perf", name: "上年度绩效评价得分", weight: "0.3" },
];
export const KIND_OPTIONS = [
  { value: "city_funds", label: "市科技资金（因素法切块）" },
  {
    value: "demonstration",
    label: "小微企业创业创新示范城市中央资金（竞争性分配）",
  },
];

/** Exact sum of 4-place decimal weights, as the server checks it. */
function weightSum(factors: Factor[]): string | null {
  let sum = 0;
  for (const f of factors) {
    if (!/^\d+(\.\d{1,4})?$/.test(f.weight.trim())) {
      return null;
    }
    const [i, d = ""] = f.weight.trim().split(".");
    sum += Number(i) * 10_000 + Number(d.padEnd(4, "0"));
  }
  return (sum / 10_000).toFixed(4);
}

type Head = {
  name: string;
  year: number;
  kind: "city_funds" | "demonstration";
  total: number;
  note?: string | null;
  correctsPlanId?: number | null;
};

/** The officer's plan builder: factor table, district × factor values, live shares and amounts from the server. */
export function PlanEditor({
  open,
  onClose,
  plan,
  approvedPlans,
  defaultYear,
}: {
  open: boolean;
  onClose: (saved?: number) => void;
  plan: PlanDetail | null;
  approvedPlans: PlanSummary[];
  defaultYear: number;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Head>();
  const districts = useDistricts();
  const save = useSavePlan();
  const [factors, setFactors] = useState<Factor[]>(DEFAULT_FACTORS);
  const [values, setValues] = useState<
    Record<string, Record<string, number | null>>
  >({});
  const [included, setIncluded] = useState<string[]>([]);
  const [head, setHead] = useState<Head | null>(null);

  useEffect(() => {
    if (!open) {
      return;
    }
    if (plan) {
      form.setFieldsValue({
        name: plan.name,
        year: plan.year,
        kind: plan.kind as Head["kind"],
        total: plan.total,
        note: plan.note,
        correctsPlanId: plan.correctsPlanId,
      });
      setFactors(plan.factors);
      setValues(
        Object.fromEntries(
          plan.districts.map((d) => [
            d.code,
            Object.fromEntries(
              Object.entries(d.values).map(([k, v]) => [k, Number(v)]),
            ),
          ]),
        ),
      );
      setIncluded(plan.districts.map((d) => d.code));
    } else {
      form.setFieldsValue({
        name: `${defaultYear}年度市科技发展专项资金因素法切块`,
        year: defaultYear,
        kind: "city_funds",
        total: undefined,
        note: null,
        correctsPlanId: null,
      });
      setFactors(DEFAULT_FACTORS);
      setValues({});
      setIncluded((districts.data ?? []).map((d) => d.code));
    }
    setHead(form.getFieldsValue());
  }, [open, plan, form, defaultYear, districts.data]);

  const body: PlanInput | null = useMemo(() => {
    if (!head?.total || !included.length) {
      return null;
    }
    return {
      ...head,
      note: head.note ?? null,
      correctsPlanId: head.correctsPlanId ?? null,
      factors,
      districts: included.map((code) => ({
        code,
        values: Object.fromEntries(
          factors.map((f) => [f.code, values[code]?.[f.code] ?? 0]),
        ),
      })),
    };
  }, [head, factors, values, included]);
  // the preview follows the typing after a short pause
  const [debounced, setDebounced] = useState<PlanInput | null>(null);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(body), 350);
    return () => clearTimeout(t);
  }, [body]);
  const preview = usePreview(
    debounced
      ? {
          total: debounced.total,
          factors: debounced.factors,
          districts: debounced.districts,
        }
      : null,
  );
  const previewByCode = new Map(
    (preview.data?.allocations ?? []).map((a) => [a.code, a]),
  );
  const previewError = preview.error instanceof ApiError ? preview.error : null;
  const sum = weightSum(factors);

  const submit = async () => {
    const h = await form.validateFields();
    if (!body) {
      return;
    }
    try {
      const saved = await save.mutateAsync({
        id: plan?.id ?? null,
        body: { ...body, ...h },
        version: plan?.version,
      });
      void message.success("方案已保存为草稿，待另一名工作人员审核");
      onClose(saved.id);
    } catch (err) {
      const rest = applyFieldErrors(form, err, [
        "name",
        "year",
        "kind",
        "total",
        "note",
        "correctsPlanId",
      ]);
      if (rest.length || !(err instanceof ApiError) || !err.fields.length) {
        void message.error(
          rest.length
            ? rest.map((r) => `${r.field}：${r.message}`).join("；")
            : errorMessage(err),
        );
      }
    }
  };

  const setFactor = (i: number, patch: Partial<Factor>) =>
    setFactors((fs) => fs.map((f, k) => (k === i ? { ...f, ...patch } : f)));
  const allDistricts = districts.data ?? [];
  return (
    <Drawer
      title={plan ? `修改分配方案 #${plan.id}` : "新建因素法分配方案"}
      open={open}
      onClose={() => onClose()}
      width={1180}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => onClose()}>取消</Button>
          <Button
            type="primary"
            onClick={() => void submit()}
            loading={save.isPending}
            disabled={!body}
          >
            保存草稿
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={(_, all) => setHead(all)}
      >
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="name"
              label="方案名称"
              rules={[{ required: true, message: "请填写方案名称" }]}
            >
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name="year"
              label="年度"
              rules={[{ required: true, message: "请填写年度" }]}
            >
              <InputNumber min={2000} max={2100} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="kind"
              label="分配类型"
              rules={[{ required: true }]}
            >
              <Select options={KIND_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="total"
              label="分配总额"
              rules={[{ required: true, message: "请填写分配总额" }]}
            >
              <MoneyInput style={{ width: "100%" }} aria-label="分配总额" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="correctsPlanId" label="更正已下达的方案（可选）">
              <Select
                allowClear
                placeholder="不更正"
                options={approvedPlans.map((p) => ({
                  value: p.id,
                  label: `#${p.id} ${p.name}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="note" label="说明">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>

      <Typography.Title level={5}>分配因素与权重</Typography.Title>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={factors}
        columns={[
          {
            title: "因素代码",
            width: 140,
            render: (_, f, i) => (
              <Input
                aria-label={`因素代码${i + 1}`}
                value={f.code}
                onChange={(e) => setFactor(i, { code: e.target.value.trim() })}
              />
            ),
          },
          {
            title: "因素名称",
            render: (_, f, i) => (
              <Input
                aria-label={`因素名称${i + 1}`}
                value={f.name}
                onChange={(e) => setFactor(i, { name: e.target.value })}
              />
            ),
          },
          {
            title: "权重（最多4位小数）",
            width: 180,
            render: (_, f, i) => (
              <Input
                aria-label={`权重${i + 1}`}
                value={f.weight}
                onChange={(e) => setFactor(i, { weight: e.target.value })}
              />
            ),
          },
          {
            title: "",
            width: 70,
            render: (_, _f, i) => (
              <Button
                type="link"
                danger
                disabled={factors.length === 1}
                onClick={() =>
                  setFactors((fs) => fs.filter((_x, k) => k !== i))
                }
              >
                删除
              </Button>
            ),
          },
        ]}
        footer={() => (
          <Space>
            <Button
              size="small"
              onClick={() =>
                setFactors((fs) => [
                  ...fs,
                  { code: `f${fs.length + 1}`, name: "新因素", weight: "0" },
                ])
              }
            >
              添加因素
            </Button>
            <Typography.Text type={sum === "1.0000" ? "success" : "danger"}>
              权重合计：{sum ?? "（有无效权重）"}
              {sum === "1.0000" ? "" : "，须恰好等于 1"}
            </Typography.Text>
          </Space>
        )}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        各区县因素值与测算结果
      </Typography.Title>
      {previewError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message={previewError.message}
          description={previewError.fields
            .map((f) => `${f.field}：${f.message}`)
            .join("；")}
        />
      ) : null}
      <Table<{ code: string; name: string }>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={allDistricts}
        rowSelection={{
          selectedRowKeys: included,
          onChange: (keys) =>
            setIncluded(
              allDistricts.map((d) => d.code).filter((c) => keys.includes(c)),
            ),
          columnTitle: "参与",
        }}
        columns={[
          { title: "区县", dataIndex: "name", width: 90 },
          ...factors.map((f) => ({
            title: f.name,
            key: f.code,
            render: (_: unknown, d: { code: string; name: string }) => (
              <InputNumber
                aria-label={`${d.name}${f.name}`}
                min={0}
                disabled={!included.includes(d.code)}
                value={values[d.code]?.[f.code] ?? null}
                onChange={(v) =>
                  setValues((vs) => ({
                    ...vs,
                    [d.code]: { ...vs[d.code], [f.code]: v },
                  }))
                }
                style={{ width: "100%" }}
              />
            ),
          })),
          {
            title: "份额",
            width: 100,
            render: (_: unknown, d: { code: string; name: string }) =>
              previewByCode.get(d.code)?.share ?? "—",
          },
          {
            title: "分配金额",
            width: 150,
            align: "right" as const,
            render: (_: unknown, d: { code: string; name: string }) =>
              previewByCode.has(d.code) ? (
                <Money value={previewByCode.get(d.code)!.amount} />
              ) : (
                "—"
              ),
          },
        ]}
        summary={() =>
          preview.data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={factors.length + 3}>
                合计（份额按六位小数四舍五入显示；金额按分精确分配，尾差按小数部分从大到小补足）
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Money value={preview.data.totalFen / 100} />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Drawer>
  );
}
