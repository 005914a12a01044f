import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { businessDayjs } from '../../../lib/business-clock';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { renderMoney, renderWan } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { StatusTag } from '../../../components/StatusTag';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
import { formatYuan } from '../../../lib/format';
import { useDistricts } from '../../../lib/reference/get-districts';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useAppropriate, type AppropriationInput, type CreateFundInput, type FundStatusInput, type MovementInput, type OverseasInput, type OverseasReturnInput, useApproveMovement, useCreateFund, useCreateOverseas, useFundStatus, useRejectMovement, useRequestMovement, useReturnOverseas } from '../api/mutations';
import { useFundStats, useManagers, useMovements, useOverseas, usePartnerFunds, useProgrammes, useReports, type Movement, type OverseasProject, type PartnerFund, type ReportSummary } from '../api/queries';
import { DEFAULT_OVERSEAS_COUNTRY, INDUSTRIES, PROGRAMME_KEYS } from '../constants';
import { industryMessages } from '../../enterprises/messages';
import { FundCharts } from './FundCharts';
import { fundsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
/** A request body as the form holds it: its dates as Dayjs. */
type Dated<T, K extends keyof T> = Omit<T, K> & Record<K, Dayjs>;
type Programme = 'guidance' | 'angel';
const STAT = { fontSize: 20 };

/** 引导基金: the bureau's officers (and, read-only, the admin, the auditor and the finance office) run the two fund programmes. */
export default function FundsOfficePage() {
  const t = useMessages(fundsMessages);
  const me = useSession();
  const isOfficer = hasAnyRole(me, ['city_officer']);
  const isChecker = hasAnyRole(me, ['city_officer', 'finance_officer']);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'funds';
  return (
    <>
      <PageTitle title={t('funds.office.title')}>
        <Typography.Text type="secondary">{t('funds.office.subtitle')}{isOfficer ? '' : t('funds.readOnly')}</Typography.Text>
      </PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'funds', label: t('funds.partnerFund'), children: <FundsTab isOfficer={isOfficer} /> },
          { key: 'movements', label: t('funds.tab.flows'), children: <MovementsTab isChecker={isChecker} myId={me.user.id} /> },
          { key: 'reports', label: t('funds.tab.reports'), children: <ReportsTab /> },
          { key: 'overseas', label: t('funds.tab.overseas'), children: <OverseasTab isOfficer={isOfficer} /> },
          { key: 'charts', label: t('funds.tab.charts'), children: <ChartsTab /> },
        ]}
      />
    </>
  );
}

