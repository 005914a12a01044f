import { Alert, App, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../../../lib/api';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import type { District } from '../../../lib/reference/get-districts';
import { useCreateDistrict } from '../api/create-district';
import { useUpdateDistrict } from '../api/update-district';

interface Values {
  code: string;
  name: string;
  sortOrder: number;
}

const FIELDS = ['code', 'name', 'sortOrder'] as const;

export function DistrictFormModal({ open, district, onClose }: { open: boolean; district: District | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateDistrict();
  const update = useUpdateDistrict();

  useEffect(() => {
    if (open) {
      form.resetFields();
      if (district) {
        form.setFieldsValue({ code: district.code, name: district.name, sortOrder: district.sortOrder });
      }
    }
  }, [open, district, form]);

  const onFinish = (v: Values) => {
    const opts = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (err: Error) => {
        if (err instanceof ApiError && err.status === 409 && err.fields.length === 0) {
          form.setFields([{ name: 'code', errors: [t('district.exists')] }]);
          return;
        }
        applyFieldErrors(form, err, FIELDS);
      },
    };
    if (district) {
      update.mutate({ id: district.id, body: v }, opts);
    } else {
      create.mutate(v, opts);
    }
  };

  const err = district ? update.error : create.error;
  const banner = err && !(err instanceof ApiError && (err.fields.length > 0 || err.status === 409)) ? errorMessage(err) : null;

  return (
    <Modal
      open={open}
      title={district ? t('district.editTitle', { name: district.name }) : t('district.createTitle')}
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
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ sortOrder: 0 }}>
        <Form.Item
          name="code"
          label={t('district.code')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('district.codeRule') }]}
          extra={t('district.codeHint')}
        >
          <Input maxLength={6} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="name" label={t('district.name')} rules={[{ required: true, min: 2, message: t('district.nameRule') }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('district.sortOrder')}>
          <InputNumber<number> min={0} max={999} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
