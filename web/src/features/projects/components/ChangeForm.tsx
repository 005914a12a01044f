import { App, Button, DatePicker, Form, Input, InputNumber, Radio, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { Money } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { ApiError } from '../../../lib/api';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import type { ProjectDetail } from '../api/get-project';
import { useRequestChange } from '../api/steps';
import { projectsMessages } from '../messages';
import { fillNodes, useMessages } from '../../../lib/i18n';

interface Values {
  kind: 'extension' | 'budget_shift' | 'kpi_change';
  reason: string;
  endOn?: Dayjs;
  lines: { category: string; city: number; self: number; note: string }[];
  kpis: { key: string; name: string; unit: string; target: number }[];
}

/** The enterprise asks for an extension, a budget shift between categories or changed KPI targets. */
export function ChangeForm({ project, onDone }: { project: ProjectDetail; onDone: () => void }) {
  const t = useMessages(projectsMessages);
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
      message.success(t('projects.change.submitted'));
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
      <Form.Item name="kind" label={t('projects.change.category')}>
        <Radio.Group
          options={[
            { value: 'extension', label: t('projects.change.extension') },
            { value: 'budget_shift', label: t('projects.change.budget') },
            { value: 'kpi_change', label: t('projects.change.kpis') },
          ]}
        />
      </Form.Item>
      {kind === 'extension' || kind === undefined ? (
        <Form.Item name="endOn" label={t('projects.change.newEndDate', { current: project.endOn ?? '—' })} rules={[{ required: true, message: t('projects.change.pickDate') }]}>
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
                { title: t('projects.change.budgetItem'), render: (_: unknown, f) => project.budgetLines[f.name]?.category },
                { title: t('projects.change.cityFunding'), render: (_: unknown, f) => <Form.Item name={[f.name, 'city']} style={{ margin: 0 }}><MoneyInput style={{ width: 160 }} /></Form.Item> },
                { title: t('projects.change.selfFunded'), render: (_: unknown, f) => <Form.Item name={[f.name, 'self']} style={{ margin: 0 }}><MoneyInput style={{ width: 160 }} /></Form.Item> },
              ]}
              footer={() => fillNodes(t('projects.change.cityTotalMustEqual'), { amount: <Money value={project.approved} /> })}
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
                { title: t('projects.kpis'), render: (_: unknown, f) => `${project.kpis[f.name]?.name}（${project.kpis[f.name]?.unit}）` },
                { title: t('projects.change.newTarget'), render: (_: unknown, f) => <Form.Item name={[f.name, 'target']} style={{ margin: 0 }} rules={[{ required: true, message: t('projects.required') }]}><InputNumber min={0.0001} style={{ width: 160 }} /></Form.Item> },
              ]}
            />
          )}
        </Form.List>
      ) : null}
      <Form.Item name="reason" label={t('projects.change.reason')} rules={[{ required: true, min: 10, message: t('projects.min10Chars') }]} style={{ marginTop: 16 }}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button type="primary" loading={change.isPending} onClick={() => void submit()}>
        {t('projects.change.submit')}
      </Button>
    </Form>
  );
}