function FundsTab({ isOfficer }: { isOfficer: boolean }) {
  const t = useMessages(fundsMessages);
  const [programme, setProgramme] = useState<Programme | undefined>();
  const [status, setStatus] = useState<PartnerFund['status'] | undefined>();
  const programmes = useProgrammes();
  const funds = usePartnerFunds({ ...(programme ? { programme } : {}), ...(status ? { status } : {}) });
  const [creating, setCreating] = useState(false);
  const [appropriating, setAppropriating] = useState<Programme | null>(null);
  const [moving, setMoving] = useState<PartnerFund | null>(null);
  const [changing, setChanging] = useState<PartnerFund | null>(null);
  const columns: DataColumn<PartnerFund>[] = [
    { key: 'name', title: t('funds.fundName'), dataIndex: 'name', width: 320, fixed: 'left', render: (v: string, r) => <Space direction="vertical" size={0}><span>{v}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.programmeName} · {r.managerName}</Typography.Text></Space> },
    { key: 'districtName', title: t('funds.district'), dataIndex: 'districtName', width: 90, render: (v: string | null) => v ?? '—' },
    { key: 'scale', title: t('funds.subscribed'), dataIndex: 'scale', align: 'right', width: 130, render: renderWan },
    { key: 'commitment', title: t('funds.guidanceShare'), dataIndex: 'commitment', align: 'right', width: 170, render: (v: number, r) => <>{renderWan(v)}（{r.share}%）</> },
    { key: 'paidIn', title: t('funds.paidIn'), dataIndex: 'paidIn', align: 'right', width: 120, render: renderWan },
    { key: 'uncalled', title: t('funds.uncalled'), dataIndex: 'uncalled', align: 'right', width: 120, render: renderWan },
    { key: 'returned', title: t('funds.returns'), dataIndex: 'returned', align: 'right', width: 110, render: renderWan },
    { key: 'investments', title: t('funds.investments'), dataIndex: 'investments', align: 'right', width: 90, render: (v: number, r) => t('funds.investedCount', { count: v, invested: formatYuan(r.invested) }) },
    { key: 'setUpOn', title: t('funds.establishedOn'), dataIndex: 'setUpOn', width: 110 },
    { key: 'statusName', title: t('funds.status'), dataIndex: 'statusName', width: 80, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    ...(isOfficer
      ? [
          {
            title: t('common.actions'),
            key: 'ops',
            width: 170,
            render: (_: unknown, r: PartnerFund) => (
              <Space size={4}>
                {r.status !== 'setting_up' || r.uncalled > 0 ? (
                  <Button size="small" onClick={() => setMoving(r)}>{t('funds.flow')}</Button>
                ) : null}
                {r.status !== 'exited' ? (
                  <Button size="small" onClick={() => setChanging(r)}>{t('funds.changeStatus')}</Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(programmes.data ?? []).map((p) => (
          <Col xs={24} xl={12} key={p.code}>
            <Card title={p.name} size="small" extra={isOfficer ? <Button size="small" onClick={() => setAppropriating(p.code)}>{t('funds.recordAppropriation')}</Button> : null}>
              <Row gutter={16}>
                <Col span={8}><Statistic title={t('funds.stat.activeFunds', { funds: p.funds })} value={p.activeFunds} suffix={t('funds.unit.funds')} valueStyle={STAT} /></Col>
                <Col span={8}><Statistic title={t('funds.subscribed')} value={formatYuan(p.scale)} valueStyle={STAT} /></Col>
                <Col span={8}><Statistic title={t('funds.stat.guidanceCommitted')} value={formatYuan(p.commitment)} valueStyle={STAT} /></Col>
                <Col span={8}><Statistic title={t('funds.stat.available')} value={formatYuan(p.available)} valueStyle={STAT} /></Col>
                <Col span={8}><Statistic title={t('funds.stat.paidIn')} value={formatYuan(p.paidIn)} valueStyle={STAT} /></Col>
                <Col span={8}><Statistic title={t('funds.stat.returns')} value={formatYuan(p.returned)} valueStyle={STAT} /></Col>
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('funds.programme')} style={{ width: 220 }} value={programme} onChange={setProgramme} options={Object.entries(PROGRAMME_KEYS).map(([value, key]) => ({ value, label: t(key) }))} />
        <Select allowClear placeholder={t('funds.status')} style={{ width: 140 }} value={status} onChange={setStatus} options={[{ value: 'setting_up', label: t('funds.status.settingUp') }, { value: 'active', label: t('funds.status.active') }, { value: 'exited', label: t('funds.status.exited') }]} />
        {isOfficer ? <Button type="primary" onClick={() => setCreating(true)}>{t('funds.create.title')}</Button> : null}
      </Space>
      <DataTable<PartnerFund> tableId="funds.office.funds" rowKey="id" size="small" columns={columns} query={funds} rows={funds.data} pagination={{ pageSize: 20, showTotal: (n) => t('funds.totalFunds', { n }) }} scroll={{ x: 1650 }} />
      {creating ? <CreateFundModal onClose={() => setCreating(false)} /> : null}
      {appropriating ? <AppropriateModal programme={appropriating} onClose={() => setAppropriating(null)} /> : null}
      {moving ? <MovementModal fund={moving} onClose={() => setMoving(null)} /> : null}
      {changing ? <StatusModal fund={changing} onClose={() => setChanging(null)} /> : null}
    </>
  );
}

function CreateFundModal({ onClose }: { onClose: () => void }) {
  const t = useMessages(fundsMessages);
  const { message } = App.useApp();
  const managers = useManagers();
  const districts = useDistricts();
  const create = useCreateFund();
  const submit = async (v: Dated<CreateFundInput, 'setUpOn'>) => {
    await create.mutateAsync({ ...v, setUpOn: day(v.setUpOn)!, registrationNo: v.registrationNo || null, districtId: v.districtId ?? null });
    void message.success(t('funds.create.done'));
  };
  return (
    <FormModal open title={t('funds.create.title')} okText={t('funds.register')} onSubmit={submit} onClose={onClose} width={640} initialValues={{ programme: 'guidance', status: 'setting_up' }}>
      <Form.Item name="programme" label={t('funds.programme')} rules={[{ required: true }]}>
        <Select options={Object.entries(PROGRAMME_KEYS).map(([value, key]) => ({ value, label: t(key) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('funds.fundName')} rules={[{ required: true, message: t('funds.create.enterName') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="managerOrgId" label={t('funds.manager')} rules={[{ required: true, message: t('funds.create.pickManager') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={(managers.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="registrationNo" label={t('funds.create.regNo')}>
          <Input maxLength={30} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="districtId" label={t('funds.district')}>
          <Select allowClear style={{ width: 160 }} options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="scale" label={t('funds.subscribed')} rules={[{ required: true, message: t('funds.create.enterSubscribed') }]}>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="commitment" label={t('funds.create.guidanceCommitment')} rules={[{ required: true, message: t('funds.create.enterGuidance') }]}>
          <MoneyInput />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="setUpOn" label={t('funds.establishedOn')} rules={[{ required: true, message: t('funds.create.pickEstablished') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="status" label={t('funds.status')} rules={[{ required: true }]}>
          <Select style={{ width: 140 }} options={[{ value: 'setting_up', label: t('funds.status.settingUp') }, { value: 'active', label: t('funds.status.active') }]} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

function AppropriateModal({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const t = useMessages(fundsMessages);
  const { message } = App.useApp();
  const appropriate = useAppropriate();
  const submit = async (v: Dated<AppropriationInput, 'valueDate'>) => {
    await appropriate.mutateAsync({ code: programme, body: { amount: v.amount, valueDate: day(v.valueDate)!, memo: v.memo || null } });
    void message.success(t('funds.appropriation.done'));
  };
  return (
    <FormModal open title={t('funds.appropriation.title', { programme: t(PROGRAMME_KEYS[programme]) })} okText={t('funds.register')} onSubmit={submit} onClose={onClose}>
      <Form.Item name="amount" label={t('funds.appropriation.amount')} rules={[{ required: true, message: t('funds.enterAmount') }]}>
        <MoneyInput />
      </Form.Item>
      <Form.Item name="valueDate" label={t('funds.appropriation.paidOn')} rules={[{ required: true, message: t('funds.pickDate') }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="memo" label={t('funds.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function MovementModal({ fund, onClose }: { fund: PartnerFund; onClose: () => void }) {
  const t = useMessages(fundsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const request = useRequestMovement();
  const kind = Form.useWatch('kind', form) as 'call' | 'distribution' | undefined;
  const submit = async (v: Dated<MovementInput, 'valueDate'>) => {
    await request.mutateAsync({ id: fund.id, body: { kind: v.kind, amount: v.amount, valueDate: day(v.valueDate)!, memo: v.memo || null } });
    void message.success(t('funds.flow.submitted'));
  };
  return (
    <FormModal open title={t('funds.flow.title', { name: fund.name })} okText={t('funds.flow.submit')} onSubmit={submit} onClose={onClose} form={form} initialValues={{ kind: fund.status === 'setting_up' ? 'call' : 'call', valueDate: businessDayjs() }}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('funds.flow.summary', { commitment: formatYuan(fund.commitment), paidIn: formatYuan(fund.paidIn), uncalled: formatYuan(fund.uncalled) })} />
      <Form.Item name="kind" label={t('funds.kind')} rules={[{ required: true }]}>
        <Select options={[{ value: 'call', label: t('funds.flow.contribution') }, { value: 'distribution', label: t('funds.flow.return') }]} />
      </Form.Item>
      <Form.Item name="amount" label={kind === 'distribution' ? t('funds.flow.returnAmount') : t('funds.flow.contributionAmount')} rules={[{ required: true, message: t('funds.enterAmount') }]}>
        <MoneyInput />
      </Form.Item>
      <Form.Item name="valueDate" label={t('funds.date')} rules={[{ required: true, message: t('funds.pickDate') }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="memo" label={t('funds.note')}>
        <Input maxLength={200} placeholder={t('funds.flow.notePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

function StatusModal({ fund, onClose }: { fund: PartnerFund; onClose: () => void }) {
  const t = useMessages(fundsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const change = useFundStatus();
  const status = Form.useWatch('status', form) as PartnerFund['status'] | undefined;
  const submit = async (v: { status: FundStatusInput['status']; exitedOn?: Dayjs }) => {
    await change.mutateAsync({ id: fund.id, body: { status: v.status, exitedOn: day(v.exitedOn) ?? null, version: fund.version } });
    void message.success(t('funds.status.changed'));
  };
  const options: { value: FundStatusInput['status']; label: string }[] = fund.status === 'setting_up' ? [{ value: 'active', label: t('funds.status.active') }, { value: 'exited', label: t('funds.status.exited') }] : [{ value: 'exited', label: t('funds.status.exited') }];
  return (
    <FormModal open title={t('funds.status.title', { name: fund.name })} okText={t('funds.ok')} onSubmit={submit} onClose={onClose} form={form} initialValues={{ status: options[0].value }}>
      <Form.Item name="status" label={t('funds.status.new')} rules={[{ required: true }]}>
        <Select options={options} />
      </Form.Item>
      {status === 'exited' ? (
        <>
          <Form.Item name="exitedOn" label={t('funds.exitedOn')} rules={[{ required: true, message: t('funds.status.pickExitDate') }]}>
            <DatePicker />
          </Form.Item>
          <Alert type="warning" showIcon message={t('funds.status.exitNote', { uncalled: formatYuan(fund.uncalled) })} />
        </>
      ) : null}
    </FormModal>
  );
}

function MovementsTab({ isChecker, myId }: { isChecker: boolean; myId: number }) {
  const t = useMessages(fundsMessages);
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<Movement['status'] | undefined>('pending');
  const list = useMovements(status ? { status } : {});
  const approve = useApproveMovement();
  const reject = useRejectMovement();
  const [rejecting, setRejecting] = useState<Movement | null>(null);
  const [comment, setComment] = useState('');
  const columns: DataColumn<Movement>[] = [
    { key: 'valueDate', title: t('funds.date'), dataIndex: 'valueDate', width: 110 },
    { key: 'fundName', title: t('funds.partnerFund'), dataIndex: 'fundName' },
    { key: 'kindName', title: t('funds.kind'), dataIndex: 'kindName', width: 120 },
    { key: 'amount', title: t('funds.amount'), dataIndex: 'amount', align: 'right', width: 150, render: renderMoney },
    { key: 'memo', title: t('funds.note'), dataIndex: 'memo', render: (v: string | null) => v ?? '—' },
    { key: 'requestedBy', title: t('funds.maker'), dataIndex: 'requestedBy', width: 110, render: (v: string | null) => v ?? '—' },
    { key: 'reviewedBy', title: t('funds.review'), dataIndex: 'reviewedBy', width: 110, render: (v: string | null, r) => (r.reviewComment ? `${v ?? ''}：${r.reviewComment}` : (v ?? '—')) },
    { key: 'statusName', title: t('funds.status'), dataIndex: 'statusName', width: 90, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    ...(isChecker
      ? [
          {
            title: t('funds.review'),
            key: 'ops',
            width: 150,
            render: (_: unknown, r: Movement) =>
              r.status === 'pending' ? (
                <Space size={4}>
                  <Button
                    size="small"
                    type="primary"
                    disabled={r.requestedById === myId}
                    title={r.requestedById === myId ? t('funds.review.ownRequest') : undefined}
                    onClick={() =>
                      modal.confirm({
                        title: t('funds.review.confirm', { fundName: r.fundName, kindName: r.kindName, amount: formatYuan(r.amount) }),
                        onOk: () => approve.mutateAsync(r.id).then(() => message.success(t('funds.review.posted')), (err: unknown) => message.error(err instanceof Error ? err.message : String(err))),
                      })
                    }
                  >
                    {t('funds.approve')}
                  </Button>
                  <Button size="small" danger onClick={() => { setRejecting(r); setComment(''); }}>{t('funds.return')}</Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('funds.status')} style={{ width: 140 }} value={status} onChange={setStatus} options={[{ value: 'pending', label: t('funds.review.pending') }, { value: 'posted', label: t('funds.review.posted') }, { value: 'rejected', label: t('funds.review.returned') }]} />
        {isChecker ? <Typography.Text type="secondary">{t('funds.review.rule')}</Typography.Text> : null}
      </Space>
      <DataTable<Movement> tableId="funds.office.movements" rowKey="id" size="small" columns={columns} query={list} rows={list.data} pagination={{ pageSize: 20 }} />
      <Modal
        open={rejecting !== null}
        title={t('funds.review.returnTitle')}
        okText={t('funds.return')}
        okButtonProps={{ danger: true, disabled: comment.trim() === '' }}
        onCancel={() => setRejecting(null)}
        onOk={() =>
          reject.mutateAsync({ id: rejecting!.id, comment }).then(
            () => { message.success(t('funds.review.returned')); setRejecting(null); },
            (err: unknown) => message.error(err instanceof Error ? err.message : String(err)),
          )
        }
      >
        <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('funds.review.returnReason')} maxLength={500} />
      </Modal>
    </>
  );
}

function ReportsTab() {
  const t = useMessages(fundsMessages);
  const [status, setStatus] = useState<string | undefined>('submitted');
  const list = useReports({ limit: 500, ...(status ? { status: status as never } : {}) });
  const columns: DataColumn<ReportSummary>[] = [
    { title: t('funds.quarter'), key: 'q', width: 120, render: (_, r) => t('funds.yearQuarter', { year: r.year, quarter: r.quarter }) },
    { key: 'fundName', title: t('funds.partnerFund'), dataIndex: 'fundName', render: (v: string, r) => <Link to={`/funds/reports/${r.id}`}>{v}</Link> },
    { key: 'programme', title: t('funds.kind'), dataIndex: 'programme', width: 190, render: (v: Programme) => t(PROGRAMME_KEYS[v]) },
    { key: 'investments', title: t('funds.investmentCount'), dataIndex: 'investments', align: 'right', width: 90 },
    { key: 'invested', title: t('funds.investedAmount'), dataIndex: 'invested', align: 'right', width: 140, render: renderWan },
    { key: 'dueOn', title: t('funds.dueBy'), dataIndex: 'dueOn', width: 110, render: (v: string | null) => v ?? '—' },
    { key: 'statusName', title: t('funds.status'), dataIndex: 'statusName', width: 100, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    { title: '', key: 'open', width: 80, render: (_, r) => <Link to={`/funds/reports/${r.id}`}>{r.status === 'submitted' ? t('funds.report.review') : t('funds.view')}</Link> },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('funds.status')} style={{ width: 140 }} value={status} onChange={setStatus} options={[{ value: 'submitted', label: t('funds.report.submitted') }, { value: 'returned', label: t('funds.report.returned') }, { value: 'accepted', label: t('funds.report.accepted') }, { value: 'draft', label: t('funds.report.draft') }]} />
      </Space>
      <DataTable<ReportSummary> tableId="funds.office.reports" rowKey="id" size="small" columns={columns} query={list} rows={list.data} pagination={{ pageSize: 20, showTotal: (n) => t('funds.totalReports', { n }) }} />
    </>
  );
}

function OverseasTab({ isOfficer }: { isOfficer: boolean }) {
  const t = useMessages(fundsMessages);
  const list = useOverseas();
  const [creating, setCreating] = useState(false);
  const [returning, setReturning] = useState<OverseasProject | null>(null);
  const columns: DataColumn<OverseasProject>[] = [
    { key: 'name', title: t('funds.project'), dataIndex: 'name' },
    { title: t('funds.overseas.location'), key: 'where', width: 150, render: (_, r) => `${r.country}${r.city ? ` · ${r.city}` : ''}` },
    { key: 'field', title: t('funds.field'), dataIndex: 'field', width: 140 },
    { key: 'investedOn', title: t('funds.investedOn'), dataIndex: 'investedOn', width: 110 },
    { key: 'amount', title: t('funds.investedAmount'), dataIndex: 'amount', align: 'right', width: 130, render: renderWan },
    {
      title: t('funds.overseas.settled'),
      key: 'back',
      render: (_, r) =>
        r.returnedOn ? (
          <span>
            {r.returnedOn} · {r.returnedEnterpriseId ? <Link to={`/enterprises/${r.returnedEnterpriseId}`}>{r.returnedName}</Link> : r.returnedName}（{r.returnedDistrictName}）
          </span>
        ) : isOfficer ? (
          <Button size="small" onClick={() => setReturning(r)}>{t('funds.overseas.recordSettled')}</Button>
        ) : (
          '—'
        ),
    },
  ];
  const invested = list.data?.length ?? 0;
  const returned = list.data?.filter((o) => o.returnedOn).length ?? 0;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{t('funds.overseas.summary', { invested, returned })}</Typography.Text>
        {isOfficer ? <Button type="primary" onClick={() => setCreating(true)}>{t('funds.overseas.register')}</Button> : null}
      </Space>
      <DataTable<OverseasProject> tableId="funds.office.overseas" rowKey="id" size="small" columns={columns} query={list} rows={list.data} pagination={{ pageSize: 20 }} />
      {creating ? <OverseasModal onClose={() => setCreating(false)} /> : null}
      {returning ? <ReturnModal project={returning} onClose={() => setReturning(null)} /> : null}
    </>
  );
}

function OverseasModal({ onClose }: { onClose: () => void }) {
  const t = useMessages(fundsMessages);
  const industry = useMessages(industryMessages);
  const { message } = App.useApp();
  const create = useCreateOverseas();
  const submit = async (v: Dated<OverseasInput, 'investedOn'>) => {
    await create.mutateAsync({ ...v, city: v.city || null, investedOn: day(v.investedOn)! });
    void message.success(t('funds.overseas.registered'));
  };
  return (
    <FormModal open title={t('funds.overseas.title')} okText={t('funds.register')} onSubmit={submit} onClose={onClose} initialValues={{ country: DEFAULT_OVERSEAS_COUNTRY }}>
      <Form.Item name="name" label={t('funds.projectName')} rules={[{ required: true, message: t('funds.overseas.enterName') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="country" label={t('funds.overseas.country')} rules={[{ required: true, message: t('funds.overseas.enterCountry') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="city" label={t('funds.overseas.city')}>
          <Input maxLength={40} />
        </Form.Item>
      </Space>
      <Form.Item name="field" label={t('funds.field')} rules={[{ required: true, message: t('funds.overseas.pickField') }]}>
        <Select options={INDUSTRIES.map((v) => ({ value: v, label: industry(v) }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="investedOn" label={t('funds.investedOn')} rules={[{ required: true, message: t('funds.pickDate') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="amount" label={t('funds.overseas.amountRmb')} rules={[{ required: true, message: t('funds.enterAmount') }]}>
          <MoneyInput />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

function ReturnModal({ project, onClose }: { project: OverseasProject; onClose: () => void }) {
  const t = useMessages(fundsMessages);
  const { message } = App.useApp();
  const districts = useDistricts();
  const back = useReturnOverseas();
  const submit = async (v: Omit<Dated<OverseasReturnInput, 'returnedOn'>, 'version'>) => {
    await back.mutateAsync({ id: project.id, body: { returnedOn: day(v.returnedOn)!, returnedName: v.returnedName, uscc: v.uscc || null, districtId: v.districtId ?? null, version: project.version } });
    void message.success(t('funds.overseas.settledDone'));
  };
  return (
    <FormModal open title={t('funds.overseas.settleTitle', { name: project.name })} okText={t('funds.register')} onSubmit={submit} onClose={onClose}>
      <Form.Item name="returnedOn" label={t('funds.overseas.settledOn')} rules={[{ required: true, message: t('funds.pickDate') }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="returnedName" label={t('funds.overseas.company')} rules={[{ required: true, message: t('funds.enterCompany') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="uscc" label={t('funds.overseas.creditCode')}>
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="districtId" label={t('funds.overseas.district')}>
        <Select allowClear options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
    </FormModal>
  );
}

function ChartsTab() {
  const t = useMessages(fundsMessages);
  const [year, setYear] = useState<number | null>(null);
  const stats = useFundStats(year ?? undefined);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <span>{t('funds.chart.asOfYear')}</span>
        <InputNumber min={2009} max={2100} value={year} onChange={(v) => setYear(v)} placeholder={t('funds.chart.thisYear')} />
      </Space>
      <FundCharts stats={stats.data} />
    </>
  );
}
