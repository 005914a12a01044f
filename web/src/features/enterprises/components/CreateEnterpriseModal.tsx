import { App, Form, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router';
import { FormModal } from '../../../components/FormModal';
import { ApiError } from '../../../lib/api';
import { useT } from '../../../lib/i18n';
import { useCreateEnterprise } from '../api/create-enterprise';
import { ENTERPRISE_FORM_FIELDS, toCreateBody, type EnterpriseFormValues } from './enterprise-form-values';
import { EnterpriseFormFields } from './EnterpriseFormFields';
import { scrollToFirstPlaced } from './scroll-to-field';

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

  const submit = async (values: EnterpriseFormValues) => {
    try {
      const created = await create.mutateAsync(toCreateBody(values));
      void message.success(t('ent.created', { name: created.name }));
      void navigate(`/enterprises/${created.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'uscc_exists') {
        throw new ApiError(err.status, err.code, err.message, { fields: [{ field: 'uscc', message: t('ent.usccExists') }] });
      }
      scrollToFirstPlaced(form, err, ENTERPRISE_FORM_FIELDS);
      throw err;
    }
  };

  return (
    <FormModal<EnterpriseFormValues>
      open={open}
      form={form}
      title={t('ent.createTitle')}
      width={760}
      styles={{ body: { maxHeight: 'calc(100vh - 230px)', overflowY: 'auto', overflowX: 'hidden', paddingInlineEnd: 8 } }}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'enterprise-form-submit' } as ButtonProps}
      onSubmit={submit}
      onClose={onClose}
      initialValues={{ district: fixedDistrictCode }}
      formProps={{ scrollToFirstError: true }}
    >
      <div data-testid="enterprise-create-form">
        <EnterpriseFormFields locked={fixedDistrictCode ? DISTRICT_LOCKED : undefined} />
      </div>
    </FormModal>
  );
}
