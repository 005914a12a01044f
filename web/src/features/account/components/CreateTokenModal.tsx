import { Alert, Button, Form, Input, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useRef, useState } from 'react';
import { FormModal } from '../../../components/FormModal';
import { useT } from '../../../lib/i18n';
import { useCreateToken } from '../api/create-token';

interface Values {
  name: string;
  expiresInDays?: number;
}

/** Names a token, then shows its secret exactly once. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const create = useCreateToken();
  const [secret, setSecret] = useState<string | null>(null);
  // FormModal closes after a successful save: the secret's dialog takes over instead
  const created = useRef(false);

  const submit = async (v: Values) => {
    const res = await create.mutateAsync({ name: v.name, ...(v.expiresInDays ? { expiresInDays: v.expiresInDays } : {}) });
    created.current = true;
    setSecret(res.token);
  };
  const done = () => {
    created.current = false;
    setSecret(null);
    create.reset();
    onClose();
  };

  if (secret) {
    return (
      <Modal
        open={open}
        title={t('token.createdTitle')}
        onCancel={done}
        maskClosable={false}
        destroyOnHidden
        footer={
          <Button type="primary" onClick={done}>
            {t('token.savedIt')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('token.onceWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph copyable={{ text: secret }} code style={{ wordBreak: 'break-all' }} data-testid="token-secret">
          {secret}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('token.usage')}</Typography.Text>
      </Modal>
    );
  }
  return (
    <FormModal<Values>
      open={open}
      title={t('token.createTitle')}
      okText={t('token.create')}
      okButtonProps={{ 'data-testid': 'token-create-submit' } as ButtonProps}
      onSubmit={submit}
      onClose={() => {
        if (!created.current) {
          onClose();
        }
      }}
      initialValues={{ expiresInDays: 90 }}
    >
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
    </FormModal>
  );
}
