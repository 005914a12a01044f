import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Result, Select, Upload, Typography } from 'antd';
import { useState } from 'react';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import type { PublicNoticeDetail } from '../api/get-notice';
import { useFileObjection, type ObjectionReceipt } from '../api/file-objection';
import { useMessages } from '../../../lib/i18n';
import { publicNoticesMessages } from '../messages';

interface Values {
  itemId: number;
  name: string;
  phone: string;
  idNumber?: string;
  reason: string;
  evidence?: string;
}
const FIELDS = ['itemId', 'name', 'phone', 'idNumber', 'reason', 'evidence', 'file'] as const;
const MAX_BYTES = 10 * 1024 * 1024;

/** The real-name objection form: who objects, to which item, why, with optional evidence. */
export function ObjectionForm({ notice }: { notice: PublicNoticeDetail }) {
  const t = useMessages(publicNoticesMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [receipt, setReceipt] = useState<ObjectionReceipt | null>(null);
  const submit = useFileObjection();

  if (receipt) {
    return (
      <Result
        status="success"
        title={t('public-notices.objection.accepted')}
        subTitle={
          <>
            {t('public-notices.objection.receiptBefore')}
            <Typography.Text strong copyable>
              {receipt.receiptNo}
            </Typography.Text>
            {t('public-notices.objection.receiptAfter')}
          </>
        }
        extra={<Button onClick={() => setReceipt(null)}>{t('public-notices.objection.another')}</Button>}
      />
    );
  }
  const onFinish = async (v: Values) => {
    try {
      setReceipt(await submit.mutateAsync({ noticeId: notice.id, input: { ...v, idNumber: v.idNumber || null, evidence: v.evidence || null }, file }));
      form.resetFields();
      setFile(null);
    } catch (e) {
      const rest = applyFieldErrors(form, e, FIELDS);
      if (rest.length || !form.getFieldsError().some((f) => f.errors.length)) {
        void message.error(errorMessage(e));
      }
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} style={{ maxWidth: 720 }}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('public-notices.objection.rules', { deadline: notice.objectionDeadline })}
        description={t('public-notices.objection.privacy')}
      />
      <Form.Item name="itemId" label={t('public-notices.objection.item')} rules={[{ required: true, message: t('public-notices.objection.itemRequired') }]}>
        <Select showSearch optionFilterProp="label" placeholder={t('public-notices.objection.itemPlaceholder')} options={notice.items.map((i) => ({ value: i.id, label: t('public-notices.objection.itemLabel', { name: i.name, district: i.districtName }) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('public-notices.objection.name')} rules={[{ required: true, min: 2, message: t('public-notices.objection.nameRequired') }]}>
        <Input maxLength={30} autoComplete="name" />
      </Form.Item>
      <Form.Item name="phone" label={t('public-notices.objection.phone')} rules={[{ required: true, message: t('public-notices.objection.phoneRequired') }]} extra={t('public-notices.objection.phoneHint')}>
        <Input maxLength={20} autoComplete="tel" />
      </Form.Item>
      <Form.Item name="idNumber" label={t('public-notices.objection.idNumber')}>
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="reason" label={t('public-notices.objection.reason')} rules={[{ required: true, min: 10, message: t('public-notices.objection.reasonRequired') }]}>
        <Input.TextArea rows={5} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="evidence" label={t('public-notices.objection.evidence')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="file" label={t('public-notices.objection.file')}>
        <Upload.Dragger
          accept=".pdf,.jpg,.jpeg,.png"
          maxCount={1}
          beforeUpload={(f) => {
            if (f.size > MAX_BYTES) {
              void message.error(t('public-notices.objection.fileTooBig'));
              return Upload.LIST_IGNORE;
            }
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('public-notices.objection.drop')}</p>
        </Upload.Dragger>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t('public-notices.objection.submit')}
      </Button>
    </Form>
  );
}
