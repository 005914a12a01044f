import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useEvaluateHnte, type HnteInput, type HnteResult } from '../api/evaluate-hnte';
import { ConditionsTable, percent } from './ConditionsTable';

const DOMAINS = ['电子信息', '生物与新医药', '航空航天', '新材料', '高技术服务', '新能源与节能', '资源与环境', '先进制造与自动化'] as const;

interface YearRow {
  year: number;
  salesRevenue: number;
  netAssets: number;
  rdExpenses: number;
  rdDomestic: number;
}
interface Values {
  applicationDate: Dayjs;
  registeredOn: Dayjs;
  domain: HnteInput['domain'];
  employees: number;
  stEmployees: number;
  years: YearRow[];
  totalRevenue: number;
  highTechRevenue: number;
  classI: number;
  classII: number;
  conversions: (number | null)[];
  majorIncident: boolean;
  innovationScore: number | null;
}

const EXAMPLE: Partial<Values> = {
  applicationDate: dayjs('2016-06-01'),
  registeredOn: dayjs('2012-03-15'),
  domain: '电子信息',
  employees: 120,
  stEmployees: 30,
  years: [
    { year: 2013, salesRevenue: 30_000_000, netAssets: 10_000_000, rdExpenses: 1_800_000, rdDomestic: 1_800_000 },
    { year: 2014, salesRevenue: 40_000_000, netAssets: 12_000_000, rdExpenses: 2_000_000, rdDomestic: 2_000_000 },
    { year: 2015, salesRevenue: 52_000_000, netAssets: 14_000_000, rdExpenses: 2_200_000, rdDomestic: 2_200_000 },
  ],
  totalRevenue: 52_000_000,
  highTechRevenue: 40_000_000,
  classI: 1,
  classII: 3,
  conversions: [2, 4, 3],
  majorIncident: false,
  innovationScore: null,
};

const money = { min: 0, step: 10000, precision: 2, style: { width: '100%' } } as const;
const TOP_FIELDS: Record<string, string> = { 'lastYear.totalRevenue': 'totalRevenue', 'lastYear.highTechRevenue': 'highTechRevenue', 'ip.classI': 'classI', 'ip.classII': 'classII' };

function toBody(v: Values): HnteInput {
  return {
    applicationDate: v.applicationDate?.format('YYYY-MM-DD'),
    registeredOn: v.registeredOn?.format('YYYY-MM-DD'),
    domain: v.domain,
    employees: v.employees,
    stEmployees: v.stEmployees,
    years: (v.years ?? []).map((y) => ({ ...y })),
    lastYear: { totalRevenue: v.totalRevenue, highTechRevenue: v.highTechRevenue },
    ip: { classI: v.classI, classII: v.classII },
    conversions: (v.conversions ?? []).filter((c): c is number => typeof c === 'number'),
    majorIncident: v.majorIncident,
    innovationScore: v.innovationScore ?? null,
  } as HnteInput;
}

