import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useCreatePolicy, type CreatePolicyInput } from '../api/create-policy';
import { usePolicies } from '../api/list-policies';
import { useVoucherLabels } from '../constants';
import { renderWan } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { businessDayjs } from '../../../lib/business-clock';

type Values = Omit<CreatePolicyInput, 'validUntil'> & { validUntil?: Dayjs };

export function PoliciesPanel({ canAct }: { canAct: boolean }) {
  const { message } = App.useApp();
  const { categoryLabel, categoryOptions } = useVoucherLabels();
  const policies = usePolicies();
  const create = useCreatePolicy();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    try {
      await create.mutateAsync({ ...v, validUntil: v.validUntil?.format('YYYY-MM-DD') });
      void message.success('政策已创建');
      setOpen(false);
    } catch (err) {
      if (!applyFieldErrors(form, err, ['year', 'name', 'budget', 'enterpriseCap', 'teamCap', 'coverageRatio', 'validUntil', 'categories']).length) {
        void message.error(errorMessage(err));
      }
    }
  };
  return (
    <>
      {canAct ? (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setOpen(true)}>
          新建政策
        </Button>
      ) : null}
      <DataTable
        tableId="vouchers.policies"
        query={policies}
        rows={policies.data?.items}
        rowKey="id"
        size="small"
        pagination={false}
        columns={[
          { key: 'year', title: '年度', dataIndex: 'year', width: 70 },
          { key: 'name', title: '政策名称', dataIndex: 'name' },
          { key: 'budget', title: '预算', dataIndex: 'budget', render: renderWan },
          { key: 'issued', title: '已发放', dataIndex: 'issued', render: renderWan },
          { key: 'remaining', title: '预算余额', dataIndex: 'remaining', render: renderWan },
          { key: 'caps', title: '企业/团队上限', render: (_, p) => <span className="money">{`${p.enterpriseCap / 10000}万 / ${p.teamCap / 10000}万`}</span> },
          { key: 'coverageRatio', title: '补助比例', dataIndex: 'coverageRatio', render: (v: number) => `${v * 100}%` },
          { key: 'validUntil', title: '有效期至', dataIndex: 'validUntil', width: 110 },
          { key: 'categories', title: '类别', dataIndex: 'categories', render: (cs: string[]) => cs.map(categoryLabel).join('、') },
          { key: 'status', title: '状态', dataIndex: 'status', render: (s: string) => (s === 'active' ? <Tag color="green">执行中</Tag> : <Tag>已到期</Tag>) },
        ]}
      />
      <Modal title="新建创新券政策" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ year: businessDayjs().year(), budget: 30_000_000, enterpriseCap: 100_000, teamCap: 30_000, coverageRatio: 0.5, categories: categoryOptions.map((c) => c.value) }}
        >
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="name" label="政策名称" rules={[{ required: true, message: '请填写政策名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="budget" label="年度预算（元）">
            <MoneyInput style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="enterpriseCap" label="企业年度上限（元）">
            <MoneyInput min={0.01} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="teamCap" label="创业团队年度上限（元）">
            <MoneyInput min={0.01} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="coverageRatio" label="补助比例（不超过合同金额的比例）">
            <InputNumber min={0.01} max={1} step={0.05} />
          </Form.Item>
          <Form.Item name="validUntil" label="有效期至（默认当年12月31日）">
            <DatePicker />
          </Form.Item>
          <Form.Item name="categories" label="支持的服务类别">
            <Select mode="multiple" options={[...categoryOptions]} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
