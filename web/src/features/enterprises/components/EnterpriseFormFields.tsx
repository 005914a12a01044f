import { Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { DistrictSelect } from '../../../components/DistrictSelect';
import { useMessages, useT } from '../../../lib/i18n';
import { industryMessages } from '../messages';
import { INDUSTRIES, SIZES, SIZE_LABELS } from '../constants';
import type { EnterpriseFormValues } from './enterprise-form-values';
import { MoneyInput } from '../../../components/MoneyInput';
import { businessDayjs } from '../../../lib/business-clock';

type FieldName = keyof EnterpriseFormValues;

interface Props {
  /** Fields this user may not change (identity fields for an enterprise user, district for a district officer). */
  locked?: ReadonlySet<string>;
  /** Masked stored values, shown as placeholders of the empty personal-data inputs when editing. */
  masked?: Partial<Record<'legalRepPhone' | 'legalRepIdNumber' | 'contactPhone', string | null>>;
}

const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/i;

/** The enterprise form items, shared by the create and edit dialogs. */
export function EnterpriseFormFields({ locked, masked }: Props) {
  const t = useT();
  const industry = useMessages(industryMessages);
  const isLocked = (f: FieldName) => locked?.has(f) ?? false;
  const keepHint = (v: string | null | undefined) => (v ? t('ent.keepMasked', { value: v }) : undefined);

  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="uscc"
            label={t('ent.uscc')}
            data-testid="enterprise-form-uscc"
            normalize={(v: string) => v.toUpperCase()}
            rules={[
              { required: true, message: t('ent.usccRequired') },
              { pattern: USCC_PATTERN, message: t('ent.usccFormat') },
            ]}
          >
            <Input maxLength={18} disabled={isLocked('uscc')} autoComplete="off" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="name" label={t('ent.name')} rules={[{ required: true, min: 2, max: 100, message: t('ent.nameRule') }]}>
            <Input maxLength={100} disabled={isLocked('name')} data-testid="enterprise-form-name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="district" label={t('ent.district')} rules={[{ required: true, message: t('ent.districtRequired') }]}>
            <DistrictSelect disabled={isLocked('district')} allowClear={false} data-testid="enterprise-form-district" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="registeredOn" label={t('ent.registeredOn')} rules={[{ required: true, message: t('ent.registeredOnRequired') }]}>
            <DatePicker
              style={{ width: '100%' }}
              disabled={isLocked('registeredOn')}
              disabledDate={(d) => d.isAfter(businessDayjs(), 'day') || d.isBefore(dayjs('1949-10-01'))}
              data-testid="enterprise-form-registered-on"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="industry" label={t('ent.industry')} rules={[{ required: true, message: t('ent.industryRequired') }]}>
            <Select
              disabled={isLocked('industry')}
              options={INDUSTRIES.map((i) => ({ value: i, label: industry(i) }))}
              data-testid="enterprise-form-industry"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="size" label={t('ent.size')}>
            <Select allowClear disabled={isLocked('size')} options={SIZES.map((s) => ({ value: s, label: t(SIZE_LABELS[s]) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="registeredCapital" label={t('ent.registeredCapitalYuan')}>
            <MoneyInput style={{ width: '100%' }} disabled={isLocked('registeredCapital')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="employees" label={t('ent.employees')}>
            <InputNumber<number> min={0} precision={0} style={{ width: '100%' }} disabled={isLocked('employees')} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('ent.contactSection')}
      </Divider>
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="address" label={t('ent.address')}>
            <Input maxLength={200} disabled={isLocked('address')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="website" label={t('ent.website')}>
            <Input maxLength={200} disabled={isLocked('website')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="legalRepName" label={t('ent.legalRepName')}>
            <Input maxLength={32} disabled={isLocked('legalRepName')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="legalRepPhone" label={t('ent.legalRepPhone')} extra={keepHint(masked?.legalRepPhone)}>
            <Input maxLength={20} placeholder={masked?.legalRepPhone ?? undefined} disabled={isLocked('legalRepPhone')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="legalRepIdNumber" label={t('ent.legalRepIdNumber')} extra={keepHint(masked?.legalRepIdNumber)}>
            <Input maxLength={18} placeholder={masked?.legalRepIdNumber ?? undefined} disabled={isLocked('legalRepIdNumber')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contactName" label={t('ent.contactName')}>
            <Input maxLength={32} disabled={isLocked('contactName')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contactPhone" label={t('ent.contactPhone')} extra={keepHint(masked?.contactPhone)}>
            <Input maxLength={20} placeholder={masked?.contactPhone ?? undefined} disabled={isLocked('contactPhone')} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