/** Server field paths ("years.0.rdDomestic") to form names (["years", 0, "rdDomestic"]). */
function formName(field: string): (string | number)[] {
  const mapped = TOP_FIELDS[field] ?? field;
  return mapped.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function HnteForm() {
  const [form] = Form.useForm<Values>();
  const evaluate = useEvaluateHnte();
  const [result, setResult] = useState<HnteResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const onFinish = (values: Values) => {
    setProblem(null);
    evaluate.mutate(toBody(values), {
      onSuccess: setResult,
      onError: (err) => {
        setResult(null);
        if (err instanceof ApiError && err.fields.length) {
          form.setFields(err.fields.map((f) => ({ name: formName(f.field) as never, errors: [f.message] })));
          setProblem(err.fields.map((f) => f.message).join('；'));
        } else {
          setProblem(errorMessage(err));
        }
      },
    });
  };

  return (
    <Row gutter={24}>
      <Col xs={24} xl={12}>
        <Form<Values> form={form} name="hnte" layout="vertical" onFinish={onFinish} initialValues={{ majorIncident: false, years: [{}, {}, {}], conversions: [null, null, null], classI: 0, classII: 0 }} data-testid="hnte-form">
          <Space style={{ marginBottom: 12 }}>
            <Button onClick={() => form.setFieldsValue(EXAMPLE)} data-testid="hnte-example">
              填入示例数据
            </Button>
            <Button onClick={() => { form.resetFields(); setResult(null); }}>清空</Button>
          </Space>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="applicationDate" label="申请日期" rules={[{ required: true, message: '请选择申请日期' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="registeredOn" label="企业注册成立日期" rules={[{ required: true, message: '请选择注册日期' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="domain" label="主要产品（服务）的核心技术所属领域" rules={[{ required: true, message: '请选择技术领域' }]}>
                <Select options={DOMAINS.map((d) => ({ value: d, label: d }))} placeholder="国家重点支持的高新技术领域" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="employees" label="职工总数（人）" rules={[{ required: true, message: '请填写职工总数' }]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="stEmployees" label="科技人员数（人）" rules={[{ required: true, message: '请填写科技人员数' }]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            近三个会计年度财务数据（从早到晚；成立不足三年的按实际年度填写）
          </Typography.Title>
          <Form.List name="years">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Card key={f.key} size="small" style={{ marginBottom: 8 }} title={`第${i + 1}年`} extra={fields.length > 1 ? <MinusCircleOutlined aria-label="删除该年度" onClick={() => remove(f.name)} /> : null}>
                    <Row gutter={8}>
                      <Col span={8}>
                        <Form.Item name={[f.name, 'year']} label="会计年度" rules={[{ required: true, message: '请填写年度' }]}>
                          <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col span={16}>
                        <Form.Item name={[f.name, 'salesRevenue']} label="销售收入（元）" rules={[{ required: true, message: '请填写销售收入' }]}>
                          <InputNumber {...money} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item name={[f.name, 'netAssets']} label="年末净资产（元）" rules={[{ required: true, message: '请填写净资产' }]}>
                          <InputNumber {...money} min={undefined} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item name={[f.name, 'rdExpenses']} label="研发费用（元）" rules={[{ required: true, message: '请填写研发费用' }]}>
                          <InputNumber {...money} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item name={[f.name, 'rdDomestic']} label="其中境内研发费用（元）" rules={[{ required: true, message: '请填写境内研发费用' }]}>
                          <InputNumber {...money} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                {fields.length < 3 ? (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block style={{ marginBottom: 12 }}>
                    增加年度
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="totalRevenue" label="上年度总收入（元）" rules={[{ required: true, message: '请填写上年度总收入' }]}>
                <InputNumber {...money} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="highTechRevenue" label="上年度高新技术产品（服务）收入（元）" rules={[{ required: true, message: '请填写高新技术产品（服务）收入' }]}>
                <InputNumber {...money} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="classI" label="Ⅰ类知识产权（发明专利等）件数" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="classII" label="Ⅱ类知识产权（实用新型、软著等）件数" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="近三年每年科技成果转化数（项，从早到晚；成立不足三年的按实际年度）">
            <Space>
              {[0, 1, 2].map((i) => (
                <Form.Item key={i} name={['conversions', i]} noStyle>
                  <InputNumber aria-label={`第${i + 1}年成果转化数`} min={0} precision={0} />
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
          <Form.Item name="majorIncident" label="申请前一年内是否发生重大安全、重大质量事故或严重环境违法行为">
            <Radio.Group options={[{ value: false, label: '否' }, { value: true, label: '是' }]} />
          </Form.Item>
          <Form.Item name="innovationScore" label="企业创新能力评价得分（专家评审后填写，未评可留空）">
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={evaluate.isPending} data-testid="hnte-submit">
            开始自评
          </Button>
        </Form>
      </Col>
      <Col xs={24} xl={12}>
        {problem ? <Alert type="error" showIcon message="请检查填写的数据" description={problem} style={{ marginBottom: 12 }} data-testid="hnte-error" /> : null}
        {result ? <HnteResultView result={result} /> : !problem ? <Alert type="info" showIcon message="填写左侧数据后点击“开始自评”，逐项查看是否符合认定条件" /> : null}
      </Col>
    </Row>
  );
}

function HnteResultView({ result }: { result: HnteResult }) {
  const r = result.scoreRanges;
  const rate = (v: number | null) => (v === null ? '无法计算' : percent(v));
  return (
    <div data-testid="hnte-result">
      {result.eligible ? (
        <Alert type="success" showIcon message="符合高新技术企业认定条件" style={{ marginBottom: 12 }} />
      ) : result.pending.length && result.conditions.every((c) => c.passed || c.status === 'pending') ? (
        <Alert type="warning" showIcon message="其他条件均符合，待专家进行企业创新能力评价（须高于70分）" style={{ marginBottom: 12 }} />
      ) : (
        <Alert type="error" showIcon message="暂不符合高新技术企业认定条件，请查看下表中“不符合”的条件" style={{ marginBottom: 12 }} />
      )}
      <ConditionsTable conditions={result.conditions} testId="hnte-conditions" />
      <Descriptions title="企业创新能力评价：平台计算的档次与分值范围" column={1} bordered size="small" style={{ marginTop: 16 }} data-testid="hnte-bands">
        <Descriptions.Item label="知识产权数量">
          {result.ipQuantityBand}档（{r.ipQuantity.min}–{r.ipQuantity.max}分）
        </Descriptions.Item>
        <Descriptions.Item label="科技成果转化能力">
          年均{result.conversionAverage.toFixed(2)}项，{result.conversionBand}档（{r.conversion.min}–{r.conversion.max}分）
        </Descriptions.Item>
        <Descriptions.Item label="净资产增长率">
          {rate(result.growth.netAssetGrowth)}，{result.growth.netAssetBand}档（{r.netAssetGrowth.min}–{r.netAssetGrowth.max}分）
        </Descriptions.Item>
        <Descriptions.Item label="销售收入增长率">
          {rate(result.growth.salesGrowth)}，{result.growth.salesBand}档（{r.salesGrowth.min}–{r.salesGrowth.max}分）
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        依据：{result.ruleSet.source}（{result.ruleSet.effectiveFrom}起施行）。自评结果仅供参考，以认定机构评审为准。
      </Typography.Paragraph>
    </div>
  );
}
