import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { renderMoney } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { QueryFailure } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/format';
import { useDistricts } from '../../../lib/reference/get-districts';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCreateReport, useReportStep, useUpdateReport, type CreateReportInput } from '../api/mutations';
import { usePartnerFunds, useReport, type ReportDetail } from '../api/queries';
import { EXIT_METHODS, INDUSTRIES, ROUNDS } from '../constants';
import { showFormError } from './errors';

interface InvestmentRow {
  companyName?: string;
  uscc?: string;
  amount?: number;
  round?: string;
  investedOn?: Dayjs;
  districtId?: number;
  industry?: string;
}
interface FormValues {
  nav?: number;
  note?: string;
  investments: InvestmentRow[];
  valuations: { companyName?: string; value?: number }[];
  exits: { companyName?: string; exitedOn?: Dayjs; method?: string; proceeds?: number }[];
}

const quarterBounds = (year: number, quarter: number) => {
  const from = dayjs(`${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`);
  return { from, to: from.add(3, 'month').subtract(1, 'day') };
};

function toBody(v: FormValues) {
  return {
    nav: v.nav ?? null,
    note: v.note?.trim() || null,
    investments: (v.investments ?? []).map((r) => ({
      companyName: r.companyName ?? '',
      uscc: r.uscc?.trim() || null,
      amount: r.amount ?? 0,
      round: r.round as CreateReportInput['investments'][number]['round'],
      investedOn: r.investedOn ? r.investedOn.format('YYYY-MM-DD') : '',
      districtId: r.districtId ?? null,
      industry: r.industry as CreateReportInput['investments'][number]['industry'],
    })),
    valuations: (v.valuations ?? []).map((r) => ({ companyName: r.companyName ?? '', value: r.value ?? 0 })),
    exits: (v.exits ?? []).map((r) => ({
      companyName: r.companyName ?? '',
      exitedOn: r.exitedOn ? r.exitedOn.format('YYYY-MM-DD') : '',
      method: r.method as NonNullable<CreateReportInput['exits']>[number]['method'],
      proceeds: r.proceeds ?? 0,
    })),
  };
}

function fromDetail(r: ReportDetail): FormValues {
  return {
    nav: r.nav ?? undefined,
    note: r.note ?? undefined,
    investments: r.investmentRows.map((i) => ({ companyName: i.companyName, uscc: i.uscc ?? undefined, amount: i.amount, round: i.round, investedOn: dayjs(i.investedOn), districtId: i.districtId ?? undefined, industry: i.industry })),
    valuations: r.valuations.map((v) => ({ companyName: v.companyName, value: v.value })),
    exits: r.exits.map((e) => ({ companyName: e.companyName, exitedOn: dayjs(e.exitedOn), method: e.method, proceeds: e.proceeds })),
  };
}

/** 季度投资报告: the fund manager fills and submits it; a city officer accepts it or returns it with a comment. */
export default function ReportPage() {
  const { id: idParam } = useParams();
  const isNew = idParam === 'new';
  const id = isNew ? null : Number(idParam);
  const report = useReport(id);
  if (isNew) {
    return <ReportEditor report={null} />;
  }
  if (report.isError) {
    return <QueryFailure query={report} />;
  }
  return report.data ? <ReportEditor key={`${report.data.id}:${report.data.version}`} report={report.data} /> : null;
}

