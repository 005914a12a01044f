import { App, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import type { LinkInput } from '../api/add-link';
import { LINK_KIND_OPTIONS } from '../constants';
import { useMessages } from '../../../lib/i18n';
import { expertsMessages } from '../messages';

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
  const t = useMessages(expertsMessages);
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
      void message.success(t('experts.linkForm.saved'));
      form.resetFields();
    } catch (err) {
      if (!applyFieldErrors(form, err, FIELDS).length) {
        void message.error(errorMessage(err));
      }
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ kind: 'employer' }}>
      <Form.Item name="kind" label={t('experts.linkForm.kind')} rules={[{ required: true }]}>
        <Select options={LINK_KIND_OPTIONS.map((o) => ({ value: o.value, label: t(o.label) }))} />
      </Form.Item>
      <Form.Item name="companyName" label={t('experts.linkForm.companyName')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="uscc" label={t('experts.linkForm.uscc')}>
        <Input maxLength={18} />
      </Form.Item>
      {kind === 'former_employer' ? (
        <Form.Item name="endedOn" label={t('experts.linkForm.endedOn')}>
          <DatePicker />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('experts.links.note')}>
        <Input maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending}>
        {t('experts.linkForm.submit')}
      </Button>
    </Form>
  );
}
