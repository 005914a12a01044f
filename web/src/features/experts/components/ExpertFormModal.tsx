import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useCreateExpert } from '../api/create-expert';
import type { ExpertItem } from '../api/list-experts';
import { useUpdateExpert } from '../api/update-expert';
import { CATEGORY_OPTIONS, FIELD_SUGGESTIONS } from '../constants';

interface Values {
  name: string;
  organization: string;
  title: string;
  category: 'technical' | 'finance' | 'management';
  fields: string[];
  active: boolean;
  userId?: number | null;
}

const FIELDS = ['name', 'organization', 'title', 'category', 'fields', 'active', 'userId'];

/** Create an expert (editing = null) or edit one (optimistic version). */
export function ExpertFormModal({ open, editing, onClose }: { open: boolean; editing: ExpertItem | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateExpert();
  const update = useUpdateExpert();
  useEffect(() => {
    if (open) {
      form.setFieldsValue(
        editing
          ? { name: editing.name, organization: editing.organization, title: editing.title, category: editing.category, fields: editing.fields, active: editing.active, userId: editing.userId }
          : { name: '', organization: '', title: '', category: 'technical', fields: [], active: true, userId: null },
      );
    }
  }, [open, editing, form]);

  const submit = async (v: Values) => {
    try {
      const body = { ...v, userId: v.userId ?? null };
      if (editing) {
        await update.mutateAsync({ id: editing.id, body: { ...body, version: editing.version } });
        void message.success('专家信息已保存');
      } else {
        await create.mutateAsync(body);
        void message.success('专家已加入专家库');
      }
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, FIELDS).length) {
        void message.error(errorMessage(err));
      }
    }
  };

  return (
    <Modal title={editing ? `编辑专家：${editing.name}` : '新增专家'} open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending || update.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="organization" label="工作单位" rules={[{ required: true, message: '请填写工作单位' }]} extra="工作单位与申报企业同名时，抽取时自动回避">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="title" label="职称" rules={[{ required: true, message: '请填写职称' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="category" label="专家类别" rules={[{ required: true }]}>
          <Select options={[...CATEGORY_OPTIONS]} />
        </Form.Item>
        <Form.Item name="fields" label="专业领域" rules={[{ required: true, message: '请至少填写一个专业领域' }]} extra="可从列表选择，也可直接输入后回车">
          <Select mode="tags" options={FIELD_SUGGESTIONS.map((f) => ({ value: f, label: f }))} maxCount={10} />
        </Form.Item>
        <Form.Item name="active" label="在库（可被抽取）" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="userId" label="关联登录账号（用户ID，角色须为“评审专家”）">
          <InputNumber min={1} precision={0} style={{ width: '100%' }} placeholder="不关联则留空" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
