import { App, Button, Form, Input, Modal } from 'antd';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { passwordRules } from '../../../lib/password-rule';
import type { User } from '../api/list-users';
import { useResetUserPassword } from '../api/reset-user-password';

/** Sets a new password for a user (who should change it after signing in). */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetUserPassword();

  const onFinish = ({ password }: { password: string }) => {
    if (!user) {
      return;
    }
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          void message.success(t('user.passwordReset', { name: user.displayName }));
          onClose();
        },
        onError: (err) => {
          if (applyFieldErrors(form, err, ['password']).length > 0 || !(err instanceof Error)) {
            void message.error(errorMessage(err));
          } else if (form.getFieldError('password').length === 0) {
            void message.error(errorMessage(err));
          }
        },
      },
    );
  };

  return (
    <Modal
      open={!!user}
      title={t('user.resetPasswordTitle', { name: user?.displayName ?? '' })}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        reset.reset();
      }}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={reset.isPending} onClick={() => form.submit()}>
            {t('user.resetPassword')}
          </Button>
        </>
      }
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="password" label={t('user.newPassword')} rules={passwordRules(t)} extra={t('pw.hint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
