import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch, Tabs, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { MoneyInput } from '../../../../components/MoneyInput';
import { HNTE_DOMAINS } from '../../labels';
import { useMessages } from '../../../../lib/i18n';
import { hnteDomainMessages } from '../../../enterprises/messages';
import { ipKindMessages, recognitionsMessages } from '../../messages';
import type { FormSpecView } from '../api/get-form';
import type { ApplicationData } from '../api/save-application';

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
  const t = useMessages(recognitionsMessages);
  const domainName = useMessages(hnteDomainMessages);
  const ipKind = useMessages(ipKindMessages);
  const has = (s: string) => spec.sections.includes(s as never);
  const tabs = [
    {
      key: 'profile',
      label: t('recognitions.form.tab.profile'),
      children: (
        <Section>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name={['profile', 'contactName']} label={t('recognitions.form.contactName')}>
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['profile', 'contactPhone']} label={t('recognitions.form.contactPhone')}>
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['profile', 'registeredOn']} label={t('recognitions.form.registeredOn')} tooltip={t('recognitions.form.registeredOnHint')}>
                <Input disabled />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['profile', 'employees']} label={t('recognitions.form.employees')}>
                <InputNumber {...count} addonAfter={t('recognitions.form.persons')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['profile', 'stEmployees']} label={t('recognitions.form.stEmployees')}>
                <InputNumber {...count} addonAfter={t('recognitions.form.persons')} />
              </Form.Item>
            </Col>
            {spec.requireDomain ? (
              <Col xs={24} md={8}>
                <Form.Item name={['profile', 'domain']} label={t('recognitions.form.domain')}>
                  <Select allowClear options={HNTE_DOMAINS.map((d) => ({ value: d, label: domainName(d) }))} />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
          <Row gutter={16}>
            {(
              [
                ['registeredInChina', 'recognitions.form.registeredInChina'],
                ['majorIncident', 'recognitions.form.majorIncident'],
                ['restrictedIndustry', 'recognitions.form.restrictedIndustry'],
                ['seriousDishonesty', 'recognitions.form.seriousDishonesty'],
              ] as const
            ).map(([key, label]) => (
              <Col xs={24} md={12} key={key}>
                <Form.Item name={['profile', key]} label={t(label)} valuePropName="checked">
                  <Switch checkedChildren={t('recognitions.form.yes')} unCheckedChildren={t('recognitions.form.no')} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          {has('direct') ? (
            <Card size="small" title={t('recognitions.form.direct')} style={{ marginBottom: 16 }}>
              {(
                [
                  ['validHnte', 'recognitions.form.validHnte'],
                  ['nationalAwardTop3', 'recognitions.form.nationalAwardTop3'],
                  ['provincialRdInstitution', 'recognitions.form.provincialRdInstitution'],
                  ['ledStandard', 'recognitions.form.ledStandard'],
                ] as const
              ).map(([key, label]) => (
                <Form.Item key={key} name={['direct', key]} valuePropName="checked" style={{ marginBottom: 4 }}>
                  <Checkbox>{t(label)}</Checkbox>
                </Form.Item>
              ))}
            </Card>
          ) : null}
          {has('fields') && spec.fields.length ? (
            <Card size="small" title={t('recognitions.form.fields')}>
              <Row gutter={16}>
                {spec.fields.map((f) => (
                  <Col xs={24} md={8} key={f.field}>
                    <Form.Item name={['fields', f.field]} label={f.label} tooltip={/占比|比例/.test(f.label) ? t('recognitions.form.ratioHint') : undefined}>
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
          label: t('recognitions.form.tab.financials'),
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
                          title={t('recognitions.form.fiscalYear', { n: i + 1 })}
                          style={{ marginBottom: 12 }}
                          extra={disabled ? null : <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('recognitions.form.removeYear')} />}
                        >
                          <Row gutter={12}>
                            <Col xs={12} md={6}>
                              <Form.Item name={[f.name, 'year']} label={t('recognitions.form.year')}>
                                <InputNumber {...count} min={1990} max={2100} />
                              </Form.Item>
                            </Col>
                            {(
                              [
                                ['salesRevenue', 'recognitions.form.salesRevenue'],
                                ['totalAssets', 'recognitions.form.totalAssets'],
                                ['totalLiabilities', 'recognitions.form.totalLiabilities'],
                                ['rdExpenses', 'recognitions.form.rdExpenses'],
                                ['rdDomestic', 'recognitions.form.rdDomestic'],
                                ['totalCostExpenses', 'recognitions.form.totalCostExpenses'],
                              ] as const
                            ).map(([key, label]) => (
                              <Col xs={12} md={6} key={key}>
                                <Form.Item name={[f.name, key]} label={t(label)}>
                                  <MoneyInput style={{ width: '100%' }} />
                                </Form.Item>
                              </Col>
                            ))}
                          </Row>
                        </Card>
                      ))}
                      {!disabled && fields.length < 3 ? (
                        <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                          {t('recognitions.form.addYear')}
                        </Button>
                      ) : null}
                    </>
                  )}
                </Form.List>
              ) : null}
              {has('lastYear') ? (
                <Card size="small" title={t('recognitions.form.lastYear')} style={{ marginBottom: 12 }}>
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item name={['lastYear', 'totalRevenue']} label={t('recognitions.form.totalRevenue')}>
                        <MoneyInput style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={['lastYear', 'highTechRevenue']} label={t('recognitions.form.highTechRevenue')}>
                        <MoneyInput style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ) : null}
              {has('conversions') ? (
                <Card size="small" title={t('recognitions.form.conversions')}>
                  <Row gutter={12}>
                    {[0, 1, 2].map((i) => (
                      <Col xs={8} key={i}>
                        <Form.Item name={['conversions', i]} label={t('recognitions.form.yearN', { n: i + 1 })}>
                          <InputNumber {...count} addonAfter={t('recognitions.form.items')} />
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
          label: t('recognitions.form.tab.ip'),
          children: (
            <Section>
              <RowList name="ipList" disabled={disabled} addLabel={t('recognitions.form.addIp')} removeLabel={t('recognitions.form.removeIp')} newRow={{}}>
                {(f) => (
                  <>
                    <Col xs={24} md={7}>
                      <Form.Item name={[f.name, 'title']} label={t('recognitions.form.ipTitle')}>
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item name={[f.name, 'kind']} label={t('recognitions.form.ipKind')}>
                        <Select options={(Object.keys(ipKindMessages) as (keyof typeof ipKindMessages)[]).map((value) => ({ value, label: ipKind(value) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[f.name, 'number']} label={t('recognitions.form.ipNumber')}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={4}>
                      <Form.Item name={[f.name, 'grantedOn']} label={t('recognitions.form.grantedOn')}>
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
          label: t('recognitions.form.tab.products'),
          children: (
            <Section>
              <RowList name="products" disabled={disabled} addLabel={t('recognitions.form.addProduct')} removeLabel={t('recognitions.form.removeProduct')} newRow={{ highTech: false }}>
                {(f) => (
                  <>
                    <Col xs={24} md={10}>
                      <Form.Item name={[f.name, 'name']} label={t('recognitions.form.productName')}>
                        <Input maxLength={60} />
                      </Form.Item>
                    </Col>
                    <Col xs={14} md={8}>
                      <Form.Item name={[f.name, 'revenue']} label={t('recognitions.form.productRevenue')}>
                        <MoneyInput style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={4}>
                      <Form.Item name={[f.name, 'highTech']} label={t('recognitions.form.highTech')} valuePropName="checked">
                        <Switch checkedChildren={t('recognitions.form.yes')} unCheckedChildren={t('recognitions.form.no')} />
                      </Form.Item>
                    </Col>
                  </>
                )}
              </RowList>
            </Section>
          ),
        }
      : null,
    { key: 'attachments', label: t('recognitions.form.tab.attachments'), children: <Section>{attachments}</Section> },
  ].filter((t): t is NonNullable<typeof t> => t !== null);

  return (
    <Form<ApplicationData> form={form} layout="vertical" initialValues={initial} disabled={disabled} onValuesChange={onChange} data-testid="application-form">
      <Tabs items={tabs} />
    </Form>
  );
}
