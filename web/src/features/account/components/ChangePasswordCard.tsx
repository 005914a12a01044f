import { App, Button, Card, Form, Input } from 'antd';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { passwordRules } from '../../../lib/password-rule';
import { useChangePassword } from '../api/change-password';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordCard() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const onFinish = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('account.passwordChanged'));
          form.resetFields();
        },
        onError: (err) => {
          const rest = applyFieldErrors(form, err, ['currentPassword', 'newPassword']);
          if (rest.length > 0 || form.getFieldsError().every((f) => f.errors.length === 0)) {
            void message.error(errorMessage(err));
          }
        },
      },
    );

  return (
    <Card title={t('account.changePassword')}>
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 400 }} data-testid="change-password-form">
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('pw.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.newPassword')} rules={passwordRules(t)} extra={t('pw.hint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('pw.required') },
            ({ getFieldValue }) => ({
              validator: async (_r, v: string | undefined) => {
                if (v && v !== getFieldValue('newPassword')) {
                  throw new Error(t('account.confirmMismatch'));
                }
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
