import { Form, Input, Modal } from 'antd';

/** Asks for a comment (a reason is required for returns, failures and refusals) and hands it back. */
export function CommentModal({ open, title, required, okText, onOk, onCancel, loading }: { open: boolean; title: string; required: boolean; okText: string; onOk: (comment: string | undefined) => void; onCancel: () => void; loading?: boolean }) {
  const [form] = Form.useForm<{ comment?: string }>();
  return (
    <Modal open={open} title={title} okText={okText} onCancel={onCancel} confirmLoading={loading} destroyOnHidden onOk={() => void form.validateFields().then((v) => onOk(v.comment?.trim() || undefined))}>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="comment" label={required ? '理由（必填）' : '意见（选填）'} rules={required ? [{ required: true, whitespace: true, message: '请填写理由' }] : []}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
