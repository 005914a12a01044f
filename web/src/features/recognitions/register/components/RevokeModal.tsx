import { Alert, App, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../../../components/FormModal';
import type { RecognitionDetail } from '../api/get-recognition';
import { useRevokeRecognition } from '../api/revoke-recognition';
import { useMessages } from '../../../../lib/i18n';
import { recognitionsMessages } from '../../messages';

interface Values {
  reason: string;
  effectiveOn: Dayjs | null;
}

/** 撤销认定: the reason (at least 4 characters) and the date it takes effect; the server checks both again. */
export function RevokeModal({ recognition, open, onClose }: { recognition: RecognitionDetail; open: boolean; onClose: () => void }) {
  const t = useMessages(recognitionsMessages);
  const { message } = App.useApp();
  const revoke = useRevokeRecognition();
  const submit = async (v: Values) => {
    await revoke.mutateAsync({ id: recognition.id, body: { reason: v.reason.trim(), effectiveOn: v.effectiveOn!.format('YYYY-MM-DD') } });
    void message.success(t('recognitions.revoke.done', { no: recognition.certificateNo }));
  };

  return (
    <FormModal<Values>
      title={t('recognitions.revoke.title', { name: recognition.enterpriseName })}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      okText={t('recognitions.revoke.ok')}
      okButtonProps={{ danger: true }}
      initialValues={{ reason: '', effectiveOn: null }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('recognitions.revoke.warning', { type: recognition.typeName, no: recognition.certificateNo })}
      />
      <Form.Item
        name="reason"
        label={t('recognitions.revoke.reason')}
        rules={[
          { required: true, message: t('recognitions.revoke.reasonRequired') },
          { validator: (_, v: string) => (v && v.trim().length >= 4 ? Promise.resolve() : Promise.reject(new Error(t('recognitions.revoke.reasonShort')))) },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('recognitions.revoke.reasonPlaceholder')} data-testid="revoke-reason" />
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('recognitions.revoke.effectiveOn')} extra={`${t('recognitions.revoke.notBefore', { date: recognition.issuedOn })}${recognition.validUntil ? t('recognitions.revoke.notAfter', { date: recognition.validUntil }) : ''}`} rules={[{ required: true, message: t('recognitions.revoke.effectiveOnRequired') }]}>
        <DatePicker
          style={{ width: '100%' }}
          data-testid="revoke-date"
          disabledDate={(d) => d.format('YYYY-MM-DD') < recognition.issuedOn || (recognition.validUntil !== null && d.format('YYYY-MM-DD') > recognition.validUntil)}
        />
      </Form.Item>
    </FormModal>
  );
}
