import { App, Button, DatePicker, Form, Input, InputNumber, Radio, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../../lib/api';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import type { ProjectDetail } from '../api/get-project';
import { useRequestChange } from '../api/steps';

interface Values {
  kind: 'extension' | 'budget_shift' | 'kpi_change';
  reason: string;
  endOn?: Dayjs;
  lines: { category: string; city: number; self: number; note: string }[];
  kpis: { key: string; name: string; unit: string; target: number }[];
}

/** The enterprise asks for an extension, a budget shift between categories or changed KPI targets. */
export function ChangeForm({ project, onDone }: { project: ProjectDetail; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const change = useRequestChange();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    const body =
      v.kind === 'extension'
        ? { kind: v.kind, reason: v.reason.trim(), endOn: v.endOn?.format('YYYY-MM-DD') }
        : v.kind === 'budget_shift'
          ? { kind: v.kind, reason: v.reason.trim(), budgetLines: v.lines.map((l) => ({ category: l.category, city: l.city, self: l.self, note: l.note ?? '' })) }
          : { kind: v.kind, reason: v.reason.trim(), kpis: v.kpis };
    try {
      await change.mutateAsync({ projectId: project.id, body });
      message.success('变更申请已提交，待市科委审批');
      onDone();
    } catch (err) {
      if (err instanceof ApiError) {
        applyFieldErrors(form, err, ['reason', 'endOn']);
      }
      message.error(errorMessage(err));
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: 'extension', lines: project.budgetLines, kpis: project.kpis }}
      data-testid="change-form"
    >
      <Form.Item name="kind" label="变更类别">
        <Radio.Group
          options={[
            { value: 'extension', label: '项目延期' },
            { value: 'budget_shift', label: '预算调整' },
            { value: 'kpi_change', label: '考核指标调整' },
          ]}
        />
      </Form.Item>
      {kind === 'extension' || kind === undefined ? (
        <Form.Item name="endOn" label={`延期后的结束日期（现为 ${project.endOn ?? '—'}）`} rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
      ) : null}
      {kind === 'budget_shift' ? (
        <Form.List name="lines">
          {(fields) => (
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              columns={[
                { title: '预算科目', render: (_: unknown, f) => project.budgetLines[f.name]?.category },
                { title: '市财政资助（元）', render: (_: unknown, f) => <Form.Item name={[f.name, 'city']} style={{ margin: 0 }}><InputNumber min={0} precision={2} style={{ width: 160 }} /></Form.Item> },
                { title: '自筹（元）', render: (_: unknown, f) => <Form.Item name={[f.name, 'self']} style={{ margin: 0 }}><InputNumber min={0} precision={2} style={{ width: 160 }} /></Form.Item> },
              ]}
              footer={() => `市财政资助合计须等于立项金额 ${project.approved.toLocaleString('zh-CN')} 元`}
            />
          )}
        </Form.List>
      ) : null}
      {kind === 'kpi_change' ? (
        <Form.List name="kpis">
          {(fields) => (
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              columns={[
                { title: '考核指标', render: (_: unknown, f) => `${project.kpis[f.name]?.name}（${project.kpis[f.name]?.unit}）` },
                { title: '调整后目标值', render: (_: unknown, f) => <Form.Item name={[f.name, 'target']} style={{ margin: 0 }} rules={[{ required: true, message: '请填写' }]}><InputNumber min={0.0001} style={{ width: 160 }} /></Form.Item> },
              ]}
            />
          )}
        </Form.List>
      ) : null}
      <Form.Item name="reason" label="变更理由" rules={[{ required: true, min: 10, message: '至少10个字' }]} style={{ marginTop: 16 }}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button type="primary" loading={change.isPending} onClick={() => void submit()}>
        提交变更申请
      </Button>
    </Form>
  );
}
