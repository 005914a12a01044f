import { Form, Input, Modal } from 'antd';
import { projectsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** Asks for a comment (a reason is required for returns, failures and refusals) and hands it back. */
export function CommentModal({ open, title, required, okText, onOk, onCancel, loading }: { open: boolean; title: string; required: boolean; okText: string; onOk: (comment: string | undefined) => void; onCancel: () => void; loading?: boolean }) {
  const t = useMessages(projectsMessages);
  const [form] = Form.useForm<{ comment?: string }>();
  return (
    <Modal open={open} title={title} okText={okText} onCancel={onCancel} confirmLoading={loading} destroyOnHidden onOk={() => void form.validateFields().then((v) => onOk(v.comment?.trim() || undefined))}>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="comment" label={required ? t('projects.comment.reasonRequired') : t('projects.comment.opinionOptional')} rules={required ? [{ required: true, whitespace: true, message: t('projects.comment.enterReason') }] : []}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
