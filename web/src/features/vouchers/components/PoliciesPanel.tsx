import { App, Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { StatusTag } from '../../../components/StatusTag';
import { useCreatePolicy, type CreatePolicyInput } from '../api/create-policy';
import { usePolicies, type ListPoliciesResult } from '../api/list-policies';
import { useMessages } from '../../../lib/i18n';
import { useCategoryOptions } from '../constants';
import { vouchersMessages } from '../messages';
import { renderWan } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { businessDayjs } from '../../../lib/business-clock';

type Values = Omit<CreatePolicyInput, 'validUntil'> & { validUntil?: Dayjs };
type Policy = ListPoliciesResult['items'][number];

export function PoliciesPanel({ canAct }: { canAct: boolean }) {
  const t = useMessages(vouchersMessages);
  const { message } = App.useApp();
  const categoryOptions = useCategoryOptions();
  const policies = usePolicies();
  const create = useCreatePolicy();
  const [open, setOpen] = useState(false);
  const submit = async (v: Values) => {
    await create.mutateAsync({ ...v, validUntil: v.validUntil?.format('YYYY-MM-DD') });
    void message.success(t('vouchers.policies.created'));
  };
  return (
    <>
      <DataTable<Policy>
        tableId="vouchers.policies"
        query={policies}
        rows={policies.data?.items}
        rowKey="id"
        size="small"
        pagination={false}
        actions={
          canAct ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('vouchers.policies.new')}
            </Button>
          ) : null
        }
        columns={[
          { key: 'year', title: t('vouchers.policies.year'), dataIndex: 'year', width: 70 },
          { key: 'name', title: t('vouchers.policies.name'), dataIndex: 'name' },
          { key: 'budget', title: t('vouchers.policies.budget'), dataIndex: 'budget', render: renderWan },
          { key: 'issued', title: t('vouchers.policies.issued'), dataIndex: 'issued', render: renderWan },
          { key: 'remaining', title: t('vouchers.policies.remaining'), dataIndex: 'remaining', render: renderWan },
          { key: 'caps', title: t('vouchers.policies.caps'), render: (_, p) => <span className="money">{t('vouchers.policies.capsValue', { enterprise: p.enterpriseCap / 10000, team: p.teamCap / 10000 })}</span> },
          { key: 'coverageRatio', title: t('vouchers.policies.coverageRatio'), dataIndex: 'coverageRatio', render: (v: number) => `${v * 100}%` },
          { key: 'validUntil', title: t('vouchers.policies.validUntil'), dataIndex: 'validUntil', width: 110 },
          { key: 'categories', title: t('vouchers.categoryShort'), dataIndex: 'categoryNames', render: (names: string[]) => names.join('、') },
          { key: 'status', title: t('vouchers.status'), dataIndex: 'statusName', render: (name: string, p) => <StatusTag status={p.status} name={name} /> },
        ]}
      />
      <FormModal<Values>
        title={t('vouchers.policies.modalTitle')}
        open={open}
        onClose={() => setOpen(false)}
        onSubmit={submit}
        initialValues={{ year: businessDayjs().year(), budget: 30_000_000, enterpriseCap: 100_000, teamCap: 30_000, coverageRatio: 0.5, categories: categoryOptions.map((c) => c.value) }}
      >
        <Form.Item name="year" label={t('vouchers.policies.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="name" label={t('vouchers.policies.name')} rules={[{ required: true, message: t('vouchers.policies.nameRequired') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="budget" label={t('vouchers.policies.budgetYuan')}>
          <MoneyInput style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="enterpriseCap" label={t('vouchers.policies.enterpriseCap')}>
          <MoneyInput min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="teamCap" label={t('vouchers.policies.teamCap')}>
          <MoneyInput min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="coverageRatio" label={t('vouchers.policies.coverageRatioField')}>
          <InputNumber min={0.01} max={1} step={0.05} />
        </Form.Item>
        <Form.Item name="validUntil" label={t('vouchers.policies.validUntilField')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="categories" label={t('vouchers.policies.categories')}>
          <Select mode="multiple" options={[...categoryOptions]} />
        </Form.Item>
      </FormModal>
    </>
  );
}
