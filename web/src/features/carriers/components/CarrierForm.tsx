import { Form, Input, InputNumber, Modal, Select, message } from 'antd';
import { useEffect } from 'react';
import { useDistricts } from '../../../lib/reference/get-districts';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import type { CarrierDetail, CarrierInput } from '../api/carriers';
import { useParks } from '../api/carriers';
import { KIND_OPTIONS, SERVICE_OPTIONS } from '../constants';

type Values = Omit<CarrierInput, 'managers'> & { managerName?: string; managerTitle?: string };
const FIELDS = ['kind', 'name', 'address', 'districtId', 'parkId', 'areaM2', 'services', 'foundedOn', 'description'];

/** The carrier's profile, for registering one (operator) or editing it. */
export function CarrierForm({ open, initial, onClose, onSubmit, pending }: { open: boolean; initial?: CarrierDetail; onClose: () => void; onSubmit: (v: CarrierInput) => Promise<unknown>; pending: boolean }) {
  const [form] = Form.useForm<Values>();
  const districts = useDistricts();
  const parks = useParks();
  useEffect(() => {
    if (open) {
      form.resetFields();
      if (initial) {
        form.setFieldsValue({ ...initial, parkId: initial.parkId ?? undefined, managerName: initial.managers[0]?.name, managerTitle: initial.managers[0]?.title, services: initial.services as CarrierInput['services'] });
      }
    }
  }, [open, initial, form]);
  const submit = async () => {
    const v = await form.validateFields();
    const { managerName, managerTitle, ...rest } = v;
    try {
      await onSubmit({ ...rest, parkId: rest.parkId ?? null, foundedOn: rest.foundedOn || null, description: rest.description || null, managers: managerName ? [{ name: managerName, title: managerTitle || '负责人' }] : [] });
      message.success('已保存');
      onClose();
    } catch (err) {
      const rest2 = applyFieldErrors(form, err, FIELDS);
      if (rest2.length || !(err instanceof Error && 'fields' in err)) {
        message.error(errorMessage(err));
      }
    }
  };
  return (
    <Modal open={open} title={initial ? '修改载体档案' : '登记载体'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => void submit()} confirmLoading={pending} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'makerspace', services: [] }}>
        <Form.Item name="kind" label="载体类别" rules={[{ required: true }]} hidden={!!initial}>
          <Select options={KIND_OPTIONS.map((o) => ({ ...o }))} />
        </Form.Item>
        <Form.Item name="name" label="载体名称" rules={[{ required: true, message: '请填写载体名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label="地址" rules={[{ required: true, message: '请填写地址' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="districtId" label="所在区县" rules={[{ required: true, message: '请选择区县' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="parkId" label="所在园区/小镇">
          <Select allowClear options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.kindName}）` }))} />
        </Form.Item>
        <Form.Item name="areaM2" label="场地面积（平方米）" rules={[{ required: true, message: '请填写场地面积' }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="services" label="服务内容">
          <Select mode="multiple" options={SERVICE_OPTIONS.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="managerName" label="负责人">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="managerTitle" label="职务">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="foundedOn" label="成立日期" rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' }]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="description" label="简介">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
