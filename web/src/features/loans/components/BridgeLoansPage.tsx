import { Alert, Button, Card, Form, Input, InputNumber, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useMessages } from '../../../lib/i18n';
import { loansMessages } from '../messages';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useBridgeLoans, useBridgePool, useCreateBridgeLoan, type BridgeInput, type BridgeList } from '../api/bridge';
import { PoolCard } from './CasePanels';

type Row = BridgeList['items'][number];
const COLOR: Record<string, string> = { disbursed: 'blue', repaid: 'green', repaid_late: 'orange', rejected: 'red' };

/** 融资周转金: a firm's own bridge loans, or the bureau's worklist with the revolving pool's balances. */
export default function BridgeLoansPage() {
  const t = useMessages(loansMessages);
  const me = useSession();
  const navigate = useNavigate();
  const isFirm = hasAnyRole(me, ['enterprise_user']);
  const isBureau = hasAnyRole(me, ['city_officer', 'district_officer', 'auditor', 'city_admin']);
  const [year, setYear] = useState<number | undefined>(2016);
  const [mine, setMine] = useState(hasAnyRole(me, ['city_officer', 'district_officer']));
  const [page, setPage] = useState(1);
  const list = useBridgeLoans({ year, mine: mine ? 'true' : undefined, limit: 20, offset: (page - 1) * 20 });
  const pool = useBridgePool(isBureau);
  const create = useCreateBridgeLoan();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<BridgeInput>();
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <>
      <PageTitle title={t('loans.bridge.title')} extra={isFirm ? <Button type="primary" onClick={() => setOpen(true)}>{t('loans.bridge.apply')}</Button> : null}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('loans.bridge.intro')}
        </Typography.Paragraph>
      </PageTitle>
      {isBureau ? <PoolCard pool={pool.data} /> : null}
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Segmented value={year ?? 0} options={[{ value: 2016, label: '2016' }, { value: 2015, label: '2015' }, { value: 0, label: t('loans.yearAll') }]} onChange={(v) => { setYear(v === 0 ? undefined : (v as number)); setPage(1); }} />
          {!isFirm ? <Segmented value={mine ? 'mine' : 'all'} options={[{ value: 'mine', label: t('loans.mine') }, { value: 'all', label: t('loans.all') }]} onChange={(v) => { setMine(v === 'mine'); setPage(1); }} /> : null}
        </Space>
        {list.error ? <Alert type="error" message={errorMessage(list.error)} /> : null}
        <Table<Row>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('loans.id'), dataIndex: 'id', render: (id: number) => <Link to={`/loans/bridge/${id}`}>{id}</Link> },
            { title: t('loans.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('loans.district'), dataIndex: 'districtName' },
            { title: t('loans.bridge.bank'), dataIndex: 'bank' },
            { title: t('loans.bridge.requestedYuan'), dataIndex: 'requested', align: 'right', render: renderMoney },
            { title: t('loans.bridge.approvedYuan'), dataIndex: 'approved', align: 'right', render: renderMoney },
            { title: t('loans.bridge.disbursedOn'), dataIndex: 'disbursedOn', render: (d: string | null) => d ?? '—' },
            { title: t('loans.bridge.repayBy'), dataIndex: 'repayBy', render: (d: string | null, r) => (d ? <span style={r.overdue ? { color: '#cf1322' } : undefined}>{d}{r.overdue ? t('loans.overdueSuffix') : ''}</span> : '—') },
            { title: t('loans.status'), dataIndex: 'statusName', render: (s: string, r) => <Tag color={COLOR[r.status] ?? 'processing'}>{s}</Tag> },
          ]}
        />
      </Card>
      <Modal title={t('loans.bridge.applyTitle')} open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('loans.saveDraft')} confirmLoading={create.isPending} destroyOnHidden>
        <Form<BridgeInput>
          form={form}
          layout="vertical"
          initialValues={{ termDays: 60 }}
          onFinish={(v) =>
            create.mutate(v, {
              onSuccess: (c) => navigate(`/loans/bridge/${c.id}`),
              onError: (err) => {
                if (err instanceof ApiError) {
                  form.setFields(err.fields.map((f) => ({ name: f.field as never, errors: [f.message] })));
                }
                setProblem(errorMessage(err));
              },
            })
          }
        >
          <Form.Item name="bank" label={t('loans.bridge.bank')} rules={[{ required: true, message: t('loans.bridge.bankRequired') }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="bankLoanNo" label={t('loans.bridge.loanNoField')} rules={[{ required: true, message: t('loans.bridge.loanNoRequired') }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="amount" label={t('loans.bridge.requestedYuan')} rules={[{ required: true, message: t('loans.bridge.requestedRequired') }]}><InputNumber min={0} step={100000} precision={2} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="termDays" label={t('loans.bridge.termDays')} rules={[{ required: true, message: t('loans.bridge.termDaysRequired') }]}><InputNumber min={1} max={90} precision={0} /></Form.Item>
          <Form.Item name="purpose" label={t('loans.bridge.purposeField')}><Input.TextArea rows={2} maxLength={300} /></Form.Item>
        </Form>
        {problem ? <Alert type="error" showIcon message={problem} /> : null}
      </Modal>
    </>
  );
}
