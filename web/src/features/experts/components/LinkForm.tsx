import { App, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import type { LinkInput } from '../api/add-link';
import { LINK_KIND_OPTIONS } from '../constants';

interface Values {
  kind: LinkInput['kind'];
  companyName?: string;
  uscc?: string;
  endedOn?: Dayjs | null;
  note?: string;
}

const FIELDS = ['kind', 'companyName', 'uscc', 'endedOn', 'note'];

/** One declared link (employment, shareholding, former employer, relative): by the company's name and/or credit code (never an internal id). */
export function LinkForm({ onSubmit, pending }: { onSubmit: (body: LinkInput) => Promise<unknown>; pending: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const submit = async (v: Values) => {
    try {
      await onSubmit({
        kind: v.kind,
        ...(v.companyName?.trim() ? { companyName: v.companyName.trim() } : {}),
        ...(v.uscc?.trim() ? { uscc: v.uscc.trim() } : {}),
        ...(v.kind === 'former_employer' ? { endedOn: v.endedOn ? v.endedOn.format('YYYY-MM-DD') : null } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      void message.success('关联关系已登记');
      form.resetFields();
    } catch (err) {
      if (!applyFieldErrors(form, err, FIELDS).length) {
        void message.error(errorMessage(err));
      }
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ kind: 'employer' }}>
      <Form.Item name="kind" label="关联类型" rules={[{ required: true }]}>
        <Select options={[...LINK_KIND_OPTIONS]} />
      </Form.Item>
      <Form.Item name="companyName" label="企业名称（与营业执照一致，按名称精确匹配）">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="uscc" label="统一社会信用代码（可选，按代码匹配）">
        <Input maxLength={18} />
      </Form.Item>
      {kind === 'former_employer' ? (
        <Form.Item name="endedOn" label="离职日期（不填视为未满3年）">
          <DatePicker />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label="备注">
        <Input maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending}>
        登记关联关系
      </Button>
    </Form>
  );
}
