import { Form, Input } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { projectsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** Asks for a comment (a reason is required for returns, failures and refusals) and saves the step with it; a refusal keeps the modal open. */
export function CommentModal({ open, title, required, okText, onSubmit, onClose }: { open: boolean; title: string; required: boolean; okText: string; onSubmit: (comment: string | undefined) => Promise<unknown>; onClose: () => void }) {
  const t = useMessages(projectsMessages);
  return (
    <FormModal<{ comment?: string }> open={open} title={title} okText={okText} onClose={onClose} onSubmit={(v) => onSubmit(v.comment?.trim() || undefined)}>
      <Form.Item name="comment" label={required ? t('projects.comment.reasonRequired') : t('projects.comment.opinionOptional')} rules={required ? [{ required: true, whitespace: true, message: t('projects.comment.enterReason') }] : []}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
