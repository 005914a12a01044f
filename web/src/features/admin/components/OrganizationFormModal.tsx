import { App, Form, Input, InputNumber, Select } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { ApiError } from '../../../lib/api';
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

export function OrganizationFormModal({ open, org, onClose }: { open: boolean; org: Organization | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const districts = useDistricts();
  const create = useCreateOrganization();
  const update = useUpdateOrganization();
  const kind = Form.useWatch('kind', form);

  const submit = async (v: Values) => {
    const body = {
      name: v.name,
      kind: v.kind,
      districtId: v.districtId ?? null,
      enterpriseId: v.kind === 'enterprise' ? (v.enterpriseId ?? null) : null,
    };
    try {
      if (org) {
        await update.mutateAsync({ id: org.id, body: { ...body, version: org.version } });
      } else {
        await create.mutateAsync(body);
      }
      void message.success(t('common.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        void message.warning(t('common.versionConflict'));
        return;
      }
      throw err;
    }
  };

  return (
    <FormModal<Values>
      open={open}
      form={form}
      title={org ? t('org.editTitle', { name: org.name }) : t('org.createTitle')}
      okText={t('common.save')}
      onSubmit={submit}
      onClose={onClose}
      initialValues={org ? { name: org.name, kind: org.kind, districtId: org.districtId, enterpriseId: org.enterpriseId } : {}}
    >
      <Form.Item name="name" label={t('org.name')} rules={[{ required: true, min: 2, message: t('org.nameRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('org.kindRequired') }]}>
        <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(ORG_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item name="districtId" label={t('org.district')} extra={t('org.districtHint')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={districts.isLoading} options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      {kind === 'enterprise' ? (
        <Form.Item name="enterpriseId" label={t('org.enterpriseId')} extra={t('org.enterpriseIdHint')}>
          <InputNumber<number> min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
