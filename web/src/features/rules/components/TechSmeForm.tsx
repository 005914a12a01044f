import { Alert, Button, Checkbox, Col, Descriptions, Form, InputNumber, Radio, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useEvaluateTechSme, type TechSmeInput, type TechSmeResult } from '../api/evaluate-tech-sme';
import { ConditionsTable, percent } from './ConditionsTable';
import { useMessages } from '../../../lib/i18n';
import { rulesMessages } from '../messages';

type Direct = TechSmeInput['direct'];
interface Values {
  registeredInChina: boolean;
  employees: number;
  stEmployees: number;
  salesRevenue: number;
  totalAssets: number;
  rdExpenses: number;
  totalCostExpenses: number;
  classI: number;
  classII: number;
  restrictedIndustry: boolean;
  majorIncident: boolean;
  seriousDishonesty: boolean;
  direct: (keyof NonNullable<Direct>)[];
}

const DIRECT_OPTIONS: { value: keyof NonNullable<Direct>; label: keyof typeof rulesMessages }[] = [
  { value: 'validHnte', label: 'rules.sme.directValidHnte' },
  { value: 'nationalAwardTop3', label: 'rules.sme.directAward' },
  { value: 'provincialRdInstitution', label: 'rules.sme.directRdInstitution' },
  { value: 'ledStandard', label: 'rules.sme.directStandard' },
];

const EXAMPLE: Partial<Values> = {
  registeredInChina: true,
  employees: 80,
  stEmployees: 20,
  salesRevenue: 30_000_000,
  totalAssets: 50_000_000,
  rdExpenses: 1_500_000,
  totalCostExpenses: 25_000_000,
  classI: 0,
  classII: 2,
  restrictedIndustry: false,
  majorIncident: false,
  seriousDishonesty: false,
  direct: [],
};

const money = { min: 0, step: 10000, precision: 2, style: { width: '100%' } } as const;
const TOP_FIELDS: Record<string, string> = { 'ip.classI': 'classI', 'ip.classII': 'classII' };

function toBody(v: Values): TechSmeInput {
  const direct = Object.fromEntries(DIRECT_OPTIONS.map((o) => [o.value, (v.direct ?? []).includes(o.value)])) as Direct;
  return {
    registeredInChina: v.registeredInChina,
    employees: v.employees,
    stEmployees: v.stEmployees,
    salesRevenue: v.salesRevenue,
    totalAssets: v.totalAssets,
    rdExpenses: v.rdExpenses,
    totalCostExpenses: v.totalCostExpenses,
    ip: { classI: v.classI, classII: v.classII },
    restrictedIndustry: v.restrictedIndustry,
    majorIncident: v.majorIncident,
    seriousDishonesty: v.seriousDishonesty,
    direct,
  };
}

