import { Alert, Button, Checkbox, Col, Descriptions, Form, InputNumber, Radio, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useEvaluateTechSme, type TechSmeInput, type TechSmeResult } from '../api/evaluate-tech-sme';
import { ConditionsTable, percent } from './ConditionsTable';

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

const DIRECT_OPTIONS: { value: keyof NonNullable<Direct>; label: string }[] = [
  { value: 'validHnte', label: '拥有有效期内高新技术企业资格证书' },
  { value: 'nationalAwardTop3', label: '近五年内获得过国家级科技奖励，并在获奖单位中排在前三名' },
  { value: 'provincialRdInstitution', label: '拥有经认定的省部级以上研发机构' },
  { value: 'ledStandard', label: '近五年内主导制定过国际标准、国家标准或行业标准' },
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
const yesNo = [
  { value: false, label: '否' },
  { value: true, label: '是' },
];
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

  const num = (name: keyof Values, label: string, props: object = { min: 0, precision: 0, style: { width: '100%' } }) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label.replace(/（.*）/, '')}` }]}>
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
              填入示例数据
            </Button>
            <Button onClick={() => { form.resetFields(); setResult(null); }}>清空</Button>
          </Space>
          <Form.Item name="registeredInChina" label="是否在中国境内（不含港、澳、台地区）注册的居民企业">
            <Radio.Group options={yesNo} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>{num('employees', '职工总数（人）')}</Col>
            <Col span={12}>{num('stEmployees', '科技人员数（人）')}</Col>
            <Col span={12}>{num('salesRevenue', '年销售收入（元）', money)}</Col>
            <Col span={12}>{num('totalAssets', '资产总额（元）', money)}</Col>
            <Col span={12}>{num('rdExpenses', '研发费用总额（元）', money)}</Col>
            <Col span={12}>{num('totalCostExpenses', '成本费用支出总额（元）', money)}</Col>
            <Col span={12}>{num('classI', 'Ⅰ类知识产权件数')}</Col>
            <Col span={12}>{num('classII', 'Ⅱ类知识产权件数')}</Col>
          </Row>
          <Form.Item name="restrictedIndustry" label="产品和服务是否属于国家规定的禁止、限制和淘汰类">
            <Radio.Group options={yesNo} />
          </Form.Item>
          <Form.Item name="majorIncident" label="上一年度至今是否发生重大安全、重大质量事故或严重环境违法行为">
            <Radio.Group options={yesNo} />
          </Form.Item>
          <Form.Item name="seriousDishonesty" label="是否有科研严重失信行为，或被列入经营异常名录、严重违法失信名单">
            <Radio.Group options={yesNo} />
          </Form.Item>
          <Form.Item name="direct" label="直接确认条件（符合任一项且满足前述条件的，可直接确认为科技型中小企业）">
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={DIRECT_OPTIONS} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={evaluate.isPending} data-testid="sme-submit">
            开始自评
          </Button>
        </Form>
      </Col>
      <Col xs={24} xl={12}>
        {problem ? <Alert type="error" showIcon message="请检查填写的数据" description={problem} style={{ marginBottom: 12 }} data-testid="sme-error" /> : null}
        {result ? <TechSmeResultView result={result} /> : !problem ? <Alert type="info" showIcon message="填写左侧数据后点击“开始自评”，查看各项条件与评价得分" /> : null}
      </Col>
    </Row>
  );
}

function TechSmeResultView({ result }: { result: TechSmeResult }) {
  const s = result.score;
  const ratio = (v: number | null) => (v === null ? '无法计算' : percent(v));
  return (
    <div data-testid="sme-result">
      <Alert
        type={result.eligible ? 'success' : 'error'}
        showIcon
        style={{ marginBottom: 12 }}
        message={result.eligible ? (result.directQualified ? '符合直接确认条件，可评价为科技型中小企业' : '符合科技型中小企业评价条件') : '暂不符合科技型中小企业评价条件'}
      />
      <ConditionsTable conditions={result.conditions} testId="sme-conditions" />
      <Descriptions title="评价得分（满分100分，须不低于60分且科技人员指标得分不为0）" column={1} bordered size="small" style={{ marginTop: 16 }} data-testid="sme-score">
        <Descriptions.Item label="科技人员指标（20分）">
          {s.stStaff}分（科技人员占比 {percent(result.ratios.stStaff)}）
        </Descriptions.Item>
        <Descriptions.Item label="研发投入指标（50分，取高者）">
          {s.rd}分（占销售收入 {ratio(result.ratios.rdByRevenue)} 得{s.rdByRevenue}分；占成本费用 {ratio(result.ratios.rdByCost)} 得{s.rdByCost}分）
        </Descriptions.Item>
        <Descriptions.Item label="科技成果指标（30分）">{s.ip}分</Descriptions.Item>
        <Descriptions.Item label="总分">
          <Typography.Text strong data-testid="sme-total">
            {s.total}分
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        依据：{result.ruleSet.source}。自评结果仅供参考，以评价工作机构公告为准。
      </Typography.Paragraph>
    </div>
  );
}
