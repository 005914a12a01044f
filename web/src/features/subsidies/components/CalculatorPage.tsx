import { Alert, Button, Card, Descriptions, Form, InputNumber, Radio, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useEvaluateSubsidy, useSubsidyParams, type EvaluateResult } from '../api/evaluate';
import { LoanLines } from './LoanLines';

interface Values {
  programme: 'eagle' | 'qinglan';
  year: number;
  loans: { principal: number; rate: number; startOn: Dayjs; endOn: Dayjs }[];
}
const BUCKETS: Record<string, string> = { '1y': '一年以内（含一年）', '1-5y': '一至五年（含五年）', '5y+': '五年以上' };
const yuan = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Public (no login): a 雏鹰/青蓝 firm estimates its loan interest subsidy by the bureau's rule. */
export default function CalculatorPage() {
  const [form] = Form.useForm<Values>();
  const evaluate = useEvaluateSubsidy();
  const params = useSubsidyParams();
  const [result, setResult] = useState<EvaluateResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const onFinish = (v: Values) => {
    setProblem(null);
    evaluate.mutate(
      { programme: v.programme, year: v.year, loans: v.loans.map((l) => ({ principal: l.principal, rate: l.rate, startOn: l.startOn.format('YYYY-MM-DD'), endOn: l.endOn.format('YYYY-MM-DD') })) },
      {
        onSuccess: setResult,
        onError: (err) => {
          setResult(null);
          if (err instanceof ApiError && err.fields.length) {
            form.setFields(
              err.fields.map((f) => {
                const m = /^loans\.(\d+)\.(\w+)$/.exec(f.field);
                return { name: (m ? ['loans', Number(m[1]), m[2]] : [f.field]) as never, errors: [f.message] };
              }),
            );
          }
          setProblem(errorMessage(err));
        },
      },
    );
  };

  return (
    <>
      <PageTitle title="雏鹰、青蓝企业贷款贴息测算">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          无需登录。逐笔按人民银行同期贷款基准利率（合同利率较低的按合同利率）、贴息年度内的计息天数（算头不算尾）计算贴息额，合计不超过计划年度上限。
        </Typography.Paragraph>
      </PageTitle>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ programme: 'eagle', year: 2015, loans: [{ principal: 1_000_000, rate: 5.6, startOn: dayjs('2015-01-10'), endOn: dayjs('2016-01-10') }] }}
        >
          <Form.Item name="programme" label="资助计划" rules={[{ required: true }]}>
            <Radio.Group options={[{ value: 'eagle', label: '雏鹰计划' }, { value: 'qinglan', label: '青蓝计划' }]} />
          </Form.Item>
          <Form.Item name="year" label="贴息年度" rules={[{ required: true, message: '请填写贴息年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <LoanLines />
          <Form.Item style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={evaluate.isPending}>
              测算
            </Button>
          </Form.Item>
        </Form>
        {problem ? <Alert type="error" showIcon message={problem} /> : null}
      </Card>
      {result ? (
        <Card title="测算结果" style={{ marginTop: 16 }}>
          <Table
            rowKey={(_, i) => String(i)}
            pagination={false}
            size="small"
            dataSource={result.lines}
            columns={[
              { title: '贷款', render: (_, __, i) => `第${i + 1}笔` },
              { title: '期限档次', dataIndex: 'bucket', render: (b: string) => BUCKETS[b] ?? b },
              { title: '基准利率（%）', dataIndex: 'benchmarkRate' },
              { title: '适用利率（%）', dataIndex: 'rateUsed' },
              { title: '计息天数', dataIndex: 'days' },
              { title: '利息基数（元）', dataIndex: 'interestBase', align: 'right', render: yuan },
              { title: '贴息额（元）', dataIndex: 'subsidy', align: 'right', render: yuan },
            ]}
          />
          <Descriptions style={{ marginTop: 16 }} column={3} bordered size="small">
            <Descriptions.Item label="逐笔合计">{yuan(result.sum)} 元</Descriptions.Item>
            <Descriptions.Item label="年度上限">{yuan(result.cap)} 元</Descriptions.Item>
            <Descriptions.Item label="可获贴息">
              <strong>{yuan(result.amount)} 元</strong>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      {params.data ? (
        <Card title="测算参数" size="small" style={{ marginTop: 16 }}>
          <Table
            rowKey="effectiveFrom"
            size="small"
            pagination={false}
            dataSource={params.data.benchmarks}
            columns={[
              { title: '基准利率生效日', dataIndex: 'effectiveFrom' },
              { title: '一年以内（%）', dataIndex: 'rate1y' },
              { title: '一至五年（%）', dataIndex: 'rate1to5y' },
              { title: '五年以上（%）', dataIndex: 'rate5yPlus' },
              { title: '适用至', dataIndex: 'inForceUntil', render: (v: string | null) => v ?? '下一次调整前' },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {params.data.programmes.map((p) => `${p.programmeName}：贴息比例 ${p.ratio * 100}%，每家每年上限 ${yuan(p.cap)} 元（${p.effectiveFrom} 起）`).join('；')}
          </Typography.Paragraph>
        </Card>
      ) : null}
    </>
  );
}
