import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { DataTable, type TableQuery } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
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
import { exitMethodMessages, fundsMessages, roundMessages } from '../messages';
import { industryMessages } from '../../enterprises/messages';
import { useMessages } from '../../../lib/i18n';

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
    return <ReportEditor report={null} query={report} />;
  }
  if (report.isError) {
    return <QueryFailure query={report} />;
  }
  return report.data ? <ReportEditor key={`${report.data.id}:${report.data.version}`} report={report.data} query={report} /> : null;
}

function ReportEditor({ report, query }: { report: ReportDetail | null; query: TableQuery }) {
  const t = useMessages(fundsMessages);
  const round = useMessages(roundMessages);
  const industry = useMessages(industryMessages);
  const exitMethod = useMessages(exitMethodMessages);
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
        message.success(t('funds.report.submittedMsg'));
      } else {
        message.success(t('funds.report.draftSaved'));
      }
      if (report === null) {
        void navigate(`/funds/reports/${saved.id}`, { replace: true });
      }
    } catch (err) {
      showFormError(form, err, (t) => message.error(t));
    }
  };
  const accept = async () => {
    try {
      await step.mutateAsync({ id: report!.id, action: 'accept' });
      message.success(t('funds.report.acceptedMsg'));
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };
  const sendBack = async (v: { comment: string }) => {
    await step.mutateAsync({ id: report!.id, action: 'return', comment: v.comment });
    void message.success(t('funds.report.returnedMsg'));
  };

  const title = t('funds.report.title', { year, quarter });
  return (
    <>
      <PageTitle
        title={title}
        extra={
          <>
            <Button onClick={() => navigate(isManager ? '/funds/my' : '/funds?tab=reports')}>{t('funds.back')}</Button>
            {editable ? (
              <>
                <Button onClick={() => save(false)} loading={create.isPending || update.isPending}>{t('funds.report.saveDraft')}</Button>
                <Button type="primary" onClick={() => save(true)} loading={step.isPending}>{t('funds.report.submit')}</Button>
              </>
            ) : null}
            {isOfficer && report?.status === 'submitted' ? (
              <>
                <Button danger onClick={() => setReturning(true)}>{t('funds.report.returned')}</Button>
                <Button type="primary" onClick={() => void accept()} loading={step.isPending}>{t('funds.report.accept')}</Button>
              </>
            ) : null}
          </>
        }
      >
        <Space>
          <Typography.Text type="secondary">{report?.fundName ?? fund?.name ?? ''}{report ? ` · ${report.managerName}` : ''}</Typography.Text>
          {report ? <StatusTag status={report.status} name={report.statusName} /> : <StatusTag status="new" name={t('funds.report.new')} />}
        </Space>
      </PageTitle>
      {report?.status === 'returned' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('funds.report.returnComment', { comment: report.events.filter((e) => e.action === 'return').at(-1)?.comment ?? '' })} />
      ) : null}
      {editable ? (
        <Form<FormValues> form={form} layout="vertical" initialValues={initial} scrollToFirstError>
          <Card size="small" title={t('funds.report.investmentsTitle', { from: bounds.from.format('YYYY-MM-DD'), to: bounds.to.format('YYYY-MM-DD') })} style={{ marginBottom: 16 }}>
            <Form.List name="investments">
              {(rows, { add, remove }) => (
                <>
                  {rows.map((row, i) => (
                    <Space key={row.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }} data-testid={`investment-${i}`}>
                      <Typography.Text style={{ display: 'inline-block', width: 24, marginTop: 6 }}>{i + 1}</Typography.Text>
                      <Form.Item name={[row.name, 'companyName']} rules={[{ required: true, message: t('funds.report.enterInvestee') }]}>
                        <Input placeholder={t('funds.report.investeeName')} style={{ width: 240 }} aria-label={t('funds.report.rowInvestee', { row: i + 1 })} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'uscc']}>
                        <Input placeholder={t('funds.report.creditCodeOptional')} style={{ width: 210 }} maxLength={18} aria-label={t('funds.report.rowCreditCode', { row: i + 1 })} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'amount']} rules={[{ required: true, message: t('funds.enterAmount') }]}>
                        <MoneyInput placeholder={t('funds.investedAmount')} style={{ width: 170 }} aria-label={t('funds.report.rowAmount', { row: i + 1 })} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'round']} rules={[{ required: true, message: t('funds.report.pickRound') }]}>
                        <Select placeholder={t('funds.round')} style={{ width: 110 }} options={ROUNDS.map((v) => ({ value: v, label: round(v) }))} aria-label={t('funds.report.rowRound', { row: i + 1 })} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'investedOn']} rules={[{ required: true, message: t('funds.pickDate') }]}>
                        <DatePicker placeholder={t('funds.investedOn')} disabledDate={outside} defaultPickerValue={bounds.from} aria-label={t('funds.report.rowInvestedOn', { row: i + 1 })} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'districtId']}>
                        <Select allowClear placeholder={t('funds.report.districtAuto')} style={{ width: 190 }} options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} aria-label={t('funds.report.rowDistrict', { row: i + 1 })} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'industry']} rules={[{ required: true, message: t('funds.report.pickIndustry') }]}>
                        <Select placeholder={t('funds.industry')} style={{ width: 160 }} options={INDUSTRIES.map((v) => ({ value: v, label: industry(v) }))} aria-label={t('funds.report.rowIndustry', { row: i + 1 })} />
                      </Form.Item>
                      <Button type="link" danger onClick={() => remove(row.name)}>{t('common.delete')}</Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({})}>{t('funds.report.addInvestment')}</Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card size="small" title={t('funds.report.valuationsTitle')} style={{ marginBottom: 16 }}>
            <Form.List name="valuations">
              {(rows, { add, remove }) => (
                <>
                  {rows.map((row) => (
                    <Space key={row.key} align="start" wrap style={{ display: 'flex' }}>
                      <Form.Item name={[row.name, 'companyName']} rules={[{ required: true, message: t('funds.enterCompany') }]}>
                        <Input placeholder={t('funds.companyName')} style={{ width: 260 }} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'value']} rules={[{ required: true, message: t('funds.report.enterValuation') }]}>
                        <MoneyInput placeholder={t('funds.valuation')} />
                      </Form.Item>
                      <Button type="link" danger onClick={() => remove(row.name)}>{t('common.delete')}</Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({})}>{t('funds.report.addValuation')}</Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card size="small" title={t('funds.report.exitsTitle')} style={{ marginBottom: 16 }}>
            <Form.List name="exits">
              {(rows, { add, remove }) => (
                <>
                  {rows.map((row) => (
                    <Space key={row.key} align="start" wrap style={{ display: 'flex' }}>
                      <Form.Item name={[row.name, 'companyName']} rules={[{ required: true, message: t('funds.enterCompany') }]}>
                        <Input placeholder={t('funds.companyName')} style={{ width: 260 }} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'exitedOn']} rules={[{ required: true, message: t('funds.pickDate') }]}>
                        <DatePicker placeholder={t('funds.exitedOn')} disabledDate={outside} defaultPickerValue={bounds.from} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'method']} rules={[{ required: true, message: t('funds.report.pickMethod') }]}>
                        <Select placeholder={t('funds.exitMethod')} style={{ width: 130 }} options={EXIT_METHODS.map((v) => ({ value: v, label: exitMethod(v) }))} />
                      </Form.Item>
                      <Form.Item name={[row.name, 'proceeds']} rules={[{ required: true, message: t('funds.report.enterProceeds') }]}>
                        <MoneyInput placeholder={t('funds.exitProceeds')} />
                      </Form.Item>
                      <Button type="link" danger onClick={() => remove(row.name)}>{t('common.delete')}</Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({})}>{t('funds.report.addExit')}</Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card size="small" title={t('funds.report.fundTitle')}>
            <Space wrap align="start">
              <Form.Item name="nav" label={t('funds.nav')}>
                <MoneyInput />
              </Form.Item>
              <Form.Item name="note" label={t('funds.note')}>
                <Input.TextArea rows={2} maxLength={1000} style={{ width: 480 }} />
              </Form.Item>
            </Space>
          </Card>
        </Form>
      ) : report ? (
        <ReportView report={report} query={query} />
      ) : null}
      <FormModal<{ comment: string }> open={returning} title={t('funds.report.returned')} okText={t('funds.return')} okButtonProps={{ danger: true }} onClose={() => setReturning(false)} onSubmit={sendBack}>
        <Form.Item name="comment" label={t('funds.report.returnReason')} rules={[{ required: true, whitespace: true, message: t('funds.report.returnReasonRequired') }]}>
          <Input.TextArea rows={3} placeholder={t('funds.report.returnReasonRequired')} maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function ReportView({ report, query }: { report: ReportDetail; query: TableQuery }) {
  const t = useMessages(fundsMessages);
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('funds.partnerFund')}>{report.fundName}</Descriptions.Item>
        <Descriptions.Item label={t('funds.manager')}>{report.managerName}</Descriptions.Item>
        <Descriptions.Item label={t('funds.nav')}>{renderMoney(report.nav)}</Descriptions.Item>
        <Descriptions.Item label={t('funds.report.quarterInvestments')}>{report.investments} {t('funds.unit.deals')}</Descriptions.Item>
        <Descriptions.Item label={t('funds.investedAmount')}>{renderMoney(report.invested)}</Descriptions.Item>
        <Descriptions.Item label={t('funds.note')}>{report.note ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('funds.investment')} style={{ marginBottom: 16 }}>
        <DataTable<ReportDetail['investmentRows'][number]>
          tableId="funds.report.investments"
          rowKey="id"
          query={query}
          rows={report.investmentRows}
          columns={[
            { key: 'companyName', title: t('funds.investee'), dataIndex: 'companyName', render: (v: string, r) => (r.enterpriseId ? <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> : <>{v} <Tag>{t('funds.notLinked')}</Tag></>) },
            { key: 'uscc', title: t('funds.creditCode'), dataIndex: 'uscc', render: (v: string | null) => v ?? '—' },
            { key: 'round', title: t('funds.round'), dataIndex: 'round', width: 90 },
            { key: 'investedOn', title: t('funds.investedOn'), dataIndex: 'investedOn', width: 110 },
            { key: 'districtName', title: t('funds.districtShort'), dataIndex: 'districtName', width: 90, render: (v: string | null) => v ?? t('funds.outsideCity') },
            { key: 'industry', title: t('funds.industry'), dataIndex: 'industry', width: 140 },
            { key: 'amount', title: t('funds.amount'), dataIndex: 'amount', align: 'right', width: 150, render: renderMoney },
          ]}
        />
      </Card>
      <Space align="start" wrap style={{ marginBottom: 16 }}>
        <Card size="small" title={t('funds.valuation')}>
          <Table rowKey="companyName" size="small" pagination={false} dataSource={report.valuations} columns={[{ title: t('funds.company'), dataIndex: 'companyName' }, { title: t('funds.valuation'), dataIndex: 'value', align: 'right', render: renderMoney }]} />
        </Card>
        <Card size="small" title={t('funds.exit')}>
          <Table rowKey="companyName" size="small" pagination={false} dataSource={report.exits} columns={[{ title: t('funds.company'), dataIndex: 'companyName' }, { title: t('funds.date'), dataIndex: 'exitedOn' }, { title: t('funds.method'), dataIndex: 'method' }, { title: t('funds.returns'), dataIndex: 'proceeds', align: 'right', render: renderMoney }]} />
        </Card>
      </Space>
      <Card size="small" title={t('common.caseEvents')}>
        <Timeline items={report.events.map((e) => ({ children: `${formatDateTime(e.at)} ${e.actorLabel ?? ''}：${e.statusName}${e.comment ? `（${e.comment}）` : ''}` }))} />
      </Card>
    </>
  );
}
