import { Alert, App, Form, type ButtonProps } from 'antd';
import { useMemo } from 'react';
import { FormModal } from '../../../components/FormModal';
import { ApiError } from '../../../lib/api';
import { useT } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import type { EnterpriseDetail } from '../api/get-enterprise';
import { useUpdateEnterprise } from '../api/update-enterprise';
import { SELF_EDITABLE } from '../constants';
import { ENTERPRISE_FORM_FIELDS, toFormValues, toPatchBody, type EnterpriseFormValues } from './enterprise-form-values';
import { EnterpriseFormFields } from './EnterpriseFormFields';
import { scrollToFirstPlaced } from './scroll-to-field';

interface Props {
  enterprise: EnterpriseDetail;
  open: boolean;
  onClose: () => void;
  /** Reloads the record after a version conflict; resolves to the fresh record. */
  reload: () => Promise<EnterpriseDetail | undefined>;
}

/** Edits with optimistic locking: the PATCH carries the version the form was filled from. */
export function EditEnterpriseModal({ enterprise, open, onClose, reload }: Props) {
  const t = useT();
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const update = useUpdateEnterprise(enterprise.id);

  const locked = useMemo(() => {
    if (hasAnyRole(me, ['city_officer'])) {
      return new Set<string>();
    }
    if (hasAnyRole(me, ['district_officer'])) {
      return new Set<string>(['district']);
    }
    return new Set<string>(ENTERPRISE_FORM_FIELDS.filter((f) => !SELF_EDITABLE.includes(f)));
  }, [me]);

  const submit = async (values: EnterpriseFormValues) => {
    const body = toPatchBody(enterprise, values);
    if (Object.keys(body).length === 1) {
      void message.info(t('ent.noChanges'));
      return;
    }
    try {
      await update.mutateAsync(body);
      void message.success(t('common.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        // someone else saved first: the form shows their version, and the modal says so and stays open
        const fresh = await reload();
        if (fresh) {
          form.setFieldsValue(toFormValues(fresh));
        }
        throw new ApiError(err.status, err.code, t('ent.versionConflict'));
      }
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
      title={t('ent.editTitle', { name: enterprise.name })}
      width={760}
      styles={{ body: { maxHeight: 'calc(100vh - 230px)', overflowY: 'auto', overflowX: 'hidden', paddingInlineEnd: 8 } }}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'enterprise-edit-submit' } as ButtonProps}
      onSubmit={submit}
      onClose={onClose}
      initialValues={toFormValues(enterprise)}
      formProps={{ scrollToFirstError: true }}
    >
      {locked.size > 1 ? <Alert type="info" showIcon title={t('ent.selfEditHint')} style={{ marginBottom: 16 }} /> : null}
      <div data-testid="enterprise-edit-form">
        <EnterpriseFormFields
          locked={locked}
          masked={{
            legalRepPhone: enterprise.legalRepPhone,
            legalRepIdNumber: enterprise.legalRepIdNumber,
            contactPhone: enterprise.contactPhone,
          }}
        />
      </div>
    </FormModal>
  );
}
