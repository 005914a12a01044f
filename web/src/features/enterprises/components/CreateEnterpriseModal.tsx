import { Alert, App, Button, Form, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { useCreateEnterprise } from '../api/create-enterprise';
import { ENTERPRISE_FORM_FIELDS, toCreateBody, type EnterpriseFormValues } from './enterprise-form-values';
import { EnterpriseFormFields } from './EnterpriseFormFields';

interface Props {
  open: boolean;
  onClose: () => void;
  /** A district officer registers only in its own district. */
  fixedDistrictCode?: string;
}

const DISTRICT_LOCKED = new Set(['district']);

export function CreateEnterpriseModal({ open, onClose, fixedDistrictCode }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const create = useCreateEnterprise();

  const onFinish = (values: EnterpriseFormValues) => {
    create.mutate(toCreateBody(values), {
      onSuccess: (created) => {
        void message.success(t('ent.created', { name: created.name }));
        form.resetFields();
        onClose();
        void navigate(`/enterprises/${created.id}`);
      },
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'uscc_exists') {
          form.setFields([{ name: 'uscc', errors: [t('ent.usccExists')] }]);
          form.scrollToField('uscc');
          return;
        }
        const placed = err instanceof ApiError ? err.fields.map((f) => f.field) : [];
        applyFieldErrors(form, err, ENTERPRISE_FORM_FIELDS);
        const first = ENTERPRISE_FORM_FIELDS.find((f) => placed.includes(f));
        if (first) {
          form.scrollToField(first);
        }
      },
    });
  };

  const err = create.error;
  const showBanner = err && !(err instanceof ApiError && (err.code === 'uscc_exists' || err.fields.length > 0));

  return (
    <Modal
      open={open}
      title={t('ent.createTitle')}
      width={760}
      styles={{ body: { maxHeight: 'calc(100vh - 230px)', overflowY: 'auto', overflowX: 'hidden', paddingInlineEnd: 8 } }}
      onCancel={onClose}
      afterClose={() => create.reset()}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="enterprise-form-submit">
            {t('common.save')}
          </Button>
        </>
      }
    >
      {showBanner ? <Alert type="error" showIcon title={errorMessage(err)} style={{ marginBottom: 16 }} /> : null}
      <Form<EnterpriseFormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ district: fixedDistrictCode }}
        data-testid="enterprise-create-form"
        scrollToFirstError
      >
        <EnterpriseFormFields locked={fixedDistrictCode ? DISTRICT_LOCKED : undefined} />
      </Form>
    </Modal>
  );
}
