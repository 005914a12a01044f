import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { FormModal } from '../../../../components/FormModal';
import { useCreateCall, type CreateCallInput } from '../api/create-call';
import { businessDayjs } from '../../../../lib/business-clock';
import { useMessages } from '../../../../lib/i18n';
import { recognitionsMessages, recognitionTypeMessages } from '../../messages';

/** 发布申报通知 (city officer): type, year, batch, dates and the form version applicants fill in. */
export function CallModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages(recognitionsMessages);
  const typeName = useMessages(recognitionTypeMessages);
  const { message } = App.useApp();
  const create = useCreateCall();
  const submit = async (values: CreateCallInput) => {
    const c = await create.mutateAsync(values);
    void message.success(t('recognitions.call.published', { title: c.title }));
  };
  return (
    <FormModal<CreateCallInput>
      open={open}
      title={t('recognitions.call.title')}
      okText={t('recognitions.call.ok')}
      cancelText={t('recognitions.cancel')}
      onClose={onClose}
      onSubmit={submit}
      initialValues={{ year: businessDayjs().year(), batch: 1, formVersion: 1 }}
    >
      <Form.Item name="type" label={t('recognitions.col.type')} rules={[{ required: true, message: t('recognitions.call.typeRequired') }]}>
        <Select options={Object.keys(recognitionTypeMessages).map((value) => ({ value, label: typeName(value as keyof typeof recognitionTypeMessages) }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="year" label={t('recognitions.col.year')} rules={[{ required: true, message: t('recognitions.call.yearRequired') }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="batch" label={t('recognitions.call.batch')} rules={[{ required: true, message: t('recognitions.call.batchRequired') }]}>
            <InputNumber min={1} max={50} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="formVersion" label={t('recognitions.call.formVersion')} rules={[{ required: true, message: t('recognitions.call.formVersionRequired') }]}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('recognitions.call.callTitle')} rules={[{ required: true, min: 4, message: t('recognitions.call.callTitleRule') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="opensOn" label={t('recognitions.call.opensOn')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('recognitions.call.dateFormat') }]}>
            <Input placeholder="YYYY-MM-DD" maxLength={10} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="closesOn" label={t('recognitions.call.closesOn')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('recognitions.call.dateFormat') }]}>
            <Input placeholder="YYYY-MM-DD" maxLength={10} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('recognitions.call.description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
