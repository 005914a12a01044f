import { App, Button, Card, Form, Input, Select } from 'antd';
import { useDistricts } from '../../../lib/reference/get-districts';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useRegisterProvider, type RegisterProviderInput } from '../api/register-provider';
import { useVoucherLabels } from '../constants';

/** A provider organisation registers itself; it serves vouchers once the bureau approves it. */
export function RegisterProviderCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterProviderInput>();
  const { categoryOptions } = useVoucherLabels();
  const register = useRegisterProvider();
  const districts = useDistricts();
  const submit = async (v: RegisterProviderInput) => {
    try {
      await register.mutateAsync(v);
      void message.success('已提交登记，等待市科委审核');
    } catch (err) {
      if (!applyFieldErrors(form, err, ['name', 'districtId', 'categories', 'contactName', 'contactPhone', 'description']).length) {
        void message.error(errorMessage(err));
      }
    }
  };
  return (
    <Card title="登记为创新券服务机构" style={{ maxWidth: 640 }}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label="机构名称" rules={[{ required: true, message: '请填写机构名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="districtId" label="所在区县" rules={[{ required: true, message: '请选择区县' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={districts.isLoading} options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="categories" label="服务类别" rules={[{ required: true, message: '请选择服务类别' }]}>
          <Select mode="multiple" options={[...categoryOptions]} />
        </Form.Item>
        <Form.Item name="contactName" label="联系人">
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="contactPhone" label="联系电话">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="description" label="机构简介">
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={register.isPending}>
          提交登记
        </Button>
      </Form>
    </Card>
  );
}
