import { Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { Money } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { QueryFailure, failedTable } from '../../../components/QueryState';
import { businessDayjs } from '../../../lib/business-clock';
import { errorMessage } from '../../../lib/form-errors';
import { orDash } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useOpenApplication, type ApplicationForm } from '../api/applications';
import { useAddFirm, useCarrier, useEndFirm, useFirms, useUpdateCarrier, type CarrierDetail, type Firm } from '../api/carriers';
import { useRecommendNational } from '../api/national';
import { useSaveStats, type StatsFields } from '../api/stats';
import { GRADE_COLORS } from '../constants';
import { AssessDialog, AssessmentItems } from './AssessDialog';
import { APPLICATION_FIELDS, ApplicationFormFields } from './ApplicationFormFields';
import { CarrierForm } from './CarrierForm';
import { NationalTab } from './NationalTab';
import { showErrors } from './errors';
import { STATS_FIELD_NAMES, StatsFormFields } from './StatsFormFields';

/** One carrier: profile, recognitions, firms, applications, annual statistics and assessments. */
export default function CarrierDetailPage() {
  const id = Number(useParams().id);
  const me = useSession();
  const q = useCarrier(id);
  const isOperator = me.roles.includes('carrier_operator');
  const isOfficer = me.roles.includes('city_officer');
  const [dialog, setDialog] = useState<null | 'edit' | 'apply' | 'stats' | 'national' | 'assess'>(null);
  const update = useUpdateCarrier(id);
  if (q.isError) {
    return <QueryFailure query={q} />;
  }
  const c = q.data;
  if (!c) {
    return <Card loading />;
  }
  const live = c.recognitions.filter((r) => !r.revokedOn);
  const openApp = c.applications.some((a) => !['recognised', 'rejected'].includes(a.status));
  const canApply = isOperator && c.kind !== 'platform' && !c.exitedOn && !live.some((r) => r.level === 'municipal') && !openApp;
  return (
    <>
      <PageTitle
        title={c.name}
        extra={
          <>
            {isOperator ? <Button onClick={() => setDialog('edit')}>修改档案</Button> : null}
            {canApply ? (
              <Button type="primary" onClick={() => setDialog('apply')}>
                申请市级认定
              </Button>
            ) : null}
            {isOperator && c.kind !== 'platform' && !c.exitedOn ? <Button onClick={() => setDialog('stats')}>填报年度统计</Button> : null}
            {isOfficer && c.kind !== 'platform' && !c.exitedOn && live.some((r) => r.level === 'municipal') && !live.some((r) => r.level === 'national') ? <Button onClick={() => setDialog('national')}>推荐上报国家级</Button> : null}
            {isOfficer && !c.exitedOn ? <Button onClick={() => setDialog('assess')}>考核评分</Button> : null}
          </>
        }
      >
        <Space wrap>
          <Tag>{c.kindName}</Tag>
          {c.nationalSince ? <Tag color="gold">国家级（{c.nationalSince}起）</Tag> : null}
          {c.municipalSince ? <Tag color="green">市级（{c.municipalSince}起）</Tag> : null}
          {c.exitedOn ? <Tag color="red">已于{c.exitedOn}退出：{c.exitReason}</Tag> : null}
        </Space>
      </PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="运营机构">{c.operatorName}</Descriptions.Item>
          <Descriptions.Item label="所在区县">{c.districtName}</Descriptions.Item>
          <Descriptions.Item label="园区/小镇">{orDash(c.parkName)}</Descriptions.Item>
          <Descriptions.Item label="场地面积">{c.areaM2.toLocaleString('zh-CN')} 平方米</Descriptions.Item>
          <Descriptions.Item label="地址">{c.address}</Descriptions.Item>
          <Descriptions.Item label="成立日期">{orDash(c.foundedOn)}</Descriptions.Item>
          <Descriptions.Item label="服务内容">{c.services.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="负责人">{c.managers.map((m) => `${m.name}（${m.title}）`).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="在孵企业">
            在孵 {c.firms.inIncubation} 家 · 已毕业 {c.firms.graduated} 家 · 已退出 {c.firms.exited} 家（累计 {c.firms.total} 家）
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'rec', label: '认定记录', children: <Recognitions c={c} /> },
            ...(c.kind === 'platform' || isOperator ? [] : [{ key: 'national', label: '国家级推荐上报', children: <NationalTab carrierId={c.id} /> }]),
            { key: 'firms', label: '在孵企业', children: <Firms c={c} canEdit={isOperator && !c.exitedOn} /> },
            {
              key: 'apps',
              label: `认定申请（${c.applications.length}）`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.applications}
                  columns={[
                    { title: '年度', dataIndex: 'year', width: 80 },
                    { title: '申请', dataIndex: 'id', render: (v: number) => <Link to={`/carriers/applications/${v}`}>认定申请 #{v}</Link> },
                    { title: '状态', dataIndex: 'statusName', render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
                    { title: '证书编号', dataIndex: 'certificateNo', render: orDash },
                  ]}
                />
              ),
            },
            {
              key: 'stats',
              label: `年度统计（${c.stats.length}）`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.stats}
                  columns={[
                    { title: '统计年度', dataIndex: 'year', render: (v: number, r) => <Link to={`/carriers/stats/${r.id}`}>{v}年度统计报表</Link> },
                    { title: '状态', dataIndex: 'statusName', render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
                  ]}
                />
              ),
            },
            {
              key: 'assess',
              label: `考核（${c.assessments.length}）`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.assessments}
                  expandable={{ expandedRowRender: (a) => <AssessmentItems carrierKind={c.kind} assessment={a} /> }}
                  columns={[
                    { title: '年度', dataIndex: 'year', width: 80 },
                    { title: '类别', dataIndex: 'kind', render: (v: string) => (v === 'annual' ? (c.kind === 'platform' ? '年度绩效考评' : '年度考核') : '建设验收') },
                    { title: '得分', dataIndex: 'score', align: 'right' },
                    { title: '等级', dataIndex: 'gradeName', render: (v: string, r) => <Tag color={GRADE_COLORS[r.grade]}>{r.kind === 'acceptance' ? (r.grade === 'pass' ? '通过验收' : '未通过验收') : v}</Tag> },
                    { title: '补助', dataIndex: 'subsidy', align: 'right', render: (v: number) => <Money value={v} /> },
                    { title: '拨付', dataIndex: 'paymentOrderId', render: (v: number | null, r) => (v ? `支付指令 #${v}` : r.subsidy > 0 ? '已拨付（平台上线前）' : '—') },
                    { title: '考核日期', dataIndex: 'assessedOn' },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      <CarrierForm open={dialog === 'edit'} initial={c} onClose={() => setDialog(null)} pending={update.isPending} onSubmit={({ kind: _k, ...rest }) => update.mutateAsync({ ...rest, version: c.version })} />
      {dialog === 'apply' ? <ApplyDialog c={c} onClose={() => setDialog(null)} /> : null}
      {dialog === 'stats' ? <StatsDialog c={c} onClose={() => setDialog(null)} /> : null}
      {dialog === 'national' ? <RecommendDialog c={c} onClose={() => setDialog(null)} /> : null}
      {dialog === 'assess' ? <AssessDialog c={c} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

function Recognitions({ c }: { c: CarrierDetail }) {
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={c.recognitions}
      locale={{ emptyText: '尚未认定' }}
      columns={[
        { title: '级别', dataIndex: 'levelName', width: 80 },
        { title: '证书编号/文号', dataIndex: 'reference' },
        { title: '认定机关', dataIndex: 'issuer' },
        { title: '认定日期', dataIndex: 'recognisedOn', width: 110 },
        { title: '状态', render: (_: unknown, r) => (r.revokedOn ? <Tag color="red">{r.revokedOn}终止：{r.revokeReason}</Tag> : <Tag color="green">有效</Tag>) },
      ]}
    />
  );
}

function Firms({ c, canEdit }: { c: CarrierDetail; canEdit: boolean }) {
  const q = useFirms(c.id);
  const add = useAddFirm(c.id);
  const end = useEndFirm(c.id);
  const [form] = Form.useForm<{ firmName: string; enteredOn: string }>();
  const today = businessDayjs().format('YYYY-MM-DD');
  const finish = async (firm: Firm, outcome: 'graduated' | 'exited') => {
    try {
      await end.mutateAsync({ firmId: firm.id, outcome, on: today });
      message.success(outcome === 'graduated' ? '已登记毕业' : '已登记退出');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      {canEdit ? (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 12 }}
          initialValues={{ enteredOn: today }}
          onFinish={async (v) => {
            try {
              await add.mutateAsync(v);
              form.resetFields();
              message.success('已登记入孵');
            } catch (err) {
              showErrors(form, err, ['firmName', 'enteredOn']);
            }
          }}
        >
          <Form.Item name="firmName" rules={[{ required: true, message: '请填写企业名称' }]}>
            <Input aria-label="入孵企业名称" placeholder="入孵企业（团队）名称" style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="enteredOn" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' }]}>
            <Input aria-label="入孵日期" style={{ width: 130 }} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            登记入孵
          </Button>
        </Form>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items}
        {...failedTable(q)}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: '企业（团队）', dataIndex: 'firmName', render: (v: string, r: Firm) => (r.enterpriseId ? <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> : v) },
          { title: '入孵', dataIndex: 'enteredOn', width: 110 },
          { title: '毕业', dataIndex: 'graduatedOn', width: 110, render: orDash },
          { title: '退出', dataIndex: 'exitedOn', width: 110, render: orDash },
          {
            title: '状态',
            dataIndex: 'status',
            width: canEdit ? 200 : 90,
            render: (s: Firm['status'], r: Firm) =>
              s === 'incubating' && canEdit ? (
                <Space>
                  <Tag color="blue">在孵</Tag>
                  <Button size="small" onClick={() => void finish(r, 'graduated')}>
                    毕业
                  </Button>
                  <Button size="small" danger onClick={() => void finish(r, 'exited')}>
                    退出
                  </Button>
                </Space>
              ) : (
                <Tag color={s === 'incubating' ? 'blue' : s === 'graduated' ? 'green' : 'default'}>{s === 'incubating' ? '在孵' : s === 'graduated' ? '已毕业' : '已退出'}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}

function ApplyDialog({ c, onClose }: { c: CarrierDetail; onClose: () => void }) {
  const [form] = Form.useForm<ApplicationForm>();
  const open = useOpenApplication(c.id);
  const navigate = useNavigate();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const app = await open.mutateAsync(v);
      message.success('已保存为草稿，核对认定条件后提交');
      void navigate(`/carriers/applications/${app.id}`);
    } catch (err) {
      showErrors(form, err, APPLICATION_FIELDS);
    }
  };
  return (
    <Modal open title={`申请市级${c.kindName}认定`} okText="保存草稿" cancelText="取消" onCancel={onClose} onOk={() => void submit()} confirmLoading={open.isPending} width={640}>
      <Form form={form} layout="vertical" initialValues={{ areaM2: c.areaM2, services: c.services, operatingSince: c.foundedOn ?? undefined, firms: c.firms.inIncubation }}>
        <ApplicationFormFields />
      </Form>
    </Modal>
  );
}

function StatsDialog({ c, onClose }: { c: CarrierDetail; onClose: () => void }) {
  const [form] = Form.useForm<StatsFields & { year: number }>();
  const save = useSaveStats(c.id);
  const navigate = useNavigate();
  const year = businessDayjs().year();
  const submit = async () => {
    const { year: y, ...fields } = await form.validateFields();
    try {
      const s = await save.mutateAsync({ year: y, fields });
      message.success('已保存');
      void navigate(`/carriers/stats/${s.id}`);
    } catch (err) {
      showErrors(form, err, [...STATS_FIELD_NAMES, 'year']);
    }
  };
  return (
    <Modal open title="填报年度统计（火炬统计）" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending} width={560}>
      <Form form={form} layout="vertical" initialValues={{ year: year - 1 >= Number((c.foundedOn ?? '2000').slice(0, 4)) ? year - 1 : year, areaM2: c.areaM2, firmsInIncubation: c.firms.inIncubation }}>
        <Form.Item name="year" label="统计年度" rules={[{ required: true }]}>
          <Select options={[year, year - 1, year - 2].map((y) => ({ value: y, label: `${y}年` }))} />
        </Form.Item>
        <StatsFormFields />
      </Form>
    </Modal>
  );
}

function RecommendDialog({ c, onClose }: { c: CarrierDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ docNo?: string }>();
  const recommend = useRecommendNational(c.id);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await recommend.mutateAsync({ docNo: v.docNo || undefined });
      message.success('已推荐上报，待科技部认定后登记结果');
      onClose();
    } catch (err) {
      showErrors(form, err, ['docNo', 'recommendedOn']);
    }
  };
  return (
    <Modal open title={c.kind === 'incubator' ? '推荐上报国家级科技企业孵化器' : '推荐纳入国家级科技企业孵化器管理服务体系'} okText="推荐上报" cancelText="取消" onCancel={onClose} onOk={() => void submit()} confirmLoading={recommend.isPending}>
      <Typography.Paragraph type="secondary">国家级由科技部认定：市科委推荐上报后，在“载体审核与考核 → 国家级推荐上报”中登记科技部的认定文号和日期。</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="docNo" label="推荐文号（可选）">
          <Input placeholder="如 杭科高〔2016〕58号" maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
