import { Form, Input, InputNumber, Select } from 'antd';
import { serviceOptions } from '../constants';
import { carriersMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

export const APPLICATION_FIELDS = ['areaM2', 'publicAreaM2', 'firms', 'mentors', 'services', 'operatingSince', 'plan'];

/** The recognition form's items (criteria of 《关于发展众创空间推进大众创业万众创新的若干意见》 checked on submit). */
export function ApplicationFormFields() {
  const t = useMessages(carriersMessages);
  return (
    <>
      <Form.Item name="areaM2" label={t('carriers.area')} rules={[{ required: true, message: t('carriers.areaRequired') }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="publicAreaM2" label={t('carriers.form.publicArea')} rules={[{ required: true, message: t('carriers.form.publicAreaRequired') }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="firms" label={t('carriers.form.firms')} rules={[{ required: true, message: t('carriers.form.firmsRequired') }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="mentors" label={t('carriers.form.mentors')} rules={[{ required: true, message: t('carriers.form.mentorsRequired') }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="services" label={t('carriers.services')} rules={[{ required: true, message: t('carriers.form.servicesRequired') }]}>
        <Select mode="multiple" options={serviceOptions(t)} />
      </Form.Item>
      <Form.Item name="operatingSince" label={t('carriers.form.operatingSince')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('carriers.dateFormat') }]}>
        <Input placeholder="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="plan" label={t('carriers.form.plan')} rules={[{ required: true, message: t('carriers.form.planRequired') }]}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </>
  );
}
