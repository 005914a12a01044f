import { App, Button, Form, Input, InputNumber, Space, Table } from 'antd';
import { MoneyInput } from '../../../components/MoneyInput';
import { ApiError } from '../../../lib/api';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import type { FollowUp, ProjectDetail } from '../api/get-project';
import { EvidenceFiles } from './EvidenceFiles';
import { projectsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

interface Values {
  text: string;
  spent: number;
  kpis: { key: string; actual: number; evidence?: string }[];
}

/**
 * The enterprise's report against the plan's KPIs: the mid-term (progress, actual values so far,
 * money spent) or the acceptance (summary, actual values with evidence, money spent).
 */
export function ReportForm({ project, kind, acceptance, onSubmit, loading }: { project: ProjectDetail; kind: 'midterm' | 'acceptance'; acceptance?: FollowUp; onSubmit: (v: { text: string; spent: number; kpis: Values['kpis'] }) => Promise<unknown>; loading: boolean }) {
  const t = useMessages(projectsMessages);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await onSubmit({ text: v.text.trim(), spent: v.spent, kpis: v.kpis.map((k) => ({ key: k.key, actual: k.actual, ...(k.evidence?.trim() ? { evidence: k.evidence.trim() } : {}) })) });
      message.success(kind === 'midterm' ? t('projects.report.midtermSubmitted') : t('projects.report.acceptanceSubmitted'));
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : [];
      const mapped = fields.map((f) => ({ ...f, field: f.field.replace(/^(progress|summary)$/, 'text') }));
      if (err instanceof ApiError) {
        applyFieldErrors(form, new ApiError(err.status, err.code, err.message, { fields: mapped }), ['text', 'spent']);
      }
      message.error(errorMessage(err));
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ kpis: project.kpis.map((k) => ({ key: k.key, actual: undefined, evidence: '' })) }} data-testid={`${kind}-form`}>
      <Form.Item name="text" label={kind === 'midterm' ? t('projects.report.progress') : t('projects.report.summary')} rules={[{ required: true, min: 10, message: t('projects.min10Chars') }]}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.List name="kpis">
        {(fields) => (
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields.map((f, i) => ({ ...f, kpi: project.kpis[i] }))}
            columns={[
              { title: t('projects.report.kpis'), render: (_: unknown, r) => t('projects.report.kpiLabel', { name: r.kpi.name, target: r.kpi.target, unit: r.kpi.unit }) },
              {
                title: kind === 'midterm' ? t('projects.report.currentValue') : t('projects.report.actualValue'),
                width: 160,
                render: (_: unknown, r) => (
                  <Form.Item name={[r.name, 'actual']} rules={[{ required: true, message: t('projects.required') }]} style={{ margin: 0 }}>
                    <InputNumber min={0} style={{ width: 140 }} addonAfter={r.kpi.unit} aria-label={t('projects.report.valueOf', { name: r.kpi.name })} />
                  </Form.Item>
                ),
              },
              ...(kind === 'acceptance'
                ? [
                    {
                      title: t('projects.report.evidence'),
                      render: (_: unknown, r: { name: number; kpi: ProjectDetail['kpis'][number] }) => (
                        <Space direction="vertical" size={4} style={{ width: '100%' }}>
                          <Form.Item name={[r.name, 'evidence']} style={{ margin: 0 }}>
                            <Input maxLength={500} placeholder={t('projects.report.evidenceNote')} />
                          </Form.Item>
                          {acceptance ? <EvidenceFiles acceptance={acceptance} kpi={r.kpi.key} editable /> : null}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Form.List>
      <Form.Item name="spent" label={t('projects.report.spent')} rules={[{ required: true, message: t('projects.report.enterSpent') }]} style={{ marginTop: 16 }}>
        <MoneyInput />
      </Form.Item>
      <Button type="primary" loading={loading} onClick={() => void submit()}>
        {kind === 'midterm' ? t('projects.report.submitMidterm') : t('projects.report.submitAcceptance')}
      </Button>
    </Form>
  );
}
