import { Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { StatusTag } from '../../../components/StatusTag';
import { useMessages } from '../../../lib/i18n';
import { loansMessages } from '../messages';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useBridgeLoans, useBridgePool, useCreateBridgeLoan, type BridgeInput, type BridgeList } from '../api/bridge';
import { PoolCard, YearMineFilters } from './CasePanels';

type Row = BridgeList['items'][number];

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

  const columns: DataColumn<Row>[] = [
    { key: 'id', title: t('loans.id'), dataIndex: 'id', render: (id: number) => <Link to={`/loans/bridge/${id}`}>{id}</Link> },
    { key: 'enterprise', title: t('loans.enterprise'), dataIndex: 'enterpriseName' },
    { key: 'district', title: t('loans.district'), dataIndex: 'districtName' },
    { key: 'bank', title: t('loans.bridge.bank'), dataIndex: 'bank' },
    { key: 'requested', title: t('loans.bridge.requestedYuan'), dataIndex: 'requested', align: 'right', render: renderMoney },
    { key: 'approved', title: t('loans.bridge.approvedYuan'), dataIndex: 'approved', align: 'right', render: renderMoney },
    { key: 'disbursedOn', title: t('loans.bridge.disbursedOn'), dataIndex: 'disbursedOn', render: (d: string | null) => d ?? '—' },
    { key: 'repayBy', title: t('loans.bridge.repayBy'), dataIndex: 'repayBy', render: (d: string | null, r) => (d ? <span style={r.overdue ? { color: '#cf1322' } : undefined}>{d}{r.overdue ? t('loans.overdueSuffix') : ''}</span> : '—') },
    { key: 'status', title: t('loans.status'), dataIndex: 'statusName', render: (s: string, r) => <StatusTag status={r.status} name={s} /> },
  ];

  return (
    <>
      <PageTitle title={t('loans.bridge.title')} extra={isFirm ? <Button type="primary" onClick={() => setOpen(true)}>{t('loans.bridge.apply')}</Button> : null}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('loans.bridge.intro')}
        </Typography.Paragraph>
      </PageTitle>
      {isBureau ? <PoolCard pool={pool.data} /> : null}
      <Card>
        <DataTable<Row>
          tableId="loans.bridge"
          rowKey="id"
          columns={columns}
          query={list}
          rows={list.data?.items}
          filters={<YearMineFilters year={year} mine={mine} showMine={!isFirm} onYear={(y) => { setYear(y); setPage(1); }} onMine={(m) => { setMine(m); setPage(1); }} />}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        />
      </Card>
      <FormModal<BridgeInput>
        title={t('loans.bridge.applyTitle')}
        open={open}
        onClose={() => setOpen(false)}
        okText={t('loans.saveDraft')}
        initialValues={{ termDays: 60 }}
        onSubmit={async (v) => {
          const c = await create.mutateAsync(v);
          void navigate(`/loans/bridge/${c.id}`);
        }}
      >
        <Form.Item name="bank" label={t('loans.bridge.bank')} rules={[{ required: true, message: t('loans.bridge.bankRequired') }]}><Input maxLength={60} /></Form.Item>
        <Form.Item name="bankLoanNo" label={t('loans.bridge.loanNoField')} rules={[{ required: true, message: t('loans.bridge.loanNoRequired') }]}><Input maxLength={60} /></Form.Item>
        <Form.Item name="amount" label={t('loans.bridge.requestedYuan')} rules={[{ required: true, message: t('loans.bridge.requestedRequired') }]}><MoneyInput step={100000} wanHint /></Form.Item>
        <Form.Item name="termDays" label={t('loans.bridge.termDays')} rules={[{ required: true, message: t('loans.bridge.termDaysRequired') }]}><InputNumber min={1} max={90} precision={0} /></Form.Item>
        <Form.Item name="purpose" label={t('loans.bridge.purposeField')}><Input.TextArea rows={2} maxLength={300} /></Form.Item>
      </FormModal>
    </>
  );
}
