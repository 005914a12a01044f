import { Alert, App, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../../../lib/api';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { useDistricts } from '../../../lib/reference/get-districts';
import { ORG_KINDS, ORG_KIND_LABELS, type OrgKind } from '../constants';
import { useCreateOrganization } from '../api/create-organization';
import type { Organization } from '../api/list-organizations';
import { useUpdateOrganization } from '../api/update-organization';

interface Values {
  name: string;
  kind: OrgKind;
  districtId?: number | null;
  enterpriseId?: number | null;
}

const FIELDS = ['name', 'kind', 'districtId', 'enterpriseId'] as const;

export function OrganizationFormModal({ open, org, onClose }: { open: boolean; org: Organization | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const districts = useDistricts();
  const create = useCreateOrganization();
  const update = useUpdateOrganization();
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (open) {
      form.resetFields();
      if (org) {
        form.setFieldsValue({ name: org.name, kind: org.kind, districtId: org.districtId, enterpriseId: org.enterpriseId });
      }
    }
  }, [open, org, form]);

  const onError = (err: Error) => {
    if (err instanceof ApiError && err.code === 'version_conflict') {
      void message.warning(t('common.versionConflict'));
      onClose();
      return;
    }
    applyFieldErrors(form, err, FIELDS);
  };

  const onFinish = (v: Values) => {
    const body = {
      name: v.name,
      kind: v.kind,
      districtId: v.districtId ?? null,
      enterpriseId: v.kind === 'enterprise' ? (v.enterpriseId ?? null) : null,
    };
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (org) {
      update.mutate({ id: org.id, body: { ...body, version: org.version } }, { onSuccess: done, onError });
    } else {
      create.mutate(body, { onSuccess: done, onError });
    }
  };

  const err = org ? update.error : create.error;
  const banner = err && !(err instanceof ApiError && err.fields.length > 0) ? errorMessage(err) : null;

  return (
    <Modal
      open={open}
      title={org ? t('org.editTitle', { name: org.name }) : t('org.createTitle')}
      onCancel={onClose}
      afterClose={() => {
        create.reset();
        update.reset();
      }}
      forceRender
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="name" label={t('org.name')} rules={[{ required: true, min: 2, message: t('org.nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('org.kindRequired') }]}>
          <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(ORG_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item name="districtId" label={t('org.district')} extra={t('org.districtHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={districts.isLoading}
            options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        {kind === 'enterprise' ? (
          <Form.Item name="enterpriseId" label={t('org.enterpriseId')} extra={t('org.enterpriseIdHint')}>
            <InputNumber<number> min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
