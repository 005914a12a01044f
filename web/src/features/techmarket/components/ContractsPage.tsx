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
import { CONTRACT_TYPES, REGISTRATION_STATUS_NAMES } from './labels';
import { MoneyInput } from '../../../components/MoneyInput';

/** Deals with the registration deadline timer; sellers submit, registrars register or return. */
export default function ContractsPage() {
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
        body: { contractType: v.contractType, contractTitle: v.contractTitle, amount: v.amount, nonTechnicalItems: v.nonTechnical ? [{ kind: '设备材料', amount: v.nonTechnical }] : [] },
      });
      message.success('已提交认定登记申请');
      setDealForm(null);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const act = async (input: Parameters<typeof decide.mutateAsync>[0]) => {
    try {
      const r = await decide.mutateAsync(input);
      message.success(r.registrationNo ? `已登记，登记号 ${r.registrationNo}` : '已退回');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <PageTitle title="技术合同认定登记" />
      <Tabs
        items={[
          {
            key: 'deals',
            label: '成交与登记期限',
            children: (
              <Card extra={<Space>只看临期/逾期<Switch checked={atRisk} onChange={setAtRisk} aria-label="只看临期" /></Space>}>
                <Table
                  rowKey="id"
                  loading={deals.isLoading}
                  dataSource={deals.data?.items ?? []}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: '合同', dataIndex: 'title' },
                    { title: '卖方', dataIndex: 'sellerName' },
                    { title: '买方', dataIndex: 'buyerName' },
                    { title: '成交额', dataIndex: 'amount', render: (v: number) => formatYuan(v) },
                    { title: '签订日', dataIndex: 'signedOn' },
                    {
                      title: '登记截止',
                      key: 'deadline',
                      render: (_, d) =>
                        d.registrationStatus === 'registered' || d.registrationStatus === 'submitted' ? d.deadlineOn : (
                          <Tag color={d.daysLeft < 0 ? 'red' : d.atRisk ? 'orange' : 'default'}>{d.daysLeft < 0 ? `已逾期 ${-d.daysLeft} 天` : `${d.deadlineOn}（剩 ${d.daysLeft} 天）`}</Tag>
                        ),
                    },
                    { title: '登记状态', dataIndex: 'registrationStatus', render: (s: keyof typeof REGISTRATION_STATUS_NAMES) => REGISTRATION_STATUS_NAMES[s] },
                    {
                      title: '操作',
                      key: 'a',
                      render: (_, d) =>
                        (d.registrationStatus === 'none' || d.registrationStatus === 'returned') && (d.mine || registrar) ? (
                          <Button size="small" onClick={() => { setDealForm(d); form.setFieldsValue({ contractTitle: d.title, amount: d.amount }); }}>
                            申请登记
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
            label: registrar ? '待登记申请' : '我的登记申请',
            children: (
              <Card>
                <Table
                  rowKey="id"
                  loading={regs.isLoading}
                  dataSource={regs.data?.items ?? []}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: '合同名称', dataIndex: 'contractTitle' },
                    { title: '类型', dataIndex: 'contractTypeName' },
                    { title: '合同成交额', dataIndex: 'amount', render: (v: number) => formatYuan(v) },
                    { title: '非技术性费用', dataIndex: 'nonTechnical', render: (v: number) => formatYuan(v) },
                    { title: '技术交易额', dataIndex: 'technicalIncome', render: (v: number | null) => (v === null ? '—' : formatYuan(v)) },
                    { title: '状态', dataIndex: 'status', render: (s: keyof typeof REGISTRATION_STATUS_NAMES, r) => <>{REGISTRATION_STATUS_NAMES[s]}{r.returnReasons.length ? `：${r.returnReasons.join('；')}` : ''}</> },
                    {
                      title: '登记号',
                      dataIndex: 'registrationNo',
                      render: (no: string | null, r) =>
                        no ? (
                          <Space size={4} wrap>
                            <span>{no}</span>
                            <Button size="small" type="link" onClick={() => downloadRegistrationCertificate(r.id, no).catch((err: unknown) => message.error(errorMessage(err)))}>
                              登记证明
                            </Button>
                          </Space>
                        ) : null,
                    },
                    ...(registrar
                      ? [
                          {
                            title: '操作',
                            key: 'a',
                            render: (_: unknown, r: { id: number; status: string }) =>
                              r.status === 'submitted' ? (
                                <Space>
                                  <Button size="small" type="primary" onClick={() => void act({ id: r.id, decision: 'register' })}>
                                    认定登记
                                  </Button>
                                  <Button size="small" onClick={() => void act({ id: r.id, decision: 'return', reasons: ['材料不全，请补充合同附件'] })}>
                                    退回
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
      <Modal title="申请技术合同认定登记" open={dealForm !== null} onCancel={() => setDealForm(null)} onOk={() => form.submit()} confirmLoading={submit.isPending}>
        <Form form={form} layout="vertical" onFinish={onSubmit}>
          <Form.Item name="contractType" label="合同类型" rules={[{ required: true }]}>
            <Select options={CONTRACT_TYPES.map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="contractTitle" label="合同名称" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="amount" label="合同成交额（元）" rules={[{ required: true }]}>
            <MoneyInput min={0.01} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="nonTechnical" label="非技术性费用（设备、材料等，元）">
            <MoneyInput style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
