import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { useCreateToken } from '../api/create-token';

interface Values {
  name: string;
  expiresInDays?: number;
}

/** Names a token, then shows its secret exactly once. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateToken();

  const onFinish = (v: Values) =>
    create.mutate(
      { name: v.name, ...(v.expiresInDays ? { expiresInDays: v.expiresInDays } : {}) },
      { onError: (err) => applyFieldErrors(form, err, ['name', 'expiresInDays']) },
    );

  const secret = create.data?.token;

  return (
    <Modal
      open={open}
      title={secret ? t('token.createdTitle') : t('token.createTitle')}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        create.reset();
      }}
      destroyOnHidden
      maskClosable={!secret}
      footer={
        secret ? (
          <Button type="primary" onClick={onClose}>
            {t('token.savedIt')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="token-create-submit">
              {t('token.create')}
            </Button>
          </>
        )
      }
    >
      {secret ? (
        <>
          <Alert type="warning" showIcon title={t('token.onceWarning')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph copyable={{ text: secret }} code style={{ wordBreak: 'break-all' }} data-testid="token-secret">
            {secret}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('token.usage')}</Typography.Text>
        </>
      ) : (
        <>
          {create.isError && !form.getFieldsError().some((f) => f.errors.length) ? (
            <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} />
          ) : null}
          <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ expiresInDays: 90 }}>
            <Form.Item name="name" label={t('token.name')} rules={[{ required: true, message: t('token.nameRequired') }]} extra={t('token.nameHint')}>
              <Input maxLength={64} autoFocus />
            </Form.Item>
            <Form.Item name="expiresInDays" label={t('token.expiresIn')}>
              <Select
                options={[
                  { value: 30, label: t('token.days', { n: 30 }) },
                  { value: 90, label: t('token.days', { n: 90 }) },
                  { value: 365, label: t('token.days', { n: 365 }) },
                  { value: 0, label: t('token.never') },
                ]}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
