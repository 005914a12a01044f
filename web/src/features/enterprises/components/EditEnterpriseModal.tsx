import { Alert, App, Button, Form, Modal } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import type { EnterpriseDetail } from '../api/get-enterprise';
import { useUpdateEnterprise } from '../api/update-enterprise';
import { SELF_EDITABLE } from '../constants';
import { ENTERPRISE_FORM_FIELDS, toFormValues, toPatchBody, type EnterpriseFormValues } from './enterprise-form-values';
import { EnterpriseFormFields } from './EnterpriseFormFields';

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
  const [conflict, setConflict] = useState(false);

  const locked = useMemo(() => {
    if (hasAnyRole(me, ['city_officer'])) {
      return new Set<string>();
    }
    if (hasAnyRole(me, ['district_officer'])) {
      return new Set<string>(['district']);
    }
    return new Set<string>(ENTERPRISE_FORM_FIELDS.filter((f) => !SELF_EDITABLE.includes(f)));
  }, [me]);

  useEffect(() => {
    if (open) {
      form.setFieldsValue(toFormValues(enterprise));
    }
    // Only when the dialog opens: a reload after a conflict resets the form explicitly.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const onFinish = (values: EnterpriseFormValues) => {
    const body = toPatchBody(enterprise, values);
    if (Object.keys(body).length === 1) {
      void message.info(t('ent.noChanges'));
      onClose();
      return;
    }
    update.mutate(body, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        setConflict(false);
        onClose();
      },
      onError: async (err) => {
        if (err instanceof ApiError && err.code === 'version_conflict') {
          setConflict(true);
          const fresh = await reload();
          if (fresh) {
            form.setFieldsValue(toFormValues(fresh));
          }
          return;
        }
        if (err instanceof ApiError && err.code === 'uscc_exists') {
          form.setFields([{ name: 'uscc', errors: [t('ent.usccExists')] }]);
          return;
        }
        applyFieldErrors(form, err, ENTERPRISE_FORM_FIELDS);
      },
    });
  };

  const err = update.error;
  const banner =
    err && !(err instanceof ApiError && (err.code === 'version_conflict' || err.code === 'uscc_exists' || err.fields.length > 0))
      ? errorMessage(err)
      : null;

  return (
    <Modal
      open={open}
      title={t('ent.editTitle', { name: enterprise.name })}
      width={760}
      styles={{ body: { maxHeight: 'calc(100vh - 230px)', overflowY: 'auto', overflowX: 'hidden', paddingInlineEnd: 8 } }}
      onCancel={onClose}
      afterClose={() => {
        setConflict(false);
        update.reset();
      }}
      forceRender
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()} data-testid="enterprise-edit-submit">
            {t('common.save')}
          </Button>
        </>
      }
    >
      {conflict ? (
        <Alert type="warning" showIcon title={t('ent.versionConflict')} style={{ marginBottom: 16 }} data-testid="enterprise-version-conflict" />
      ) : null}
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      {locked.size > 1 ? <Alert type="info" showIcon title={t('ent.selfEditHint')} style={{ marginBottom: 16 }} /> : null}
      <Form<EnterpriseFormValues> form={form} layout="vertical" onFinish={onFinish} scrollToFirstError data-testid="enterprise-edit-form">
        <EnterpriseFormFields
          locked={locked}
          masked={{
            legalRepPhone: enterprise.legalRepPhone,
            legalRepIdNumber: enterprise.legalRepIdNumber,
            contactPhone: enterprise.contactPhone,
          }}
        />
      </Form>
    </Modal>
  );
}