function ReportEditor({ report }: { report: ReportDetail | null }) {
  const me = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const isManager = hasAnyRole(me, ['fund_manager']);
  const isOfficer = hasAnyRole(me, ['city_officer']);
  const funds = usePartnerFunds();
  const districts = useDistricts();
  const fundId = report?.fundId ?? Number(params.get('fundId'));
  const year = report?.year ?? Number(params.get('year'));
  const quarter = report?.quarter ?? Number(params.get('quarter'));
  const fund = funds.data?.find((f) => f.id === fundId);
  const editable = isManager && (report === null || report.status === 'draft' || report.status === 'returned');
  const [form] = Form.useForm<FormValues>();
  const initial = useMemo<FormValues>(() => (report ? fromDetail(report) : { investments: [{}], valuations: [], exits: [] }), [report]);
  const create = useCreateReport();
  const update = useUpdateReport();
  const step = useReportStep();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const bounds = quarterBounds(year, quarter);
  const outside = (d: Dayjs) => d.isBefore(bounds.from, 'day') || d.isAfter(bounds.to, 'day');

  const save = async (thenSubmit: boolean) => {
    const v = await form.validateFields();
    try {
      const body = toBody(v);
      let saved: ReportDetail;
      if (report === null) {
        saved = await create.mutateAsync({ fundId, year, quarter, ...body });
      } else {
        saved = await update.mutateAsync({ id: report.id, body: { ...body, version: report.version } });
      }
      if (thenSubmit) {
        await step.mutateAsync({ id: saved.id, action: 'submit' });
        message.success('报告已提交，等待市科委审核');
      } else {
        message.success('已保存草稿');
      }
      if (report === null) {
        void navigate(`/funds/reports/${saved.id}`, { replace: true });
      }
    } catch (err) {
      showFormError(form, err, (t) => message.error(t));
    }
  };
  const decide = async (action: 'accept' | 'return') => {
    try {
      await step.mutateAsync({ id: report!.id, action, comment: action === 'return' ? comment : undefined });
      message.success(action === 'accept' ? '已接受：投资已记入被投企业档案' : '已退回基金管理人修改');
      setReturning(false);
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const title = `${year}年第${quarter}季度投资报告`;
  return (
    <>
      <PageTitle
        title={title}
        extra={
          <>
            <Button onClick={() => navigate(isManager ? '/funds/my' : '/funds?tab=reports')}>返回</Button>
            {editable ? (
              <>
                <Button onClick={() => save(false)} loading={create.isPending || update.isPending}>保存草稿</Button>
                <Button type="primary" onClick={() => save(true)} loading={step.isPending}>提交报告</Button>
              </>
            ) : null}
            {isOfficer && report?.status === 'submitted' ? (
              <>
                <Button danger onClick={() => { setComment(''); setReturning(true); }}>退回修改</Button>
                <Button type="primary" onClick={() => decide('accept')} loading={step.isPending}>审核接受</Button>
              </>
            ) : null}
          </>
        }
      >
        <Space>
          <Typography.Text type="secondary">{report?.fundName ?? fund?.name ?? ''}{report ? ` · ${report.managerName}` : ''}</Typography.Text>
          {report ? <StatusTag status={report.status} name={report.statusName} /> : <Tag>新建</Tag>}
        </Space>
      </PageTitle>
      {report?.status === 'returned' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`市科委退回意见：${report.events.filter((e) => e.action === 'return').at(-1)?.comment ?? ''}`} />
      ) : null}
      {editable ? (
        <Form<FormValues> form={form} layout="vertical" initialValues={initial} scrollToFirstError>
          <Card size="small" title={`投资（投资日期须在 ${bounds.from.format('YYYY-MM-DD')} 至 ${bounds.to.format('YYYY-MM-DD')} 之间；填写统一社会信用代码即关联企业库）`} style={{ marginBottom: 16 }}>
            <Form.List name="investments">
              {(rows, { add, remove }) => (
                <>
                  {rows.map((row, i) => (
                    <Space key={row.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }} data-testid={`investment-${i}`}>
                      <Typography.Text style={{ display: 'inline-block', width: 24, marginTop: 6 }}>{i + 1}</Typography.Text>
                      <Form.Item name={[row.name, 'companyName']} rules={[{ required: true, message: '请填写被投企业' }]}>
                        <Input placeholder="被投企业名称" style={{ width: 240 }} aria-label={`第${i + 1}行被投企业名称`} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'uscc']}>
                        <Input placeholder="统一社会信用代码（选填）" style={{ width: 210 }} maxLength={18} aria-label={`第${i + 1}行统一社会信用代码`} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'amount']} rules={[{ required: true, message: '请填写金额' }]}>
                        <MoneyInput placeholder="投资金额" style={{ width: 170 }} aria-label={`第${i + 1}行投资金额`} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'round']} rules={[{ required: true, message: '请选择轮次' }]}>
                        <Select placeholder="轮次" style={{ width: 110 }} options={ROUNDS.map((v) => ({ value: v, label: v }))} aria-label={`第${i + 1}行轮次`} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'investedOn']} rules={[{ required: true, message: '请选择日期' }]}>
                        <DatePicker placeholder="投资日期" disabledDate={outside} defaultPickerValue={bounds.from} aria-label={`第${i + 1}行投资日期`} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'districtId']}>
                        <Select allowClear placeholder="区县（关联企业库时自动）" style={{ width: 190 }} options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} aria-label={`第${i + 1}行区县`} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'industry']} rules={[{ required: true, message: '请选择行业' }]}>
                        <Select placeholder="行业" style={{ width: 160 }} options={INDUSTRIES.map((v) => ({ value: v, label: v }))} aria-label={`第${i + 1}行行业`} />
                      </Form.Item>
                      <Button type="link" danger onClick={() => remove(row.name)}>删除</Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({})}>添加投资</Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card size="small" title="估值（季末持有项目的公允价值）" style={{ marginBottom: 16 }}>
            <Form.List name="valuations">
              {(rows, { add, remove }) => (
                <>
                  {rows.map((row) => (
                    <Space key={row.key} align="start" wrap style={{ display: 'flex' }}>
                      <Form.Item name={[row.name, 'companyName']} rules={[{ required: true, message: '请填写企业名称' }]}>
                        <Input placeholder="企业名称" style={{ width: 260 }} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'value']} rules={[{ required: true, message: '请填写估值' }]}>
                        <MoneyInput placeholder="估值" />
                      </Form.Item>
                      <Button type="link" danger onClick={() => remove(row.name)}>删除</Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({})}>添加估值</Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card size="small" title="退出（本季度内）" style={{ marginBottom: 16 }}>
            <Form.List name="exits">
              {(rows, { add, remove }) => (
                <>
                  {rows.map((row) => (
                    <Space key={row.key} align="start" wrap style={{ display: 'flex' }}>
                      <Form.Item name={[row.name, 'companyName']} rules={[{ required: true, message: '请填写企业名称' }]}>
                        <Input placeholder="企业名称" style={{ width: 260 }} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'exitedOn']} rules={[{ required: true, message: '请选择日期' }]}>
                        <DatePicker placeholder="退出日期" disabledDate={outside} defaultPickerValue={bounds.from} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'method']} rules={[{ required: true, message: '请选择方式' }]}>
                        <Select placeholder="退出方式" style={{ width: 130 }} options={EXIT_METHODS.map((v) => ({ value: v, label: v }))} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'proceeds']} rules={[{ required: true, message: '请填写回款' }]}>
                        <MoneyInput placeholder="退出回款" />
                      </Form.Item>
                      <Button type="link" danger onClick={() => remove(row.name)}>删除</Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({})}>添加退出</Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card size="small" title="基金情况">
            <Space wrap align="start">
              <Form.Item name="nav" label="季末基金净值">
                <MoneyInput />
              </Form.Item>
              <Form.Item name="note" label="说明">
                <Input.TextArea rows={2} maxLength={1000} style={{ width: 480 }} />
              </Form.Item>
            </Space>
          </Card>
        </Form>
      ) : report ? (
        <ReportView report={report} />
      ) : null}
      <Modal open={returning} title="退回修改" okText="退回" okButtonProps={{ danger: true, disabled: comment.trim() === '' }} onCancel={() => setReturning(false)} onOk={() => decide('return')} confirmLoading={step.isPending}>
        <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="退回意见（必填）" maxLength={500} aria-label="退回意见" />
      </Modal>
    </>
  );
}

