import { App, Button, Form, Input, InputNumber, Space, Table } from 'antd';
import { MoneyInput } from '../../../components/MoneyInput';
import { ApiError } from '../../../lib/api';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import type { FollowUp, ProjectDetail } from '../api/get-project';
import { EvidenceFiles } from './EvidenceFiles';

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
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await onSubmit({ text: v.text.trim(), spent: v.spent, kpis: v.kpis.map((k) => ({ key: k.key, actual: k.actual, ...(k.evidence?.trim() ? { evidence: k.evidence.trim() } : {}) })) });
      message.success(kind === 'midterm' ? '中期报告已提交' : '验收材料已提交');
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
      <Form.Item name="text" label={kind === 'midterm' ? '项目进展情况' : '项目执行总结'} rules={[{ required: true, min: 10, message: '至少10个字' }]}>
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
              { title: '考核指标（任务书）', render: (_: unknown, r) => `${r.kpi.name}（目标 ${r.kpi.target} ${r.kpi.unit}）` },
              {
                title: kind === 'midterm' ? '目前完成值' : '实际完成值',
                width: 160,
                render: (_: unknown, r) => (
                  <Form.Item name={[r.name, 'actual']} rules={[{ required: true, message: '请填写' }]} style={{ margin: 0 }}>
                    <InputNumber min={0} style={{ width: 140 }} addonAfter={r.kpi.unit} aria-label={`${r.kpi.name}完成值`} />
                  </Form.Item>
                ),
              },
              ...(kind === 'acceptance'
                ? [
                    {
                      title: '佐证材料（须上传文件）',
                      render: (_: unknown, r: { name: number; kpi: ProjectDetail['kpis'][number] }) => (
                        <Space direction="vertical" size={4} style={{ width: '100%' }}>
                          <Form.Item name={[r.name, 'evidence']} style={{ margin: 0 }}>
                            <Input maxLength={500} placeholder="说明：证书编号、检测报告编号、合同发票等" />
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
      <Form.Item name="spent" label="已支出项目经费（市财政资助部分）" rules={[{ required: true, message: '请填写已支出经费' }]} style={{ marginTop: 16 }}>
        <MoneyInput />
      </Form.Item>
      <Button type="primary" loading={loading} onClick={() => void submit()}>
        {kind === 'midterm' ? '提交中期报告' : '提交验收材料'}
      </Button>
    </Form>
  );
}
