import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch, Tabs, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { HNTE_DOMAINS, IP_KIND_NAMES } from '../../labels';
import type { FormSpecView } from '../api/get-form';
import type { ApplicationData } from '../api/save-application';

const money = { min: 0, precision: 2, style: { width: '100%' }, addonAfter: '元' } as const;
const count = { min: 0, precision: 0, style: { width: '100%' } } as const;

function Section({ children }: { children: ReactNode }) {
  return <div style={{ paddingTop: 8 }}>{children}</div>;
}

/**
 * The application form, tabbed by section (基本情况, 近三年财务, 知识产权, 产品, 附件); the form
 * version's spec decides which sections and type-specific fields appear. `disabled` shows it read-only.
 */
/** A list of rows the applicant adds and removes (IP rights, products): the row's columns, then its delete button. */
function RowList({
  name,
  disabled,
  addLabel,
  removeLabel,
  newRow,
  children,
}: {
  name: string;
  disabled?: boolean;
  addLabel: string;
  removeLabel: string;
  newRow: Record<string, unknown>;
  children: (field: { name: number }) => ReactNode;
}) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Row gutter={12} key={f.key} align="bottom">
              {children(f)}
              <Col xs={4} md={2}>
                {disabled ? null : (
                  <Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={removeLabel} />
                  </Form.Item>
                )}
              </Col>
            </Row>
          ))}
          {disabled ? null : (
            <Button icon={<PlusOutlined />} onClick={() => add(newRow)}>
              {addLabel}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

export function ApplicationForm({
  form,
  spec,
  initial,
  disabled,
  onChange,
  attachments,
}: {
  form: FormInstance<ApplicationData>;
  spec: FormSpecView;
  initial: ApplicationData;
  disabled?: boolean;
  onChange?: () => void;
  attachments: ReactNode;
}) {
  const has = (s: string) => spec.sections.includes(s as never);
  const tabs = [
    {
      key: 'profile',
      label: '基本情况',
      children: (
        <Section>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name={['profile', 'contactName']} label="联系人">
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['profile', 'contactPhone']} label="联系电话">
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['profile', 'registeredOn']} label="注册日期" tooltip="来自企业库，如有误请联系区县科技局更正">
                <Input disabled />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['profile', 'employees']} label="职工总数">
                <InputNumber {...count} addonAfter="人" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['profile', 'stEmployees']} label="科技人员数">
                <InputNumber {...count} addonAfter="人" />
              </Form.Item>
            </Col>
            {spec.requireDomain ? (
              <Col xs={24} md={8}>
                <Form.Item name={['profile', 'domain']} label="技术领域">
                  <Select allowClear options={HNTE_DOMAINS.map((d) => ({ value: d, label: d }))} />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
          <Row gutter={16}>
            {(
              [
                ['registeredInChina', '在中国境内（不含港澳台）注册'],
                ['majorIncident', '近一年发生重大安全、质量事故或严重环境违法行为'],
                ['restrictedIndustry', '属于限制类、淘汰类行业'],
                ['seriousDishonesty', '有严重科研失信行为或列入经营异常名录、严重违法失信名单'],
              ] as const
            ).map(([key, label]) => (
              <Col xs={24} md={12} key={key}>
                <Form.Item name={['profile', key]} label={label} valuePropName="checked">
                  <Switch checkedChildren="是" unCheckedChildren="否" />
                </Form.Item>
              </Col>
            ))}
          </Row>
          {has('direct') ? (
            <Card size="small" title="直接确认条件（满足任一项可免于评分）" style={{ marginBottom: 16 }}>
              {(
                [
                  ['validHnte', '拥有有效期内的高新技术企业资格证书'],
                  ['nationalAwardTop3', '近五年获得国家级科技奖励，且在获奖单位中排名前三'],
                  ['provincialRdInstitution', '拥有经认定的省部级以上研发机构'],
                  ['ledStandard', '近五年主导制定过国际标准、国家标准或行业标准'],
                ] as const
              ).map(([key, label]) => (
                <Form.Item key={key} name={['direct', key]} valuePropName="checked" style={{ marginBottom: 4 }}>
                  <Checkbox>{label}</Checkbox>
                </Form.Item>
              ))}
            </Card>
          ) : null}
          {has('fields') && spec.fields.length ? (
            <Card size="small" title="认定专项指标">
              <Row gutter={16}>
                {spec.fields.map((f) => (
                  <Col xs={24} md={8} key={f.field}>
                    <Form.Item name={['fields', f.field]} label={f.label} tooltip={/占比|比例/.test(f.label) ? '比例请填小数，如 0.35 表示 35%' : undefined}>
                      <InputNumber style={{ width: '100%' }} addonAfter={f.unit ?? undefined} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </Card>
          ) : null}
        </Section>
      ),
    },
    has('financials') || has('lastYear') || has('conversions')
      ? {
          key: 'financials',
          label: '近三年财务',
          children: (
            <Section>
              {has('financials') ? (
                <Form.List name="financials">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f, i) => (
                        <Card
                          key={f.key}
                          size="small"
                          title={`会计年度 ${i + 1}（从早到晚）`}
                          style={{ marginBottom: 12 }}
                          extra={disabled ? null : <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除该年度" />}
                        >
                          <Row gutter={12}>
                            <Col xs={12} md={6}>
                              <Form.Item name={[f.name, 'year']} label="年度">
                                <InputNumber {...count} min={1990} max={2100} />
                              </Form.Item>
                            </Col>
                            {(
                              [
                                ['salesRevenue', '销售收入'],
                                ['totalAssets', '资产总额（年末）'],
                                ['totalLiabilities', '负债总额（年末）'],
                                ['rdExpenses', '研发费用'],
                                ['rdDomestic', '其中境内研发费用'],
                                ['totalCostExpenses', '成本费用总额'],
                              ] as const
                            ).map(([key, label]) => (
                              <Col xs={12} md={6} key={key}>
                                <Form.Item name={[f.name, key]} label={label}>
                                  <InputNumber {...money} />
                                </Form.Item>
                              </Col>
                            ))}
                          </Row>
                        </Card>
                      ))}
                      {!disabled && fields.length < 3 ? (
                        <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                          添加会计年度
                        </Button>
                      ) : null}
                    </>
                  )}
                </Form.List>
              ) : null}
              {has('lastYear') ? (
                <Card size="small" title="上一会计年度收入" style={{ marginBottom: 12 }}>
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item name={['lastYear', 'totalRevenue']} label="总收入">
                        <InputNumber {...money} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={['lastYear', 'highTechRevenue']} label="高新技术产品（服务）收入">
                        <InputNumber {...money} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ) : null}
              {has('conversions') ? (
                <Card size="small" title="科技成果转化数（近三年，从早到晚）">
                  <Row gutter={12}>
                    {[0, 1, 2].map((i) => (
                      <Col xs={8} key={i}>
                        <Form.Item name={['conversions', i]} label={`第${i + 1}年`}>
                          <InputNumber {...count} addonAfter="项" />
                        </Form.Item>
                      </Col>
                    ))}
                  </Row>
                </Card>
              ) : null}
            </Section>
          ),
        }
      : null,
    has('ipList')
      ? {
          key: 'ip',
          label: '知识产权',
          children: (
            <Section>
              <RowList name="ipList" disabled={disabled} addLabel="添加知识产权" removeLabel="删除该项知识产权" newRow={{}}>
                {(f) => (
                  <>
                    <Col xs={24} md={7}>
                      <Form.Item name={[f.name, 'title']} label="名称">
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item name={[f.name, 'kind']} label="类别">
                        <Select options={Object.entries(IP_KIND_NAMES).map(([value, label]) => ({ value, label }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[f.name, 'number']} label="授权号/登记号">
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={4}>
                      <Form.Item name={[f.name, 'grantedOn']} label="授权日期">
                        <Input placeholder="YYYY-MM-DD" maxLength={10} />
                      </Form.Item>
                    </Col>
                  </>
                )}
              </RowList>
            </Section>
          ),
        }
      : null,
    has('products')
      ? {
          key: 'products',
          label: '产品',
          children: (
            <Section>
              <RowList name="products" disabled={disabled} addLabel="添加产品（服务）" removeLabel="删除该产品" newRow={{ highTech: false }}>
                {(f) => (
                  <>
                    <Col xs={24} md={10}>
                      <Form.Item name={[f.name, 'name']} label="产品（服务）名称">
                        <Input maxLength={60} />
                      </Form.Item>
                    </Col>
                    <Col xs={14} md={8}>
                      <Form.Item name={[f.name, 'revenue']} label="上年度收入">
                        <InputNumber {...money} />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={4}>
                      <Form.Item name={[f.name, 'highTech']} label="高新技术产品" valuePropName="checked">
                        <Switch checkedChildren="是" unCheckedChildren="否" />
                      </Form.Item>
                    </Col>
                  </>
                )}
              </RowList>
            </Section>
          ),
        }
      : null,
    { key: 'attachments', label: '附件', children: <Section>{attachments}</Section> },
  ].filter((t): t is NonNullable<typeof t> => t !== null);

  return (
    <Form<ApplicationData> form={form} layout="vertical" initialValues={initial} disabled={disabled} onValuesChange={onChange} data-testid="application-form">
      <Tabs items={tabs} />
    </Form>
  );
}
