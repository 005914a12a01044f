import { App, Button, Card, Form, Input, Select, Space, Switch, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { renderMoney } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { StatusTag } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useDecideRegistration } from '../api/decide-registration';
import { downloadRegistrationCertificate } from '../api/download-registration-certificate';
import { useDeals, type Deal } from '../api/list-deals';
import { useRegistrations, type Registration } from '../api/list-registrations';
import { useSubmitRegistration, type SubmitRegistrationInput } from '../api/submit-registration';
import { contractTypeOptions } from './labels';
import { MoneyInput } from '../../../components/MoneyInput';
import { techmarketMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

type RegistrationValues = SubmitRegistrationInput & { nonTechnical?: number };

/** Deals with the registration deadline timer; sellers submit, registrars register or return. */
export default function ContractsPage() {
  const t = useMessages(techmarketMessages);
  const { message } = App.useApp();
  const me = useSession();
  const registrar = hasAnyRole(me, ['city_officer']);
  const [atRisk, setAtRisk] = useState(false);
  const deals = useDeals(atRisk);
  const regs = useRegistrations(registrar ? 'submitted' : undefined);
  const submit = useSubmitRegistration();
  const decide = useDecideRegistration();
  const [dealForm, setDealForm] = useState<Deal | null>(null);
  const onSubmit = async (v: RegistrationValues) => {
    await submit.mutateAsync({
      dealId: dealForm!.id,
      body: { contractType: v.contractType, contractTitle: v.contractTitle, amount: v.amount, nonTechnicalItems: v.nonTechnical ? [{ kind: t('techmarket.contracts.equipment'), amount: v.nonTechnical }] : [] },
    });
    message.success(t('techmarket.contracts.submitted'));
  };
  const act = async (input: Parameters<typeof decide.mutateAsync>[0]) => {
    try {
      const r = await decide.mutateAsync(input);
      message.success(r.registrationNo ? t('techmarket.contracts.registered', { registrationNo: r.registrationNo }) : t('techmarket.status.rejected'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const dealColumns: DataColumn<Deal>[] = [
    { key: 'title', title: t('techmarket.contracts.contract'), dataIndex: 'title' },
    { key: 'seller', title: t('techmarket.contracts.seller'), dataIndex: 'sellerName' },
    { key: 'buyer', title: t('techmarket.contracts.buyer'), dataIndex: 'buyerName' },
    { key: 'amount', title: t('techmarket.contracts.amount'), dataIndex: 'amount', align: 'right', render: renderMoney },
    { key: 'signedOn', title: t('techmarket.contracts.signedOn'), dataIndex: 'signedOn' },
    {
      title: t('techmarket.contracts.deadline'),
      key: 'deadline',
      render: (_, d) =>
        d.registrationStatus === 'registered' || d.registrationStatus === 'submitted' ? d.deadlineOn : (
          <Tag color={d.daysLeft < 0 ? 'red' : d.atRisk ? 'orange' : 'default'}>{d.daysLeft < 0 ? t('techmarket.contracts.overdue', { v0: -d.daysLeft }) : t('techmarket.contracts.daysLeft', { deadlineOn: d.deadlineOn, daysLeft: d.daysLeft })}</Tag>
        ),
    },
    { key: 'status', title: t('techmarket.contracts.registrationStatus'), dataIndex: 'registrationStatus', render: (s: string, d) => <StatusTag status={s} name={d.registrationStatusName} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, d) =>
        (d.registrationStatus === 'none' || d.registrationStatus === 'returned') && (d.mine || registrar) ? (
          <Button size="small" onClick={() => setDealForm(d)}>
            {t('techmarket.contracts.apply')}
          </Button>
        ) : null,
    },
  ];
  const registrationColumns: DataColumn<Registration>[] = [
    { key: 'contractTitle', title: t('techmarket.contracts.contractTitle'), dataIndex: 'contractTitle' },
    { key: 'contractType', title: t('techmarket.type'), dataIndex: 'contractTypeName' },
    { key: 'amount', title: t('techmarket.contractAmount'), dataIndex: 'amount', align: 'right', render: renderMoney },
    { key: 'nonTechnical', title: t('techmarket.contracts.nonTechnical'), dataIndex: 'nonTechnical', align: 'right', render: renderMoney },
    { key: 'technicalIncome', title: t('techmarket.technologyAmount'), dataIndex: 'technicalIncome', align: 'right', render: renderMoney },
    {
      key: 'status',
      title: t('techmarket.status'),
      dataIndex: 'status',
      render: (s: string, r) => (
        <>
          <StatusTag status={s} name={r.statusName} />
          {r.returnReasons.length ? r.returnReasons.join('；') : null}
        </>
      ),
    },
    {
      key: 'registrationNo',
      title: t('techmarket.contracts.registrationNo'),
      dataIndex: 'registrationNo',
      render: (no: string | null, r) =>
        no ? (
          <Space size={4} wrap>
            <span>{no}</span>
            <Button size="small" type="link" onClick={() => downloadRegistrationCertificate(r.id, t('techmarket.file.registrationCertificate', { registrationNo: no })).catch((err: unknown) => message.error(errorMessage(err)))}>
              {t('techmarket.contracts.certificate')}
            </Button>
          </Space>
        ) : null,
    },
    ...(registrar
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: Registration) =>
              r.status === 'submitted' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => void act({ id: r.id, decision: 'register' })}>
                    {t('techmarket.contracts.register')}
                  </Button>
                  <Button size="small" onClick={() => void act({ id: r.id, decision: 'return', reasons: [t('techmarket.contracts.returnDefault')] })}>
                    {t('techmarket.return')}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <>
      <PageTitle title={t('techmarket.contracts.title')} />
      <Tabs
        items={[
          {
            key: 'deals',
            label: t('techmarket.contracts.deals'),
            children: (
              <Card>
                <DataTable<Deal>
                  tableId="techmarket.deals"
                  rowKey="id"
                  columns={dealColumns}
                  query={deals}
                  rows={deals.data?.items}
                  pagination={{ pageSize: 20 }}
                  filters={
                    <Space>
                      {t('techmarket.contracts.dueOrOverdue')}
                      <Switch checked={atRisk} onChange={setAtRisk} aria-label={t('techmarket.contracts.dueOnly')} />
                    </Space>
                  }
                />
              </Card>
            ),
          },
          {
            key: 'registrations',
            label: registrar ? t('techmarket.contracts.pending') : t('techmarket.contracts.mine'),
            children: (
              <Card>
                <DataTable<Registration> tableId="techmarket.registrations" rowKey="id" columns={registrationColumns} query={regs} rows={regs.data?.items} pagination={{ pageSize: 20 }} />
              </Card>
            ),
          },
        ]}
      />
      <FormModal<RegistrationValues>
        title={t('techmarket.contracts.applyTitle')}
        open={dealForm !== null}
        onClose={() => setDealForm(null)}
        onSubmit={onSubmit}
        initialValues={dealForm ? { contractTitle: dealForm.title, amount: dealForm.amount } : undefined}
      >
        <Form.Item name="contractType" label={t('techmarket.contracts.contractType')} rules={[{ required: true }]}>
          <Select options={contractTypeOptions(t)} />
        </Form.Item>
        <Form.Item name="contractTitle" label={t('techmarket.contracts.contractTitle')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="amount" label={t('techmarket.contracts.amountLabel')} rules={[{ required: true }]}>
          <MoneyInput min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="nonTechnical" label={t('techmarket.contracts.nonTechnicalLabel')}>
          <MoneyInput style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
