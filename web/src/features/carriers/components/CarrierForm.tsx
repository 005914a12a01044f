import { Form, Input, InputNumber, Select, message } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { useDistricts } from '../../../lib/reference/get-districts';
import type { CarrierDetail, CarrierInput } from '../api/carriers';
import { useParks } from '../api/carriers';
import { kindOptions, serviceOptions } from '../constants';
import { carriersMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

type Values = Omit<CarrierInput, 'managers'> & { managerName?: string; managerTitle?: string };

/** The carrier's profile, for registering one (operator) or editing it. */
export function CarrierForm({ open, initial, onClose, onSubmit }: { open: boolean; initial?: CarrierDetail; onClose: () => void; onSubmit: (v: CarrierInput) => Promise<unknown> }) {
  const t = useMessages(carriersMessages);
  const districts = useDistricts();
  const parks = useParks();
  const submit = async ({ managerName, managerTitle, ...rest }: Values) => {
    await onSubmit({ ...rest, parkId: rest.parkId ?? null, foundedOn: rest.foundedOn || null, description: rest.description || null, managers: managerName ? [{ name: managerName, title: managerTitle || t('carriers.manager') }] : [] });
    message.success(t('common.saved'));
  };
  const initialValues: Partial<Values> = initial
    ? { ...initial, parkId: initial.parkId ?? undefined, foundedOn: initial.foundedOn ?? undefined, description: initial.description ?? undefined, managerName: initial.managers[0]?.name, managerTitle: initial.managers[0]?.title, services: initial.services as CarrierInput['services'] }
    : { kind: 'makerspace', services: [] };
  return (
    <FormModal<Values> open={open} title={initial ? t('carriers.form.editTitle') : t('carriers.form.register')} okText={t('common.save')} cancelText={t('common.cancel')} onClose={onClose} onSubmit={submit} width={640} initialValues={initialValues}>
      <Form.Item name="kind" label={t('carriers.form.kind')} rules={[{ required: true }]} hidden={!!initial}>
        <Select options={kindOptions(t)} />
      </Form.Item>
      <Form.Item name="name" label={t('carriers.name')} rules={[{ required: true, message: t('carriers.form.nameRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label={t('carriers.address')} rules={[{ required: true, message: t('carriers.form.addressRequired') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="districtId" label={t('carriers.districtOf')} rules={[{ required: true, message: t('common.selectDistrict') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      <Form.Item name="parkId" label={t('carriers.form.park')}>
        <Select allowClear options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.kindName}）` }))} />
      </Form.Item>
      <Form.Item name="areaM2" label={t('carriers.area')} rules={[{ required: true, message: t('carriers.areaRequired') }]}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="services" label={t('carriers.services')}>
        <Select mode="multiple" options={serviceOptions(t)} />
      </Form.Item>
      <Form.Item name="managerName" label={t('carriers.manager')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="managerTitle" label={t('carriers.form.title')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="foundedOn" label={t('carriers.foundedOn')} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('carriers.dateFormat') }]}>
        <Input placeholder="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="description" label={t('carriers.form.description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
