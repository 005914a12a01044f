import { App, Form, Input, InputNumber, Select, Switch } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { useCreateExpert } from '../api/create-expert';
import type { ExpertItem } from '../api/list-experts';
import { useUpdateExpert } from '../api/update-expert';
import { CATEGORY_OPTIONS, FIELD_SUGGESTIONS } from '../constants';
import { useMessages } from '../../../lib/i18n';
import { expertFieldMessages, expertsMessages } from '../messages';

interface Values {
  name: string;
  organization: string;
  title: string;
  category: 'technical' | 'finance' | 'management';
  fields: string[];
  active: boolean;
  userId?: number | null;
}

/** Create an expert (editing = null) or edit one (optimistic version). */
export function ExpertFormModal({ open, editing, onClose }: { open: boolean; editing: ExpertItem | null; onClose: () => void }) {
  const t = useMessages(expertsMessages);
  const field = useMessages(expertFieldMessages);
  const { message } = App.useApp();
  const create = useCreateExpert();
  const update = useUpdateExpert();
  const initialValues: Values = editing
    ? { name: editing.name, organization: editing.organization, title: editing.title, category: editing.category, fields: editing.fields, active: editing.active, userId: editing.userId }
    : { name: '', organization: '', title: '', category: 'technical', fields: [], active: true, userId: null };

  const submit = async (v: Values) => {
    const body = { ...v, userId: v.userId ?? null };
    if (editing) {
      await update.mutateAsync({ id: editing.id, body: { ...body, version: editing.version } });
      void message.success(t('experts.form.saved'));
    } else {
      await create.mutateAsync(body);
      void message.success(t('experts.form.created'));
    }
  };

  return (
    <FormModal<Values> title={editing ? t('experts.form.editTitle', { name: editing.name }) : t('experts.pool.create')} open={open} onClose={onClose} onSubmit={submit} initialValues={initialValues}>
      <Form.Item name="name" label={t('experts.col.name')} rules={[{ required: true, message: t('experts.form.nameRequired') }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="organization" label={t('experts.col.organization')} rules={[{ required: true, message: t('experts.form.organizationRequired') }]} extra={t('experts.form.organizationHint')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="title" label={t('experts.col.title')} rules={[{ required: true, message: t('experts.form.titleRequired') }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="category" label={t('experts.pool.category')} rules={[{ required: true }]}>
        <Select options={CATEGORY_OPTIONS.map((o) => ({ value: o.value, label: t(o.label) }))} />
      </Form.Item>
      <Form.Item name="fields" label={t('experts.pool.field')} rules={[{ required: true, message: t('experts.form.fieldsRequired') }]} extra={t('experts.form.fieldsHint')}>
        <Select mode="tags" options={FIELD_SUGGESTIONS.map((f) => ({ value: f, label: field(f) }))} maxCount={10} />
      </Form.Item>
      <Form.Item name="active" label={t('experts.form.activeLabel')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="userId" label={t('experts.form.userId')}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} placeholder={t('experts.form.userIdPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
