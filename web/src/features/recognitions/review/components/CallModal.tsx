import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { applyFieldErrors, errorMessage } from '../../../../lib/form-errors';
import { RECOGNITION_TYPE_NAMES } from '../../labels';
import { useCreateCall, type CreateCallInput } from '../api/create-call';
import { businessDayjs } from '../../../../lib/business-clock';

const FIELDS = ['type', 'year', 'batch', 'title', 'opensOn', 'closesOn', 'formVersion', 'description'];

/** 发布申报通知 (city officer): type, year, batch, dates and the form version applicants fill in. */
export function CallModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateCallInput>();
  const create = useCreateCall();
  return (
    <Modal
      open={open}
      title="发布申报通知"
      okText="发布"
      cancelText="取消"
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={() =>
        void form.validateFields().then((values) =>
          create.mutate(values, {
            onSuccess: (c) => {
              void message.success(`已发布：${c.title}`);
              onClose();
            },
            onError: (e) => {
              applyFieldErrors(form, e, FIELDS);
              void message.error(errorMessage(e));
            },
          }),
        )
      }
    >
      <Form<CreateCallInput> form={form} layout="vertical" initialValues={{ year: businessDayjs().year(), batch: 1, formVersion: 1 }} data-testid="call-form">
        <Form.Item name="type" label="认定类型" rules={[{ required: true, message: '请选择认定类型' }]}>
          <Select options={Object.entries(RECOGNITION_TYPE_NAMES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="batch" label="批次" rules={[{ required: true, message: '请填写批次' }]}>
              <InputNumber min={1} max={50} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="formVersion" label="申报表版本" rules={[{ required: true, message: '请填写申报表版本' }]}>
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="通知标题" rules={[{ required: true, min: 4, message: '通知标题至少4个字' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="opensOn" label="开始受理" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式 YYYY-MM-DD' }]}>
              <Input placeholder="YYYY-MM-DD" maxLength={10} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="closesOn" label="截止受理" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式 YYYY-MM-DD' }]}>
              <Input placeholder="YYYY-MM-DD" maxLength={10} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
