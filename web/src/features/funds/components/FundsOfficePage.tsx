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
import { INDUSTRIES, PROGRAMME_NAMES } from '../constants';
import { FundCharts } from './FundCharts';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
/** A request body as the form holds it: its dates as Dayjs. */
type Dated<T, K extends keyof T> = Omit<T, K> & Record<K, Dayjs>;
type Programme = 'guidance' | 'angel';
const STAT = { fontSize: 20 };

/** 引导基金: the bureau's officers (and, read-only, the admin, the auditor and the finance office) run the two fund programmes. */
export default function FundsOfficePage() {
  const me = useSession();
  const isOfficer = hasAnyRole(me, ['city_officer']);
  const isChecker = hasAnyRole(me, ['city_officer', 'finance_officer']);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'funds';
  return (
    <>
      <PageTitle title="引导基金">
        <Typography.Text type="secondary">创投引导基金与蒲公英天使投资引导基金：合作基金、阶段参股出资与回款、季度投资报告、硅谷孵化器海外项目{isOfficer ? '' : '（只读）'}</Typography.Text>
      </PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'funds', label: '合作基金', children: <FundsTab isOfficer={isOfficer} /> },
          { key: 'movements', label: '出资与回款', children: <MovementsTab isChecker={isChecker} myId={me.user.id} /> },
          { key: 'reports', label: '季度报告', children: <ReportsTab /> },
          { key: 'overseas', label: '海外项目', children: <OverseasTab isOfficer={isOfficer} /> },
          { key: 'charts', label: '图表', children: <ChartsTab /> },
        ]}
      />
    </>
  );
}

