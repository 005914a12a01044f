import { Alert, Button, Card, Descriptions, Form, InputNumber, Radio, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Money, renderMoney } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useEvaluateSubsidy, useSubsidyParams, type EvaluateResult } from '../api/evaluate';
import { LoanLines } from './LoanLines';
import { useI18n, useMessages } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';
import { subsidiesMessages } from '../messages';

interface Values {
  programme: 'eagle' | 'qinglan';
  year: number;
  loans: { principal: number; rate: number; startOn: Dayjs; endOn: Dayjs }[];
}
const BUCKETS = ['1y', '1-5y', '5y+'] as const;
const isBucket = (b: string): b is (typeof BUCKETS)[number] => (BUCKETS as readonly string[]).includes(b);

/** Public (no login): a 雏鹰/青蓝 firm estimates its loan interest subsidy by the bureau's rule. */
export default function CalculatorPage() {
  const t = useMessages(subsidiesMessages);
  const { lang } = useI18n();
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
      <PageTitle title={t('subsidies.calc.title')}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('subsidies.calc.intro')}
        </Typography.Paragraph>
      </PageTitle>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ programme: 'eagle', year: 2015, loans: [{ principal: 1_000_000, rate: 5.6, startOn: dayjs('2015-01-10'), endOn: dayjs('2016-01-10') }] }}
        >
          <Form.Item name="programme" label={t('subsidies.programme')} rules={[{ required: true }]}>
            <Radio.Group options={[{ value: 'eagle', label: t('subsidies.programme.eagle') }, { value: 'qinglan', label: t('subsidies.programme.qinglan') }]} />
          </Form.Item>
          <Form.Item name="year" label={t('subsidies.calc.year')} rules={[{ required: true, message: t('subsidies.calc.yearRequired') }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <LoanLines />
          <Form.Item style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={evaluate.isPending}>
              {t('subsidies.calc.run')}
            </Button>
          </Form.Item>
        </Form>
        {problem ? <Alert type="error" showIcon message={problem} /> : null}
      </Card>
      {result ? (
        <Card title={t('subsidies.calc.result')} style={{ marginTop: 16 }}>
          <Table
            rowKey={(_, i) => String(i)}
            pagination={false}
            size="small"
            dataSource={result.lines}
            columns={[
              { title: t('subsidies.calc.loan'), render: (_, __, i) => t('subsidies.calc.loanNo', { n: i + 1 }) },
              { title: t('subsidies.calc.bucket'), dataIndex: 'bucket', render: (b: string) => (isBucket(b) ? t(`subsidies.bucket.${b}`) : b) },
              { title: t('subsidies.calc.benchmarkRate'), dataIndex: 'benchmarkRate' },
              { title: t('subsidies.calc.rateUsed'), dataIndex: 'rateUsed' },
              { title: t('subsidies.calc.days'), dataIndex: 'days' },
              { title: t('subsidies.calc.interestBase'), dataIndex: 'interestBase', align: 'right', render: renderMoney },
              { title: t('subsidies.calc.subsidy'), dataIndex: 'subsidy', align: 'right', render: renderMoney },
            ]}
          />
          <Descriptions style={{ marginTop: 16 }} column={3} bordered size="small">
            <Descriptions.Item label={t('subsidies.calc.sum')}><Money value={result.sum} /></Descriptions.Item>
            <Descriptions.Item label={t('subsidies.calc.cap')}><Money value={result.cap} /></Descriptions.Item>
            <Descriptions.Item label={t('subsidies.calc.amount')}>
              <strong>
                <Money value={result.amount} />
              </strong>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      {params.data ? (
        <Card title={t('subsidies.calc.params')} size="small" style={{ marginTop: 16 }}>
          <Table
            rowKey="effectiveFrom"
            size="small"
            pagination={false}
            dataSource={params.data.benchmarks}
            columns={[
              { title: t('subsidies.calc.effectiveFrom'), dataIndex: 'effectiveFrom' },
              { title: t('subsidies.calc.rate1y'), dataIndex: 'rate1y' },
              { title: t('subsidies.calc.rate1to5y'), dataIndex: 'rate1to5y' },
              { title: t('subsidies.calc.rate5yPlus'), dataIndex: 'rate5yPlus' },
              { title: t('subsidies.calc.inForceUntil'), dataIndex: 'inForceUntil', render: (v: string | null) => v ?? t('subsidies.calc.untilNextChange') },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {params.data.programmes.map((p) => t('subsidies.calc.programmeRule', { programme: p.programmeName, ratio: p.ratio * 100, cap: formatMoney(p.cap, 'yuan', lang), from: p.effectiveFrom })).join(t('subsidies.calc.ruleSeparator'))}
          </Typography.Paragraph>
        </Card>
      ) : null}
    </>
  );
}
