import { Button, Card, Form, Input, InputNumber, Radio, Typography } from 'antd';
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
import { useCreateGuarantee, useGuaranteePool, useGuarantees, type GuaranteeInput, type GuaranteeList } from '../api/guarantees';
import { PoolCard, YearMineFilters } from './CasePanels';

type Row = GuaranteeList['items'][number];

/** 政策性担保与助保贷（《杭州市科技型小微企业“助保贷”管理办法》）: applications, guarantees in force, defaults and compensation. */
export default function GuaranteesPage() {
  const t = useMessages(loansMessages);
  const me = useSession();
  const navigate = useNavigate();
  const isFirm = hasAnyRole(me, ['enterprise_user']);
  const isBureau = hasAnyRole(me, ['city_officer', 'district_officer', 'auditor', 'city_admin']);
  const [year, setYear] = useState<number | undefined>(2016);
  const [mine, setMine] = useState(hasAnyRole(me, ['city_officer', 'district_officer']));
  const [page, setPage] = useState(1);
  const list = useGuarantees({ year, mine: mine ? 'true' : undefined, limit: 20, offset: (page - 1) * 20 });
  const pool = useGuaranteePool(isBureau);
  const create = useCreateGuarantee();
  const [open, setOpen] = useState(false);

  const columns: DataColumn<Row>[] = [
    { key: 'id', title: t('loans.id'), dataIndex: 'id', render: (id: number) => <Link to={`/loans/guarantees/${id}`}>{id}</Link> },
    { key: 'type', title: t('loans.guarantees.type'), dataIndex: 'typeName' },
    { key: 'enterprise', title: t('loans.enterprise'), dataIndex: 'enterpriseName' },
    { key: 'district', title: t('loans.district'), dataIndex: 'districtName' },
    { key: 'bank', title: t('loans.guarantees.bank'), dataIndex: 'bank' },
    { key: 'amount', title: t('loans.guarantees.amountYuan'), dataIndex: 'amount', align: 'right', render: renderMoney },
    { key: 'termMonths', title: t('loans.guarantees.termMonths'), dataIndex: 'termMonths' },
    { key: 'startsOn', title: t('loans.guarantees.startsOn'), dataIndex: 'startsOn', render: (d: string | null) => d ?? '—' },
    { key: 'endsOn', title: t('loans.guarantees.endsOn'), dataIndex: 'endsOn', render: (d: string | null) => d ?? '—' },
    { key: 'status', title: t('loans.status'), dataIndex: 'statusName', render: (s: string, r) => <StatusTag status={r.status} name={s} /> },
  ];

  return (
    <>
      <PageTitle title={t('loans.guarantees.title')} extra={isFirm ? <Button type="primary" onClick={() => setOpen(true)}>{t('loans.guarantees.apply')}</Button> : null}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('loans.guarantees.intro')}
        </Typography.Paragraph>
      </PageTitle>
      {isBureau ? <PoolCard pool={pool.data} /> : null}
      <Card>
        <DataTable<Row>
          tableId="loans.guarantees"
          rowKey="id"
          columns={columns}
          query={list}
          rows={list.data?.items}
          filters={<YearMineFilters year={year} mine={mine} showMine={!isFirm} onYear={(y) => { setYear(y); setPage(1); }} onMine={(m) => { setMine(m); setPage(1); }} />}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        />
      </Card>
      <FormModal<GuaranteeInput>
        title={t('loans.guarantees.applyTitle')}
        open={open}
        onClose={() => setOpen(false)}
        okText={t('loans.saveDraft')}
        initialValues={{ scheme: 'policy', termMonths: 12, feeRate: 1.5 }}
        onSubmit={async (v) => {
          const c = await create.mutateAsync(v);
          void navigate(`/loans/guarantees/${c.id}`);
        }}
      >
        <Form.Item name="scheme" label={t('loans.guarantees.type')}><Radio.Group options={[{ value: 'policy', label: t('loans.guarantees.policy') }, { value: 'zhubaodai', label: t('loans.guarantees.zhubaodai') }]} /></Form.Item>
        <Form.Item name="bank" label={t('loans.guarantees.lender')} rules={[{ required: true, message: t('loans.guarantees.lenderRequired') }]}><Input maxLength={60} /></Form.Item>
        <Form.Item name="amount" label={t('loans.guarantees.amountYuan')} rules={[{ required: true, message: t('loans.guarantees.amountRequired') }]}><MoneyInput step={100000} wanHint /></Form.Item>
        <Form.Item name="termMonths" label={t('loans.guarantees.loanTerm')} rules={[{ required: true }]}><InputNumber min={1} max={36} precision={0} /></Form.Item>
        <Form.Item name="feeRate" label={t('loans.guarantees.feeRateField')} rules={[{ required: true }]}><InputNumber min={0} max={3} step={0.1} precision={2} /></Form.Item>
      </FormModal>
    </>
  );
}
