import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../../lib/api';
import { applyFieldErrors, errorMessage } from '../../../../lib/form-errors';
import type { RecognitionDetail } from '../api/get-recognition';
import { useRevokeRecognition } from '../api/revoke-recognition';

interface Values {
  reason: string;
  effectiveOn: Dayjs | null;
}

/** 撤销认定: the reason (at least 4 characters) and the date it takes effect; the server checks both again. */
export function RevokeModal({ recognition, open, onClose }: { recognition: RecognitionDetail; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const revoke = useRevokeRecognition();
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setProblem(null);
    try {
      await revoke.mutateAsync({ id: recognition.id, body: { reason: v.reason.trim(), effectiveOn: v.effectiveOn!.format('YYYY-MM-DD') } });
      void message.success(`已撤销证书 ${recognition.certificateNo}`);
      form.resetFields();
      onClose();
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['reason', 'effectiveOn']);
      if (rest.length || !(e instanceof ApiError) || e.fields.length === 0) {
        setProblem(errorMessage(e));
      }
    }
  };

  return (
    <Modal
      title={`撤销认定：${recognition.enterpriseName}`}
      open={open}
      onCancel={onClose}
      okText="确认撤销"
      okButtonProps={{ danger: true, loading: revoke.isPending }}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${recognition.typeName}，证书编号 ${recognition.certificateNo}。撤销后自生效日起不再计入有效数，已生成的统计随即更新；此操作记入审计日志和企业档案，不能撤回。`}
      />
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ reason: '', effectiveOn: null }}>
        <Form.Item
          name="reason"
          label="撤销原因"
          rules={[
            { required: true, message: '请填写撤销原因' },
            { validator: (_, v: string) => (v && v.trim().length >= 4 ? Promise.resolve() : Promise.reject(new Error('撤销原因至少4个字'))) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：经核查，企业申报材料存在弄虚作假" data-testid="revoke-reason" />
        </Form.Item>
        <Form.Item name="effectiveOn" label="撤销生效日期" extra={`不早于发证日期 ${recognition.issuedOn}${recognition.validUntil ? `，不晚于有效期截止日 ${recognition.validUntil}` : ''}`} rules={[{ required: true, message: '请选择撤销生效日期' }]}>
          <DatePicker
            style={{ width: '100%' }}
            data-testid="revoke-date"
            disabledDate={(d) => d.format('YYYY-MM-DD') < recognition.issuedOn || (recognition.validUntil !== null && d.format('YYYY-MM-DD') > recognition.validUntil)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
