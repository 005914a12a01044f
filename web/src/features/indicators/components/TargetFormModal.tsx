import { Alert, App, Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useDistricts } from '../../../lib/reference/get-districts';
import { useCatalogue } from '../api/get-catalogue';
import { useTargets } from '../api/get-targets';
import { useSetTargets, type SetTargetsInput } from '../api/set-targets';

/** The unit an officer types in: yuan as 万元, ratios as percent, counts as they are. */
function entryUnit(unit: string): { factor: number; suffix: string } {
  if (unit === '元') {
    return { factor: 1e4, suffix: '万元' };
  }
  if (unit === '比率') {
    return { factor: 0.01, suffix: '%' };
  }
  return { factor: 1, suffix: unit };
}
const round6 = (v: number) => Number(v.toFixed(6));

type FieldName = string | [string, string];

interface Values {
  code?: string;
  year: number;
  city?: number | null;
  districts?: Record<string, number | null | undefined>;
  source?: string;
  note?: string;
}

/**
 * Enters one indicator's target for a year: the city-wide figure and, optionally, the breakdown
 * by district. The district sum is compared with the city figure as it is typed; a difference is
 * shown, not blocked (the targets page flags it). Saving replaces what the year had for the code.
 */
export function TargetFormModal(props: { open: boolean; initial: { code?: string; year: number }; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const catalogue = useCatalogue();
  const districts = useDistricts();
  const save = useSetTargets();
  const code = Form.useWatch('code', form);
  const year = Form.useWatch('year', form) ?? props.initial.year;
  const city = Form.useWatch('city', form);
  const byDistrict = Form.useWatch('districts', form);
  const existing = useTargets(year);
  const entry = catalogue.data?.items.find((i) => i.code === code);
  const unit = entryUnit(entry?.unit ?? '');
  const districtList = useMemo(() => districts.data ?? [], [districts.data]);

  // Fill in what the year already has for the indicator, once per (code, year) — never over the officer's typing.
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!props.open) {
      filledFor.current = null;
      return;
    }
    const key = `${code}/${year}`;
    if (!code || !entry || filledFor.current === key || !existing.data || existing.isPlaceholderData || existing.data.year !== year || !districts.data) {
      return;
    }
    filledFor.current = key;
    const row = existing.data.items.find((i) => i.code === code);
    const { factor } = entryUnit(entry.unit);
    const byName = new Map((row?.districts ?? []).map((d) => [d.district, d.target]));
    form.setFieldsValue({
      city: row?.target === null || row?.target === undefined ? null : round6(row.target / factor),
      districts: Object.fromEntries(districtList.map((d) => [d.code, byName.has(d.name) ? round6(byName.get(d.name)! / factor) : null])),
      source: row?.source ?? undefined,
      note: row?.note ?? undefined,
    });
  }, [props.open, code, year, entry, existing.data, existing.isPlaceholderData, districts.data, districtList, form]);

  const entered = districtList.map((d) => byDistrict?.[d.code]).filter((v): v is number => typeof v === 'number');
  const sum = entered.length > 0 ? round6(entered.reduce((s, v) => s + v, 0)) : null;
  const difference = sum !== null && typeof city === 'number' ? round6(sum - city) : null;
  const fmt = (v: number) => `${v.toLocaleString('zh-CN', { maximumFractionDigits: 6 })}${unit.suffix}`;

  const submit = async (v: Values) => {
    if (!entry) {
      return;
    }
    const items: SetTargetsInput['items'] = [];
    const names: FieldName[] = [];
    if (typeof v.city === 'number') {
      items.push({ district: null, value: round6(v.city * unit.factor) });
      names.push('city');
    }
    for (const d of districtList) {
      const x = v.districts?.[d.code];
      if (typeof x === 'number') {
        items.push({ district: d.code, value: round6(x * unit.factor) });
        names.push(['districts', d.code]);
      }
    }
    try {
      const r = await save.mutateAsync({
        year: v.year,
        code: entry.code,
        items,
        ...(v.source ? { source: v.source } : {}),
        ...(v.note ? { note: v.note } : {}),
      });
      void message.success(`已保存${v.year}年“${entry.name}”的目标（${r.rows} 条${r.replaced > 0 ? `，替换原有 ${r.replaced} 条` : ''}）`);
      props.onClose();
    } catch (err) {
      if (!(err instanceof ApiError) || err.fields.length === 0) {
        void message.error(errorMessage(err));
        return;
      }
      const placed = new Map<string, { name: FieldName; errors: string[] }>();
      const unplaced: string[] = [];
      for (const issue of err.fields) {
        const f = issue.field.replace(/^body\./, '');
        const m = /^items\.(\d+)\.(value|district)$/.exec(f);
        const name: FieldName | undefined = m ? names[Number(m[1])] : ['code', 'year', 'source', 'note'].includes(f) ? f : undefined;
        if (name === undefined) {
          unplaced.push(issue.message);
          continue;
        }
        const k = String(name);
        placed.set(k, {
          name,
          errors: [...(placed.get(k)?.errors ?? []), issue.message],
        });
      }
      form.setFields(
        [...placed.values()].map((p) => ({
          name: p.name as never,
          errors: p.errors,
        })),
      );
      void message.error(unplaced.length > 0 ? unplaced.join('；') : err.message);
    }
  };

  return (
    <Modal title="设定年度目标" open={props.open} onCancel={props.onClose} onOk={() => form.submit()} okText="保存目标" confirmLoading={save.isPending} width={760}>
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ code: props.initial.code, year: props.initial.year }}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<Values>) => {
          if ('code' in changed || 'year' in changed) {
            form.setFieldsValue({
              city: null,
              districts: {},
              source: undefined,
              note: undefined,
            });
          }
        }}
      >
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="code" label="指标" rules={[{ required: true, message: '请选择指标' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                aria-label="目标指标"
                placeholder="选择指标"
                loading={catalogue.isLoading}
                options={(catalogue.data?.items ?? []).map((i) => ({
                  value: i.code,
                  label: `${i.name}（${i.code}）${i.available ? '' : '·业务模块未上线'}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber aria-label="目标年度" min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="city" label={`全市目标${entry ? `（${unit.suffix}）` : ''}`} rules={[{ required: true, message: '请填写全市目标' }]}>
          <InputNumber aria-label="全市目标" min={0} style={{ width: '100%' }} suffix={unit.suffix} disabled={!entry} />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          区县分解（可选）
        </Divider>
        <Row gutter={12}>
          {districtList.map((d) => (
            <Col key={d.code} xs={12} md={8}>
              <Form.Item name={['districts', d.code]} label={d.name} style={{ marginBottom: 8 }}>
                <InputNumber aria-label={`${d.name}目标`} min={0} style={{ width: '100%' }} suffix={unit.suffix} disabled={!entry} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {sum !== null ? (
          <Alert
            data-testid="district-sum"
            style={{ margin: '8px 0 12px' }}
            showIcon
            type={difference === 0 ? 'success' : 'warning'}
            title={
              difference === null
                ? `区县合计 ${fmt(sum)}（尚未填写全市目标）`
                : difference === 0
                  ? `区县合计 ${fmt(sum)}，与全市目标一致`
                  : `区县合计 ${fmt(sum)}，比全市目标${difference > 0 ? '多' : '少'} ${fmt(Math.abs(difference))}（可以保存，目标页会标注差额）`
            }
          />
        ) : (
          <Typography.Paragraph type="secondary">不分解到区县时只保存全市目标；区县目标之和与全市不一致时照常保存，并在目标页标注差额。</Typography.Paragraph>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="source" label="依据">
              <Input maxLength={200} placeholder="如：2016年工作思路" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="note" label="说明">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