export function TechSmeForm() {
  const t = useMessages(rulesMessages);
  const yesNo = [
    { value: false, label: t('rules.no') },
    { value: true, label: t('rules.yes') },
  ];
  const [form] = Form.useForm<Values>();
  const evaluate = useEvaluateTechSme();
  const [result, setResult] = useState<TechSmeResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const onFinish = (values: Values) => {
    setProblem(null);
    evaluate.mutate(toBody(values), {
      onSuccess: setResult,
      onError: (err) => {
        setResult(null);
        if (err instanceof ApiError && err.fields.length) {
          form.setFields(err.fields.map((f) => ({ name: (TOP_FIELDS[f.field] ?? f.field) as never, errors: [f.message] })));
          setProblem(err.fields.map((f) => f.message).join('；'));
        } else {
          setProblem(errorMessage(err));
        }
      },
    });
  };

  const num = (name: keyof Values, labelKey: keyof typeof rulesMessages, props: object = { min: 0, precision: 0, style: { width: '100%' } }) => (
    <Form.Item name={name} label={t(labelKey)} rules={[{ required: true, message: t('rules.required', { field: t(labelKey).replace(/（.*）|\s*\(.*\)/, '') }) }]}>
      <InputNumber {...props} />
    </Form.Item>
  );

  return (
    <Row gutter={24}>
      <Col xs={24} xl={12}>
        <Form<Values>
          form={form}
          name="sme"
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ registeredInChina: true, restrictedIndustry: false, majorIncident: false, seriousDishonesty: false, direct: [], classI: 0, classII: 0 }}
          data-testid="sme-form"
        >
          <Space style={{ marginBottom: 12 }}>
            <Button onClick={() => form.setFieldsValue(EXAMPLE)} data-testid="sme-example">
              {t('rules.example')}
            </Button>
            <Button onClick={() => { form.resetFields(); setResult(null); }}>{t('rules.clear')}</Button>
          </Space>
          <Form.Item name="registeredInChina" label={t('rules.sme.registeredInChina')}>
            <Radio.Group options={yesNo} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>{num('employees', 'rules.sme.employees')}</Col>
            <Col span={12}>{num('stEmployees', 'rules.sme.stEmployees')}</Col>
            <Col span={12}>{num('salesRevenue', 'rules.sme.salesRevenue', money)}</Col>
            <Col span={12}>{num('totalAssets', 'rules.sme.totalAssets', money)}</Col>
            <Col span={12}>{num('rdExpenses', 'rules.sme.rdExpenses', money)}</Col>
            <Col span={12}>{num('totalCostExpenses', 'rules.sme.totalCostExpenses', money)}</Col>
            <Col span={12}>{num('classI', 'rules.sme.classI')}</Col>
            <Col span={12}>{num('classII', 'rules.sme.classII')}</Col>
          </Row>
          <Form.Item name="restrictedIndustry" label={t('rules.sme.restrictedIndustry')}>
            <Radio.Group options={yesNo} />
          </Form.Item>
          <Form.Item name="majorIncident" label={t('rules.sme.majorIncident')}>
            <Radio.Group options={yesNo} />
          </Form.Item>
          <Form.Item name="seriousDishonesty" label={t('rules.sme.seriousDishonesty')}>
            <Radio.Group options={yesNo} />
          </Form.Item>
          <Form.Item name="direct" label={t('rules.sme.direct')}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={DIRECT_OPTIONS.map((o) => ({ value: o.value, label: t(o.label) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={evaluate.isPending} data-testid="sme-submit">
            {t('rules.submit')}
          </Button>
        </Form>
      </Col>
      <Col xs={24} xl={12}>
        {problem ? <Alert type="error" showIcon message={t('rules.checkData')} description={problem} style={{ marginBottom: 12 }} data-testid="sme-error" /> : null}
        {result ? <TechSmeResultView result={result} /> : !problem ? <Alert type="info" showIcon message={t('rules.sme.hint')} /> : null}
      </Col>
    </Row>
  );
}

function TechSmeResultView({ result }: { result: TechSmeResult }) {
  const t = useMessages(rulesMessages);
  const s = result.score;
  const ratio = (v: number | null) => (v === null ? t('rules.cannotCompute') : percent(v));
  return (
    <div data-testid="sme-result">
      <Alert
        type={result.eligible ? 'success' : 'error'}
        showIcon
        style={{ marginBottom: 12 }}
        message={result.eligible ? (result.directQualified ? t('rules.sme.directQualified') : t('rules.sme.eligible')) : t('rules.sme.notEligible')}
      />
      <ConditionsTable conditions={result.conditions} testId="sme-conditions" />
      <Descriptions title={t('rules.sme.scoreTitle')} column={1} bordered size="small" style={{ marginTop: 16 }} data-testid="sme-score">
        <Descriptions.Item label={t('rules.sme.stStaff')}>
          {t('rules.sme.stStaffValue', { score: s.stStaff, ratio: percent(result.ratios.stStaff) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('rules.sme.rd')}>
          {t('rules.sme.rdValue', { score: s.rd, byRevenue: ratio(result.ratios.rdByRevenue), revenueScore: s.rdByRevenue, byCost: ratio(result.ratios.rdByCost), costScore: s.rdByCost })}
        </Descriptions.Item>
        <Descriptions.Item label={t('rules.sme.ip')}>{t('rules.points', { n: s.ip })}</Descriptions.Item>
        <Descriptions.Item label={t('rules.sme.total')}>
          <Typography.Text strong data-testid="sme-total">
            {t('rules.points', { n: s.total })}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('rules.basis', { source: result.ruleSet.source })}
      </Typography.Paragraph>
    </div>
  );
}