function ReportView({ report }: { report: ReportDetail }) {
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="合作基金">{report.fundName}</Descriptions.Item>
        <Descriptions.Item label="基金管理人">{report.managerName}</Descriptions.Item>
        <Descriptions.Item label="季末基金净值">{renderMoney(report.nav)}</Descriptions.Item>
        <Descriptions.Item label="本季投资">{report.investments} 笔</Descriptions.Item>
        <Descriptions.Item label="投资金额">{renderMoney(report.invested)}</Descriptions.Item>
        <Descriptions.Item label="说明">{report.note ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title="投资" style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={report.investmentRows}
          columns={[
            { title: '被投企业', dataIndex: 'companyName', render: (v: string, r) => (r.enterpriseId ? <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> : <>{v} <Tag>未关联企业库</Tag></>) },
            { title: '统一社会信用代码', dataIndex: 'uscc', render: (v: string | null) => v ?? '—' },
            { title: '轮次', dataIndex: 'round', width: 90 },
            { title: '投资日期', dataIndex: 'investedOn', width: 110 },
            { title: '区县', dataIndex: 'districtName', width: 90, render: (v: string | null) => v ?? '市外/未登记' },
            { title: '行业', dataIndex: 'industry', width: 140 },
            { title: '金额', dataIndex: 'amount', align: 'right', width: 150, render: renderMoney },
          ]}
        />
      </Card>
      <Space align="start" wrap style={{ marginBottom: 16 }}>
        <Card size="small" title="估值">
          <Table rowKey="companyName" size="small" pagination={false} dataSource={report.valuations} columns={[{ title: '企业', dataIndex: 'companyName' }, { title: '估值', dataIndex: 'value', align: 'right', render: renderMoney }]} />
        </Card>
        <Card size="small" title="退出">
          <Table rowKey="companyName" size="small" pagination={false} dataSource={report.exits} columns={[{ title: '企业', dataIndex: 'companyName' }, { title: '日期', dataIndex: 'exitedOn' }, { title: '方式', dataIndex: 'method' }, { title: '回款', dataIndex: 'proceeds', align: 'right', render: renderMoney }]} />
        </Card>
      </Space>
      <Card size="small" title="办理过程">
        <Timeline items={report.events.map((e) => ({ children: `${formatDateTime(e.at)} ${e.actorLabel ?? ''}：${e.statusName}${e.comment ? `（${e.comment}）` : ''}` }))} />
      </Card>
    </>
  );
}
