import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { formatYuan } from '../../../lib/format';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useDecideRegistration } from '../api/decide-registration';
import { downloadRegistrationCertificate } from '../api/download-registration-certificate';
import { useDeals, type Deal } from '../api/list-deals';
import { useRegistrations } from '../api/list-registrations';
import { useSubmitRegistration, type SubmitRegistrationInput } from '../api/submit-registration';
import { contractTypeOptions, registrationStatusName, type RegistrationStatus } from './labels';
import { MoneyInput } from '../../../components/MoneyInput';
import { techmarketMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

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
  const [form] = Form.useForm<SubmitRegistrationInput & { nonTechnical?: number }>();
  const onSubmit = async (v: SubmitRegistrationInput & { nonTechnical?: number }) => {
    try {
      await submit.mutateAsync({
        dealId: dealForm!.id,
        body: { contractType: v.contractType, contractTitle: v.contractTitle, amount: v.amount, nonTechnicalItems: v.nonTechnical ? [{ kind: t('techmarket.contracts.equipment'), amount: v.nonTechnical }] : [] },
      });
      message.success(t('techmarket.contracts.submitted'));
      setDealForm(null);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const act = async (input: Parameters<typeof decide.mutateAsync>[0]) => {
    try {
      const r = await decide.mutateAsync(input);
      message.success(r.registrationNo ? t('techmarket.contracts.registered', { registrationNo: r.registrationNo }) : t('techmarket.status.rejected'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <PageTitle title={t('techmarket.contracts.title')} />
      <Tabs
        items={[
          {
            key: 'deals',
            label: t('techmarket.contracts.deals'),
            children: (
              <Card extra={<Space>{t('techmarket.contracts.dueOrOverdue')}<Switch checked={atRisk} onChange={setAtRisk} aria-label={t('techmarket.contracts.dueOnly')} /></Space>}>
                <Table
                  rowKey="id"
                  loading={deals.isLoading}
                  dataSource={deals.data?.items ?? []}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: t('techmarket.contracts.contract'), dataIndex: 'title' },
                    { title: t('techmarket.contracts.seller'), dataIndex: 'sellerName' },
                    { title: t('techmarket.contracts.buyer'), dataIndex: 'buyerName' },
                    { title: t('techmarket.contracts.amount'), dataIndex: 'amount', render: (v: number) => formatYuan(v) },
                    { title: t('techmarket.contracts.signedOn'), dataIndex: 'signedOn' },
                    {
                      title: t('techmarket.contracts.deadline'),
                      key: 'deadline',
                      render: (_, d) =>
                        d.registrationStatus === 'registered' || d.registrationStatus === 'submitted' ? d.deadlineOn : (
                          <Tag color={d.daysLeft < 0 ? 'red' : d.atRisk ? 'orange' : 'default'}>{d.daysLeft < 0 ? t('techmarket.contracts.overdue', { v0: -d.daysLeft }) : t('techmarket.contracts.daysLeft', { deadlineOn: d.deadlineOn, daysLeft: d.daysLeft })}</Tag>
                        ),
                    },
                    { title: t('techmarket.contracts.registrationStatus'), dataIndex: 'registrationStatus', render: (s: RegistrationStatus) => registrationStatusName(t, s) },
                    {
                      title: t('common.actions'),
                      key: 'a',
                      render: (_, d) =>
                        (d.registrationStatus === 'none' || d.registrationStatus === 'returned') && (d.mine || registrar) ? (
                          <Button size="small" onClick={() => { setDealForm(d); form.setFieldsValue({ contractTitle: d.title, amount: d.amount }); }}>
                            {t('techmarket.contracts.apply')}
                          </Button>
                        ) : null,
                    },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'registrations',
            label: registrar ? t('techmarket.contracts.pending') : t('techmarket.contracts.mine'),
            children: (
              <Card>
                <Table
                  rowKey="id"
                  loading={regs.isLoading}
                  dataSource={regs.data?.items ?? []}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: t('techmarket.contracts.contractTitle'), dataIndex: 'contractTitle' },
                    { title: t('techmarket.type'), dataIndex: 'contractTypeName' },
                    { title: t('techmarket.contractAmount'), dataIndex: 'amount', render: (v: number) => formatYuan(v) },
                    { title: t('techmarket.contracts.nonTechnical'), dataIndex: 'nonTechnical', render: (v: number) => formatYuan(v) },
                    { title: t('techmarket.technologyAmount'), dataIndex: 'technicalIncome', render: (v: number | null) => (v === null ? '—' : formatYuan(v)) },
                    { title: t('techmarket.status'), dataIndex: 'status', render: (s: RegistrationStatus, r) => <>{registrationStatusName(t, s)}{r.returnReasons.length ? `：${r.returnReasons.join('；')}` : ''}</> },
                    {
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
                            key: 'a',
                            render: (_: unknown, r: { id: number; status: string }) =>
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
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      <Modal title={t('techmarket.contracts.applyTitle')} open={dealForm !== null} onCancel={() => setDealForm(null)} onOk={() => form.submit()} confirmLoading={submit.isPending}>
        <Form form={form} layout="vertical" onFinish={onSubmit}>
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
        </Form>
      </Modal>
    </>
  );
}
