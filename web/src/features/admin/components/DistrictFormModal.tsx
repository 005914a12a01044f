import { App, Form, Input, InputNumber } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { ApiError } from '../../../lib/api';
import { useT } from '../../../lib/i18n';
import type { District } from '../../../lib/reference/get-districts';
import { useCreateDistrict } from '../api/create-district';
import { useUpdateDistrict } from '../api/update-district';

interface Values {
  code: string;
  name: string;
  sortOrder: number;
}

export function DistrictFormModal({ open, district, onClose }: { open: boolean; district: District | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const create = useCreateDistrict();
  const update = useUpdateDistrict();

  const submit = async (v: Values) => {
    try {
      if (district) {
        await update.mutateAsync({ id: district.id, body: v });
      } else {
        await create.mutateAsync(v);
      }
      void message.success(t('common.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.fields.length === 0) {
        // the code is taken: said on the code field
        throw new ApiError(err.status, err.code, err.message, { fields: [{ field: 'code', message: t('district.exists') }] });
      }
      throw err;
    }
  };

  return (
    <FormModal<Values>
      open={open}
      title={district ? t('district.editTitle', { name: district.name }) : t('district.createTitle')}
      okText={t('common.save')}
      onSubmit={submit}
      onClose={onClose}
      initialValues={district ? { code: district.code, name: district.name, sortOrder: district.sortOrder } : { sortOrder: 0 }}
    >
      <Form.Item name="code" label={t('district.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('district.codeRule') }]} extra={t('district.codeHint')}>
        <Input maxLength={6} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="name" label={t('district.name')} rules={[{ required: true, min: 2, message: t('district.nameRule') }]}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('district.sortOrder')}>
        <InputNumber<number> min={0} max={999} precision={0} />
      </Form.Item>
    </FormModal>
  );
}