function FundsTab({ isOfficer }: { isOfficer: boolean }) {
  const [programme, setProgramme] = useState<Programme | undefined>();
  const [status, setStatus] = useState<PartnerFund['status'] | undefined>();
  const programmes = useProgrammes();
  const funds = usePartnerFunds({ ...(programme ? { programme } : {}), ...(status ? { status } : {}) });
  const [creating, setCreating] = useState(false);
  const [appropriating, setAppropriating] = useState<Programme | null>(null);
  const [moving, setMoving] = useState<PartnerFund | null>(null);
  const [changing, setChanging] = useState<PartnerFund | null>(null);
  const columns: DataColumn<PartnerFund>[] = [
    { key: 'name', title: '基金名称', dataIndex: 'name', width: 320, fixed: 'left', render: (v: string, r) => <Space direction="vertical" size={0}><span>{v}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.programmeName} · {r.managerName}</Typography.Text></Space> },
    { key: 'districtName', title: '注册区县', dataIndex: 'districtName', width: 90, render: (v: string | null) => v ?? '—' },
    { key: 'scale', title: '认缴规模', dataIndex: 'scale', align: 'right', width: 130, render: renderWan },
    { key: 'commitment', title: '引导基金认缴（占比）', dataIndex: 'commitment', align: 'right', width: 170, render: (v: number, r) => <>{renderWan(v)}（{r.share}%）</> },
    { key: 'paidIn', title: '已实缴', dataIndex: 'paidIn', align: 'right', width: 120, render: renderWan },
    { key: 'uncalled', title: '未缴承诺', dataIndex: 'uncalled', align: 'right', width: 120, render: renderWan },
    { key: 'returned', title: '回款', dataIndex: 'returned', align: 'right', width: 110, render: renderWan },
    { key: 'investments', title: '投资项目', dataIndex: 'investments', align: 'right', width: 90, render: (v: number, r) => `${v}个 / ${formatYuan(r.invested)}` },
    { key: 'setUpOn', title: '设立日期', dataIndex: 'setUpOn', width: 110 },
    { key: 'statusName', title: '状态', dataIndex: 'statusName', width: 80, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    ...(isOfficer
      ? [
          {
            title: '操作',
            key: 'ops',
            width: 170,
            render: (_: unknown, r: PartnerFund) => (
              <Space size={4}>
                {r.status !== 'setting_up' || r.uncalled > 0 ? (
                  <Button size="small" onClick={() => setMoving(r)}>出资/回款</Button>
                ) : null}
                {r.status !== 'exited' ? (
                  <Button size="small" onClick={() => setChanging(r)}>变更状态</Button>
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
            <Card title={p.name} size="small" extra={isOfficer ? <Button size="small" onClick={() => setAppropriating(p.code)}>登记财政拨款</Button> : null}>
              <Row gutter={16}>
                <Col span={8}><Statistic title={`存续合作基金（累计${p.funds}家）`} value={p.activeFunds} suffix="家" valueStyle={STAT} /></Col>
                <Col span={8}><Statistic title="认缴规模" value={formatYuan(p.scale)} valueStyle={STAT} /></Col>
                <Col span={8}><Statistic title="引导基金认缴" value={formatYuan(p.commitment)} valueStyle={STAT} /></Col>
                <Col span={8}><Statistic title="可用资金（未承诺）" value={formatYuan(p.available)} valueStyle={STAT} /></Col>
                <Col span={8}><Statistic title="已实缴出资" value={formatYuan(p.paidIn)} valueStyle={STAT} /></Col>
                <Col span={8}><Statistic title="累计回款" value={formatYuan(p.returned)} valueStyle={STAT} /></Col>
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="基金类别" style={{ width: 220 }} value={programme} onChange={setProgramme} options={Object.entries(PROGRAMME_NAMES).map(([value, label]) => ({ value, label }))} />
        <Select allowClear placeholder="状态" style={{ width: 140 }} value={status} onChange={setStatus} options={[{ value: 'setting_up', label: '设立中' }, { value: 'active', label: '存续' }, { value: 'exited', label: '已退出' }]} />
        {isOfficer ? <Button type="primary" onClick={() => setCreating(true)}>登记合作基金</Button> : null}
      </Space>
      <DataTable<PartnerFund> tableId="funds.office.funds" rowKey="id" size="small" columns={columns} query={funds} rows={funds.data} pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 只基金` }} scroll={{ x: 1650 }} />
      {creating ? <CreateFundModal onClose={() => setCreating(false)} /> : null}
      {appropriating ? <AppropriateModal programme={appropriating} onClose={() => setAppropriating(null)} /> : null}
      {moving ? <MovementModal fund={moving} onClose={() => setMoving(null)} /> : null}
      {changing ? <StatusModal fund={changing} onClose={() => setChanging(null)} /> : null}
    </>
  );
}

function CreateFundModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const managers = useManagers();
  const districts = useDistricts();
  const create = useCreateFund();
  const submit = async (v: Dated<CreateFundInput, 'setUpOn'>) => {
    await create.mutateAsync({ ...v, setUpOn: day(v.setUpOn)!, registrationNo: v.registrationNo || null, districtId: v.districtId ?? null });
    void message.success('已登记合作基金，引导基金认缴额已记入承诺');
  };
  return (
    <FormModal open title="登记合作基金" okText="登记" onSubmit={submit} onClose={onClose} width={640} initialValues={{ programme: 'guidance', status: 'setting_up' }}>
      <Form.Item name="programme" label="基金类别" rules={[{ required: true }]}>
        <Select options={Object.entries(PROGRAMME_NAMES).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="name" label="基金名称" rules={[{ required: true, message: '请填写基金名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="managerOrgId" label="基金管理人" rules={[{ required: true, message: '请选择基金管理人' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={(managers.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="registrationNo" label="登记编号（统一社会信用代码）">
          <Input maxLength={30} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="districtId" label="注册区县">
          <Select allowClear style={{ width: 160 }} options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="scale" label="认缴规模" rules={[{ required: true, message: '请填写认缴规模' }]}>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="commitment" label="引导基金认缴出资" rules={[{ required: true, message: '请填写引导基金认缴出资' }]}>
          <MoneyInput />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="setUpOn" label="设立日期" rules={[{ required: true, message: '请选择设立日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="status" label="状态" rules={[{ required: true }]}>
          <Select style={{ width: 140 }} options={[{ value: 'setting_up', label: '设立中' }, { value: 'active', label: '存续' }]} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

function AppropriateModal({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const { message } = App.useApp();
  const appropriate = useAppropriate();
  const submit = async (v: Dated<AppropriationInput, 'valueDate'>) => {
    await appropriate.mutateAsync({ code: programme, body: { amount: v.amount, valueDate: day(v.valueDate)!, memo: v.memo || null } });
    void message.success('已登记拨款');
  };
  return (
    <FormModal open title={`登记财政拨款：${PROGRAMME_NAMES[programme]}`} okText="登记" onSubmit={submit} onClose={onClose}>
      <Form.Item name="amount" label="拨款金额" rules={[{ required: true, message: '请填写金额' }]}>
        <MoneyInput />
      </Form.Item>
      <Form.Item name="valueDate" label="拨付日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="memo" label="说明">
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function MovementModal({ fund, onClose }: { fund: PartnerFund; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const request = useRequestMovement();
  const kind = Form.useWatch('kind', form) as 'call' | 'distribution' | undefined;
  const submit = async (v: Dated<MovementInput, 'valueDate'>) => {
    await request.mutateAsync({ id: fund.id, body: { kind: v.kind, amount: v.amount, valueDate: day(v.valueDate)!, memo: v.memo || null } });
    void message.success('已提交，待另一位经办人或计划财务处复核后入账');
  };
  return (
    <FormModal open title={`出资/回款申请：${fund.name}`} okText="提交复核" onSubmit={submit} onClose={onClose} form={form} initialValues={{ kind: fund.status === 'setting_up' ? 'call' : 'call', valueDate: businessDayjs() }}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`引导基金认缴 ${formatYuan(fund.commitment)}，已实缴 ${formatYuan(fund.paidIn)}，未缴承诺 ${formatYuan(fund.uncalled)}。申请入账前须经另一位经办人复核（制单人不能复核自己的申请）。`} />
      <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
        <Select options={[{ value: 'call', label: '实缴出资（从未缴承诺转为实缴）' }, { value: 'distribution', label: '分配/退出回款（基金向引导基金回款）' }]} />
      </Form.Item>
      <Form.Item name="amount" label={kind === 'distribution' ? '回款金额' : '出资金额'} rules={[{ required: true, message: '请填写金额' }]}>
        <MoneyInput />
      </Form.Item>
      <Form.Item name="valueDate" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="memo" label="说明">
        <Input maxLength={200} placeholder="如：第2期实缴出资" />
      </Form.Item>
    </FormModal>
  );
}

function StatusModal({ fund, onClose }: { fund: PartnerFund; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const change = useFundStatus();
  const status = Form.useWatch('status', form) as PartnerFund['status'] | undefined;
  const submit = async (v: { status: FundStatusInput['status']; exitedOn?: Dayjs }) => {
    await change.mutateAsync({ id: fund.id, body: { status: v.status, exitedOn: day(v.exitedOn) ?? null, version: fund.version } });
    void message.success('已变更基金状态');
  };
  const options: { value: FundStatusInput['status']; label: string }[] = fund.status === 'setting_up' ? [{ value: 'active', label: '存续' }, { value: 'exited', label: '已退出' }] : [{ value: 'exited', label: '已退出' }];
  return (
    <FormModal open title={`变更状态：${fund.name}`} okText="确定" onSubmit={submit} onClose={onClose} form={form} initialValues={{ status: options[0].value }}>
      <Form.Item name="status" label="新状态" rules={[{ required: true }]}>
        <Select options={options} />
      </Form.Item>
      {status === 'exited' ? (
        <>
          <Form.Item name="exitedOn" label="退出日期" rules={[{ required: true, message: '请选择退出日期' }]}>
            <DatePicker />
          </Form.Item>
          <Alert type="warning" showIcon message={`退出后未缴承诺额 ${formatYuan(fund.uncalled)} 释放回引导基金可用资金，不能再出资。`} />
        </>
      ) : null}
    </FormModal>
  );
}

function MovementsTab({ isChecker, myId }: { isChecker: boolean; myId: number }) {
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<Movement['status'] | undefined>('pending');
  const list = useMovements(status ? { status } : {});
  const approve = useApproveMovement();
  const reject = useRejectMovement();
  const [rejecting, setRejecting] = useState<Movement | null>(null);
  const [comment, setComment] = useState('');
  const columns: DataColumn<Movement>[] = [
    { key: 'valueDate', title: '日期', dataIndex: 'valueDate', width: 110 },
    { key: 'fundName', title: '合作基金', dataIndex: 'fundName' },
    { key: 'kindName', title: '类别', dataIndex: 'kindName', width: 120 },
    { key: 'amount', title: '金额', dataIndex: 'amount', align: 'right', width: 150, render: renderMoney },
    { key: 'memo', title: '说明', dataIndex: 'memo', render: (v: string | null) => v ?? '—' },
    { key: 'requestedBy', title: '制单', dataIndex: 'requestedBy', width: 110, render: (v: string | null) => v ?? '—' },
    { key: 'reviewedBy', title: '复核', dataIndex: 'reviewedBy', width: 110, render: (v: string | null, r) => (r.reviewComment ? `${v ?? ''}：${r.reviewComment}` : (v ?? '—')) },
    { key: 'statusName', title: '状态', dataIndex: 'statusName', width: 90, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    ...(isChecker
      ? [
          {
            title: '复核',
            key: 'ops',
            width: 150,
            render: (_: unknown, r: Movement) =>
              r.status === 'pending' ? (
                <Space size={4}>
                  <Button
                    size="small"
                    type="primary"
                    disabled={r.requestedById === myId}
                    title={r.requestedById === myId ? '本人提出的申请须由他人复核' : undefined}
                    onClick={() =>
                      modal.confirm({
                        title: `复核通过并入账：${r.fundName} ${r.kindName} ${formatYuan(r.amount)}？`,
                        onOk: () => approve.mutateAsync(r.id).then(() => message.success('已入账'), (err: unknown) => message.error(err instanceof Error ? err.message : String(err))),
                      })
                    }
                  >
                    通过
                  </Button>
                  <Button size="small" danger onClick={() => { setRejecting(r); setComment(''); }}>退回</Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="状态" style={{ width: 140 }} value={status} onChange={setStatus} options={[{ value: 'pending', label: '待复核' }, { value: 'posted', label: '已入账' }, { value: 'rejected', label: '已退回' }]} />
        {isChecker ? <Typography.Text type="secondary">制单人不能复核自己提出的申请（市科委另一位经办人或计划财务处复核）</Typography.Text> : null}
      </Space>
      <DataTable<Movement> tableId="funds.office.movements" rowKey="id" size="small" columns={columns} query={list} rows={list.data} pagination={{ pageSize: 20 }} />
      <Modal
        open={rejecting !== null}
        title="退回申请"
        okText="退回"
        okButtonProps={{ danger: true, disabled: comment.trim() === '' }}
        onCancel={() => setRejecting(null)}
        onOk={() =>
          reject.mutateAsync({ id: rejecting!.id, comment }).then(
            () => { message.success('已退回'); setRejecting(null); },
            (err: unknown) => message.error(err instanceof Error ? err.message : String(err)),
          )
        }
      >
        <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="退回理由（必填）" maxLength={500} />
      </Modal>
    </>
  );
}

function ReportsTab() {
  const [status, setStatus] = useState<string | undefined>('submitted');
  const list = useReports({ limit: 500, ...(status ? { status: status as never } : {}) });
  const columns: DataColumn<ReportSummary>[] = [
    { title: '季度', key: 'q', width: 120, render: (_, r) => `${r.year}年第${r.quarter}季度` },
    { key: 'fundName', title: '合作基金', dataIndex: 'fundName', render: (v: string, r) => <Link to={`/funds/reports/${r.id}`}>{v}</Link> },
    { key: 'programme', title: '类别', dataIndex: 'programme', width: 190, render: (v: Programme) => PROGRAMME_NAMES[v] },
    { key: 'investments', title: '投资笔数', dataIndex: 'investments', align: 'right', width: 90 },
    { key: 'invested', title: '投资金额', dataIndex: 'invested', align: 'right', width: 140, render: renderWan },
    { key: 'dueOn', title: '办理期限', dataIndex: 'dueOn', width: 110, render: (v: string | null) => v ?? '—' },
    { key: 'statusName', title: '状态', dataIndex: 'statusName', width: 100, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    { title: '', key: 'open', width: 80, render: (_, r) => <Link to={`/funds/reports/${r.id}`}>{r.status === 'submitted' ? '审核' : '查看'}</Link> },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="状态" style={{ width: 140 }} value={status} onChange={setStatus} options={[{ value: 'submitted', label: '待审核' }, { value: 'returned', label: '退回修改' }, { value: 'accepted', label: '已接受' }, { value: 'draft', label: '草稿' }]} />
      </Space>
      <DataTable<ReportSummary> tableId="funds.office.reports" rowKey="id" size="small" columns={columns} query={list} rows={list.data} pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 份` }} />
    </>
  );
}

function OverseasTab({ isOfficer }: { isOfficer: boolean }) {
  const list = useOverseas();
  const [creating, setCreating] = useState(false);
  const [returning, setReturning] = useState<OverseasProject | null>(null);
  const columns: DataColumn<OverseasProject>[] = [
    { key: 'name', title: '项目', dataIndex: 'name' },
    { title: '所在地', key: 'where', width: 150, render: (_, r) => `${r.country}${r.city ? ` · ${r.city}` : ''}` },
    { key: 'field', title: '领域', dataIndex: 'field', width: 140 },
    { key: 'investedOn', title: '投资日期', dataIndex: 'investedOn', width: 110 },
    { key: 'amount', title: '投资金额', dataIndex: 'amount', align: 'right', width: 130, render: renderWan },
    {
      title: '回杭落户',
      key: 'back',
      render: (_, r) =>
        r.returnedOn ? (
          <span>
            {r.returnedOn} · {r.returnedEnterpriseId ? <Link to={`/enterprises/${r.returnedEnterpriseId}`}>{r.returnedName}</Link> : r.returnedName}（{r.returnedDistrictName}）
          </span>
        ) : isOfficer ? (
          <Button size="small" onClick={() => setReturning(r)}>登记回杭落户</Button>
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
        <Typography.Text>杭州美国硅谷孵化器：累计孵化投资 {invested} 个海外项目，{returned} 个回杭落户</Typography.Text>
        {isOfficer ? <Button type="primary" onClick={() => setCreating(true)}>登记海外项目</Button> : null}
      </Space>
      <DataTable<OverseasProject> tableId="funds.office.overseas" rowKey="id" size="small" columns={columns} query={list} rows={list.data} pagination={{ pageSize: 20 }} />
      {creating ? <OverseasModal onClose={() => setCreating(false)} /> : null}
      {returning ? <ReturnModal project={returning} onClose={() => setReturning(null)} /> : null}
    </>
  );
}

function OverseasModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const create = useCreateOverseas();
  const submit = async (v: Dated<OverseasInput, 'investedOn'>) => {
    await create.mutateAsync({ ...v, city: v.city || null, investedOn: day(v.investedOn)! });
    void message.success('已登记海外项目');
  };
  return (
    <FormModal open title="登记海外投资项目" okText="登记" onSubmit={submit} onClose={onClose} initialValues={{ country: '美国' }}>
      <Form.Item name="name" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="country" label="国家/地区" rules={[{ required: true, message: '请填写国家/地区' }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="city" label="城市">
          <Input maxLength={40} />
        </Form.Item>
      </Space>
      <Form.Item name="field" label="领域" rules={[{ required: true, message: '请选择领域' }]}>
        <Select options={INDUSTRIES.map((v) => ({ value: v, label: v }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="investedOn" label="投资日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="amount" label="投资金额（折人民币）" rules={[{ required: true, message: '请填写金额' }]}>
          <MoneyInput />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

function ReturnModal({ project, onClose }: { project: OverseasProject; onClose: () => void }) {
  const { message } = App.useApp();
  const districts = useDistricts();
  const back = useReturnOverseas();
  const submit = async (v: Omit<Dated<OverseasReturnInput, 'returnedOn'>, 'version'>) => {
    await back.mutateAsync({ id: project.id, body: { returnedOn: day(v.returnedOn)!, returnedName: v.returnedName, uscc: v.uscc || null, districtId: v.districtId ?? null, version: project.version } });
    void message.success('已登记回杭落户');
  };
  return (
    <FormModal open title={`回杭落户：${project.name}`} okText="登记" onSubmit={submit} onClose={onClose}>
      <Form.Item name="returnedOn" label="落户日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="returnedName" label="落户企业名称" rules={[{ required: true, message: '请填写企业名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="uscc" label="统一社会信用代码（已在企业库登记的，关联企业档案）">
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="districtId" label="落户区县（未关联企业库时必填）">
        <Select allowClear options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
    </FormModal>
  );
}

function ChartsTab() {
  const [year, setYear] = useState<number | null>(null);
  const stats = useFundStats(year ?? undefined);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <span>截至年度</span>
        <InputNumber min={2009} max={2100} value={year} onChange={(v) => setYear(v)} placeholder="本年" />
      </Space>
      <FundCharts stats={stats.data} />
    </>
  );
}
