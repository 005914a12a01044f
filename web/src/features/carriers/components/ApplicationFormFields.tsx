import { Form, Input, InputNumber, Select } from 'antd';
import { SERVICE_OPTIONS } from '../constants';

export const APPLICATION_FIELDS = ['areaM2', 'publicAreaM2', 'firms', 'mentors', 'services', 'operatingSince', 'plan'];

/** The recognition form's items (criteria of 《关于发展众创空间推进大众创业万众创新的若干意见》 checked on submit). */
export function ApplicationFormFields() {
  return (
    <>
      <Form.Item name="areaM2" label="场地面积（平方米）" rules={[{ required: true, message: '请填写场地面积' }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="publicAreaM2" label="公共服务面积（平方米）" rules={[{ required: true, message: '请填写公共服务面积' }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="firms" label="在孵企业（团队）数" rules={[{ required: true, message: '请填写在孵企业（团队）数' }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="mentors" label="创业导师人数" rules={[{ required: true, message: '请填写创业导师人数' }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="services" label="服务内容" rules={[{ required: true, message: '请选择服务内容' }]}>
        <Select mode="multiple" options={SERVICE_OPTIONS.map((s) => ({ value: s, label: s }))} />
      </Form.Item>
      <Form.Item name="operatingSince" label="开始运营日期" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' }]}>
        <Input placeholder="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="plan" label="运营方案" rules={[{ required: true, message: '请填写运营方案' }]}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </>
  );
}
