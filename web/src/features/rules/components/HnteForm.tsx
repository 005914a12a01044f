import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useEvaluateHnte, type HnteInput, type HnteResult } from '../api/evaluate-hnte';
import { ConditionsTable, percent } from './ConditionsTable';
import { useMessages } from '../../../lib/i18n';
import { rulesMessages } from '../messages';
import { hnteDomainMessages } from '../../enterprises/messages';

const DOMAINS = Object.keys(hnteDomainMessages) as (keyof typeof hnteDomainMessages)[];

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
  domain: DOMAINS[0],
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
  const t = useMessages(rulesMessages);
  const domainName = useMessages(hnteDomainMessages);
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
              {t('rules.example')}
            </Button>
            <Button onClick={() => { form.resetFields(); setResult(null); }}>{t('rules.clear')}</Button>
          </Space>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="applicationDate" label={t('rules.hnte.applicationDate')} rules={[{ required: true, message: t('rules.hnte.applicationDateRequired') }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="registeredOn" label={t('rules.hnte.registeredOn')} rules={[{ required: true, message: t('rules.hnte.registeredOnRequired') }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="domain" label={t('rules.hnte.domain')} rules={[{ required: true, message: t('rules.hnte.domainRequired') }]}>
                <Select options={DOMAINS.map((d) => ({ value: d, label: domainName(d) }))} placeholder={t('rules.hnte.domainPlaceholder')} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="employees" label={t('rules.sme.employees')} rules={[{ required: true, message: t('rules.hnte.employeesRequired') }]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="stEmployees" label={t('rules.sme.stEmployees')} rules={[{ required: true, message: t('rules.hnte.stEmployeesRequired') }]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('rules.hnte.yearsTitle')}
          </Typography.Title>
          <Form.List name="years">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Card key={f.key} size="small" style={{ marginBottom: 8 }} title={t('rules.hnte.yearN', { n: i + 1 })} extra={fields.length > 1 ? <MinusCircleOutlined aria-label={t('rules.hnte.removeYear')} onClick={() => remove(f.name)} /> : null}>
                    <Row gutter={8}>
                      <Col span={8}>
                        <Form.Item name={[f.name, 'year']} label={t('rules.hnte.year')} rules={[{ required: true, message: t('rules.hnte.yearRequired') }]}>
                          <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col span={16}>
                        <Form.Item name={[f.name, 'salesRevenue']} label={t('rules.hnte.salesRevenue')} rules={[{ required: true, message: t('rules.hnte.salesRevenueRequired') }]}>
                          <InputNumber {...money} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item name={[f.name, 'netAssets']} label={t('rules.hnte.netAssets')} rules={[{ required: true, message: t('rules.hnte.netAssetsRequired') }]}>
                          <InputNumber {...money} min={undefined} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item name={[f.name, 'rdExpenses']} label={t('rules.hnte.rdExpenses')} rules={[{ required: true, message: t('rules.hnte.rdExpensesRequired') }]}>
                          <InputNumber {...money} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item name={[f.name, 'rdDomestic']} label={t('rules.hnte.rdDomestic')} rules={[{ required: true, message: t('rules.hnte.rdDomesticRequired') }]}>
                          <InputNumber {...money} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                {fields.length < 3 ? (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block style={{ marginBottom: 12 }}>
                    {t('rules.hnte.addYear')}
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="totalRevenue" label={t('rules.hnte.totalRevenue')} rules={[{ required: true, message: t('rules.hnte.totalRevenueRequired') }]}>
                <InputNumber {...money} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="highTechRevenue" label={t('rules.hnte.highTechRevenue')} rules={[{ required: true, message: t('rules.hnte.highTechRevenueRequired') }]}>
                <InputNumber {...money} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="classI" label={t('rules.hnte.classI')} rules={[{ required: true, message: t('rules.requiredShort') }]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="classII" label={t('rules.hnte.classII')} rules={[{ required: true, message: t('rules.requiredShort') }]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('rules.hnte.conversions')}>
            <Space>
              {[0, 1, 2].map((i) => (
                <Form.Item key={i} name={['conversions', i]} noStyle>
                  <InputNumber aria-label={t('rules.hnte.conversionsOfYear', { n: i + 1 })} min={0} precision={0} />
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
          <Form.Item name="majorIncident" label={t('rules.hnte.majorIncident')}>
            <Radio.Group options={[{ value: false, label: t('rules.no') }, { value: true, label: t('rules.yes') }]} />
          </Form.Item>
          <Form.Item name="innovationScore" label={t('rules.hnte.innovationScore')}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={evaluate.isPending} data-testid="hnte-submit">
            {t('rules.submit')}
          </Button>
        </Form>
      </Col>
      <Col xs={24} xl={12}>
        {problem ? <Alert type="error" showIcon message={t('rules.checkData')} description={problem} style={{ marginBottom: 12 }} data-testid="hnte-error" /> : null}
        {result ? <HnteResultView result={result} /> : !problem ? <Alert type="info" showIcon message={t('rules.hnte.hint')} /> : null}
      </Col>
    </Row>
  );
}

function HnteResultView({ result }: { result: HnteResult }) {
  const t = useMessages(rulesMessages);
  const r = result.scoreRanges;
  const rate = (v: number | null) => (v === null ? t('rules.cannotCompute') : percent(v));
  return (
    <div data-testid="hnte-result">
      {result.eligible ? (
        <Alert type="success" showIcon message={t('rules.hnte.eligible')} style={{ marginBottom: 12 }} />
      ) : result.pending.length && result.conditions.every((c) => c.passed || c.status === 'pending') ? (
        <Alert type="warning" showIcon message={t('rules.hnte.pendingScore')} style={{ marginBottom: 12 }} />
      ) : (
        <Alert type="error" showIcon message={t('rules.hnte.notEligible')} style={{ marginBottom: 12 }} />
      )}
      <ConditionsTable conditions={result.conditions} testId="hnte-conditions" />
      <Descriptions title={t('rules.hnte.bandsTitle')} column={1} bordered size="small" style={{ marginTop: 16 }} data-testid="hnte-bands">
        <Descriptions.Item label={t('rules.hnte.ipQuantity')}>
          {t('rules.hnte.band', { band: result.ipQuantityBand, min: r.ipQuantity.min, max: r.ipQuantity.max })}
        </Descriptions.Item>
        <Descriptions.Item label={t('rules.hnte.conversion')}>
          {t('rules.hnte.conversionValue', { avg: result.conversionAverage.toFixed(2), band: result.conversionBand, min: r.conversion.min, max: r.conversion.max })}
        </Descriptions.Item>
        <Descriptions.Item label={t('rules.hnte.netAssetGrowth')}>
          {t('rules.hnte.growthValue', { rate: rate(result.growth.netAssetGrowth), band: result.growth.netAssetBand, min: r.netAssetGrowth.min, max: r.netAssetGrowth.max })}
        </Descriptions.Item>
        <Descriptions.Item label={t('rules.hnte.salesGrowth')}>
          {t('rules.hnte.growthValue', { rate: rate(result.growth.salesGrowth), band: result.growth.salesBand, min: r.salesGrowth.min, max: r.salesGrowth.max })}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('rules.hnte.basis', { source: result.ruleSet.source, from: result.ruleSet.effectiveFrom })}
      </Typography.Paragraph>
    </div>
  );
}
