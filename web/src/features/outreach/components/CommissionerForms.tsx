import { App, DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { DistrictSelect } from '../../../components/DistrictSelect';
import { FormModal } from '../../../components/FormModal';
import { useAddAssignment, useAddServiceRecord, type AssignmentInput, type Commissioner, type ServiceRecordInput } from '../api/outreach';
import { outreachMessages, type OutreachT } from '../messages';
import { useMessages } from '../../../lib/i18n';

type AssignmentForm = Omit<AssignmentInput, 'startOn' | 'endOn'> & { startOn?: Dayjs; endOn?: Dayjs };

/** 派驻乡镇 (city or district officer): district, township, optionally an enterprise of the registry there, period, task. */
export function AssignmentModal({ c, onClose }: { c: Commissioner; onClose: () => void }) {
  const t = useMessages(outreachMessages);
  const { message } = App.useApp();
  const add = useAddAssignment();
  const submit = async (v: AssignmentForm) => {
    await add.mutateAsync({ id: c.id, district: v.district, township: v.township, enterpriseId: v.enterpriseId || undefined, task: v.task, startOn: v.startOn?.format('YYYY-MM-DD') ?? '', endOn: v.endOn?.format('YYYY-MM-DD') });
    void message.success(t('outreach.commissioner.assigned', { name: c.name }));
  };
  return (
    <FormModal<AssignmentForm> title={t('outreach.commissioner.assignTitle', { name: c.name })} open onClose={onClose} onSubmit={submit} okText={t('outreach.commissioner.register')}>
      <Form.Item name="district" label={t('outreach.district')} rules={[{ required: true, message: t('common.selectDistrict') }]}>
        <DistrictSelect />
      </Form.Item>
      <Form.Item name="township" label={t('outreach.commissioner.township')} rules={[{ required: true, message: t('outreach.commissioner.townshipRequired') }]}>
        <Input maxLength={40} placeholder={t('outreach.commissioner.townshipPlaceholder')} />
      </Form.Item>
      <Form.Item name="enterpriseId" label={t('outreach.commissioner.enterpriseId')}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="startOn" label={t('outreach.commissioner.start')} rules={[{ required: true, message: t('outreach.commissioner.startRequired') }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="endOn" label={t('outreach.commissioner.end')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="task" label={t('outreach.commissioner.tasks')} rules={[{ required: true, min: 4, message: t('outreach.commissioner.tasksMin') }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

const counts = (t: OutreachT): { name: keyof ServiceRecordInput; label: string; max: number }[] => [
  { name: 'serviceDays', label: t('outreach.count.serviceDays'), max: 366 },
  { name: 'enterprisesServed', label: t('outreach.count.enterprisesServed'), max: 10000 },
  { name: 'trainings', label: t('outreach.count.trainings'), max: 1000 },
  { name: 'technologiesIntroduced', label: t('outreach.count.technologiesIntroduced'), max: 1000 },
];

/** 年度服务记录: one per commissioner and year. */
export function ServiceRecordModal({ c, year, onClose }: { c: Commissioner; year: number; onClose: () => void }) {
  const t = useMessages(outreachMessages);
  const { message } = App.useApp();
  const add = useAddServiceRecord();
  const submit = async (v: ServiceRecordInput) => {
    await add.mutateAsync({ id: c.id, ...v });
    void message.success(t('outreach.record.saved', { name: c.name, year: v.year }));
  };
  return (
    <FormModal<ServiceRecordInput> title={t('outreach.record.title', { name: c.name })} open onClose={onClose} onSubmit={submit} okText={t('outreach.record.register')} initialValues={{ year }}>
      <Form.Item name="year" label={t('outreach.year')} rules={[{ required: true, message: t('outreach.record.yearRequired') }]}>
        <InputNumber min={2000} max={2100} precision={0} />
      </Form.Item>
      {counts(t).map((x) => (
        <Form.Item key={x.name} name={x.name} label={x.label} rules={[{ required: true, message: t('outreach.record.countRequired', { label: x.label }) }]}>
          <InputNumber min={0} max={x.max} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      ))}
      <Form.Item name="summary" label={t('outreach.record.summary')} rules={[{ required: true, min: 10, message: t('outreach.record.summaryMin') }]}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
