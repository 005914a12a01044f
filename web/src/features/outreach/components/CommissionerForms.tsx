import { App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { DistrictSelect } from '../../../components/DistrictSelect';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useAddAssignment, useAddServiceRecord, type AssignmentInput, type Commissioner, type ServiceRecordInput } from '../api/outreach';

type AssignmentForm = Omit<AssignmentInput, 'startOn' | 'endOn'> & { startOn?: Dayjs; endOn?: Dayjs };

/** 派驻乡镇 (city or district officer): district, township, optionally an enterprise of the registry there, period, task. */
export function AssignmentModal({ c, onClose }: { c: Commissioner; onClose: () => void }) {
  const { message } = App.useApp();
  const add = useAddAssignment();
  const [form] = Form.useForm<AssignmentForm>();
  const submit = async (v: AssignmentForm) => {
    try {
      await add.mutateAsync({ id: c.id, district: v.district, township: v.township, enterpriseId: v.enterpriseId || undefined, task: v.task, startOn: v.startOn?.format('YYYY-MM-DD') ?? '', endOn: v.endOn?.format('YYYY-MM-DD') });
      message.success(`已登记${c.name}的派驻`);
      onClose();
    } catch (err) {
      applyFieldErrors(form, err, ['district', 'township', 'enterpriseId', 'startOn', 'endOn', 'task']);
    }
  };
  return (
    <Modal title={`派驻乡镇：${c.name}`} open onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending} okText="登记派驻" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="district" label="区县" rules={[{ required: true, message: '请选择区县' }]}>
          <DistrictSelect />
        </Form.Item>
        <Form.Item name="township" label="乡镇（街道）" rules={[{ required: true, message: '请填写乡镇（街道）' }]}>
          <Input maxLength={40} placeholder="如 千岛湖镇" />
        </Form.Item>
        <Form.Item name="enterpriseId" label="服务企业编号（企业库，可不填）">
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="startOn" label="派驻开始" rules={[{ required: true, message: '请选择开始日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endOn" label="派驻结束（可不填）">
          <DatePicker />
        </Form.Item>
        <Form.Item name="task" label="服务任务" rules={[{ required: true, min: 4, message: '服务任务至少4个字' }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const COUNTS: { name: keyof ServiceRecordInput; label: string; max: number }[] = [
  { name: 'serviceDays', label: '服务天数', max: 366 },
  { name: 'enterprisesServed', label: '服务企业（农户）数', max: 10000 },
  { name: 'trainings', label: '培训场次', max: 1000 },
  { name: 'technologiesIntroduced', label: '引进推广技术数', max: 1000 },
];

/** 年度服务记录: one per commissioner and year. */
export function ServiceRecordModal({ c, year, onClose }: { c: Commissioner; year: number; onClose: () => void }) {
  const { message } = App.useApp();
  const add = useAddServiceRecord();
  const [form] = Form.useForm<ServiceRecordInput>();
  const submit = async (v: ServiceRecordInput) => {
    try {
      await add.mutateAsync({ id: c.id, ...v });
      message.success(`已登记${c.name}${v.year}年度服务记录`);
      onClose();
    } catch (err) {
      applyFieldErrors(form, err, ['year', 'summary', ...COUNTS.map((x) => x.name)]);
    }
  };
  return (
    <Modal title={`年度服务记录：${c.name}`} open onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending} okText="登记" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year }} onFinish={(v) => void submit(v)}>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        {COUNTS.map((x) => (
          <Form.Item key={x.name} name={x.name} label={x.label} rules={[{ required: true, message: `请填写${x.label}` }]}>
            <InputNumber min={0} max={x.max} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Form.Item name="summary" label="服务情况" rules={[{ required: true, min: 10, message: '服务情况至少10个字' }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
