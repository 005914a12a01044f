import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Result, Select, Upload, Typography } from 'antd';
import { useState } from 'react';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import type { PublicNoticeDetail } from '../api/get-notice';
import { useFileObjection, type ObjectionReceipt } from '../api/file-objection';

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
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [receipt, setReceipt] = useState<ObjectionReceipt | null>(null);
  const submit = useFileObjection();

  if (receipt) {
    return (
      <Result
        status="success"
        title="异议已受理"
        subTitle={
          <>
            回执编号 <Typography.Text strong copyable>{receipt.receiptNo}</Typography.Text>，请妥善保存。市科委将核查处理并与您联系。
          </>
        }
        extra={<Button onClick={() => setReceipt(null)}>继续提出异议</Button>}
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
        message={`异议须在公示期截止（${notice.objectionDeadline}）前以真实姓名提出，逾期不予受理；匿名或无具体理由的异议不予受理。`}
        description="您的联系电话和身份证号码加密保存，仅用于核查联系，不会公开。"
      />
      <Form.Item name="itemId" label="异议对象" rules={[{ required: true, message: '请选择异议对象' }]}>
        <Select showSearch optionFilterProp="label" placeholder="请选择公示名单中的单位" options={notice.items.map((i) => ({ value: i.id, label: `${i.name}（${i.districtName}）` }))} />
      </Form.Item>
      <Form.Item name="name" label="真实姓名" rules={[{ required: true, min: 2, message: '请填写真实姓名' }]}>
        <Input maxLength={30} autoComplete="name" />
      </Form.Item>
      <Form.Item name="phone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]} extra="手机号码，或区号加固定电话号码">
        <Input maxLength={20} autoComplete="tel" />
      </Form.Item>
      <Form.Item name="idNumber" label="身份证号码（选填）">
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="reason" label="异议理由" rules={[{ required: true, min: 10, message: '请具体说明异议理由（至少10个字）' }]}>
        <Input.TextArea rows={5} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="evidence" label="证据说明（选填）">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="file" label="证据文件（选填，PDF/JPG/PNG，不超过10MB）">
        <Upload.Dragger
          accept=".pdf,.jpg,.jpeg,.png"
          maxCount={1}
          beforeUpload={(f) => {
            if (f.size > MAX_BYTES) {
              void message.error('证据文件不能超过10MB');
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
          <p>点击或拖入文件</p>
        </Upload.Dragger>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        提交异议
      </Button>
    </Form>
  );
}
