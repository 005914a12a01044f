import { allocationsMessages, type AllocationsT } from '../messages';
import { useMessages } from '../../../lib/i18n';
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
const defaultFactors = (t: AllocationsT): Factor[] => [
  { code: "rd", name: t('allocations.factor.rd'), weight: "0.4" },
  { code: "hnte", name: t('allocations.factor.hnte'), weight: "0.3" },
  { code: "perf", name: t('allocations.factor.perf'), weight: "0.3" },
];
const kindOptions = (t: AllocationsT) => [
  { value: "city_funds", label: t('allocations.kind.cityFunds') },
  {
    value: "demonstration",
    label: t('allocations.kind.demonstration'),
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
  const t = useMessages(allocationsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Head>();
  const districts = useDistricts();
  const save = useSavePlan();
  const [factors, setFactors] = useState<Factor[]>(() => defaultFactors(t));
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
        name: t('allocations.editor.defaultName', { defaultYear }),
        year: defaultYear,
        kind: "city_funds",
        total: undefined,
        note: null,
        correctsPlanId: null,
      });
      setFactors(defaultFactors(t));
      setValues({});
      setIncluded((districts.data ?? []).map((d) => d.code));
    }
    setHead(form.getFieldsValue());
  }, [open, plan, form, defaultYear, districts.data, t]);

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
      void message.success(t('allocations.editor.saved'));
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
      title={plan ? t('allocations.editor.editTitle', { id: plan.id }) : t('allocations.editor.newTitle')}
      open={open}
      onClose={() => onClose()}
      width={1180}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => void submit()}
            loading={save.isPending}
            disabled={!body}
          >
            {t('allocations.editor.saveDraft')}
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
              label={t('allocations.editor.name')}
              rules={[{ required: true, message: t('allocations.editor.nameRequired') }]}
            >
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name="year"
              label={t('allocations.year')}
              rules={[{ required: true, message: t('allocations.editor.yearRequired') }]}
            >
              <InputNumber min={2000} max={2100} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="kind"
              label={t('allocations.editor.kind')}
              rules={[{ required: true }]}
            >
              <Select options={kindOptions(t)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="total"
              label={t('allocations.total')}
              rules={[{ required: true, message: t('allocations.editor.totalRequired') }]}
            >
              <MoneyInput style={{ width: "100%" }} aria-label={t('allocations.total')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="correctsPlanId" label={t('allocations.editor.corrects')}>
              <Select
                allowClear
                placeholder={t('allocations.editor.noCorrection')}
                options={approvedPlans.map((p) => ({
                  value: p.id,
                  label: `#${p.id} ${p.name}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="note" label={t('allocations.note')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>

      <Typography.Title level={5}>{t('allocations.editor.factors')}</Typography.Title>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={factors}
        columns={[
          {
            title: t('allocations.editor.factorCode'),
            width: 140,
            render: (_, f, i) => (
              <Input
                aria-label={t('allocations.editor.factorCodeN', { v0: i + 1 })}
                value={f.code}
                onChange={(e) => setFactor(i, { code: e.target.value.trim() })}
              />
            ),
          },
          {
            title: t('allocations.editor.factorName'),
            render: (_, f, i) => (
              <Input
                aria-label={t('allocations.editor.factorNameN', { v0: i + 1 })}
                value={f.name}
                onChange={(e) => setFactor(i, { name: e.target.value })}
              />
            ),
          },
          {
            title: t('allocations.editor.weightLabel'),
            width: 180,
            render: (_, f, i) => (
              <Input
                aria-label={t('allocations.editor.weightN', { v0: i + 1 })}
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
                {t('common.delete')}
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
                  { code: `f${fs.length + 1}`, name: t('allocations.editor.newFactor'), weight: "0" },
                ])
              }
            >
              {t('allocations.editor.addFactor')}
            </Button>
            <Typography.Text type={sum === "1.0000" ? "success" : "danger"}>
              {t('allocations.editor.weightSum')}{sum ?? t('allocations.editor.invalidWeights')}
              {sum === "1.0000" ? "" : t('allocations.editor.mustBeOne')}
            </Typography.Text>
          </Space>
        )}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('allocations.editor.districts')}
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
          columnTitle: t('allocations.editor.included'),
        }}
        columns={[
          { title: t('allocations.district'), dataIndex: "name", width: 90 },
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
            title: t('allocations.share'),
            width: 100,
            render: (_: unknown, d: { code: string; name: string }) =>
              previewByCode.get(d.code)?.share ?? "—",
          },
          {
            title: t('allocations.editor.amount'),
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
                {t('allocations.editor.totalNote')}
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
