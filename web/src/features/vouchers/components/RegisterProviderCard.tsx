import { App, Button, Card, Form, Input, Select } from 'antd';
import { useDistricts } from '../../../lib/reference/get-districts';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useRegisterProvider, type RegisterProviderInput } from '../api/register-provider';
import { useMessages } from '../../../lib/i18n';
import { useCategoryOptions } from '../constants';
import { vouchersMessages } from '../messages';

/** A provider organisation registers itself; it serves vouchers once the bureau approves it. */
export function RegisterProviderCard() {
  const { message } = App.useApp();
  const t = useMessages(vouchersMessages);
  const [form] = Form.useForm<RegisterProviderInput>();
  const categoryOptions = useCategoryOptions();
  const register = useRegisterProvider();
  const districts = useDistricts();
  const submit = async (v: RegisterProviderInput) => {
    try {
      await register.mutateAsync(v);
      void message.success(t('vouchers.register.submitted'));
    } catch (err) {
      if (!applyFieldErrors(form, err, ['name', 'districtId', 'categories', 'contactName', 'contactPhone', 'description']).length) {
        void message.error(errorMessage(err));
      }
    }
  };
  return (
    <Card title={t('vouchers.register.title')} style={{ maxWidth: 640 }}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('vouchers.register.name')} rules={[{ required: true, message: t('vouchers.register.nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="districtId" label={t('vouchers.providerDistrict')} rules={[{ required: true, message: t('vouchers.register.districtRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={districts.isLoading} options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="categories" label={t('vouchers.category')} rules={[{ required: true, message: t('vouchers.register.categoriesRequired') }]}>
          <Select mode="multiple" options={[...categoryOptions]} />
        </Form.Item>
        <Form.Item name="contactName" label={t('vouchers.register.contactName')}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('vouchers.register.contactPhone')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="description" label={t('vouchers.register.description')}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={register.isPending}>
          {t('vouchers.register.submit')}
        </Button>
      </Form>
    </Card>
  );
}
