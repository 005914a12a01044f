import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
import { StatusTag, type Tone } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCases, useCreateDraw, useDraw, useDraws, useRecordFinding, useReports, useReviewReport, type Draw, type DrawInput, type Report } from '../api/supervision';
import { supervisionMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** How a finding reads at a glance (its words come from the API's findingName). */
const FINDING_TONE: Record<string, Tone> = { compliant: 'success', rectify: 'warning', revoke: 'error' };
type Item = Draw['items'][number];
type CaseRow = NonNullable<ReturnType<typeof useCases>['data']>['items'][number];
type FindingForm = { finding: 'compliant' | 'rectify' | 'revoke'; note: string; checkedOn?: Dayjs; requirement?: string; rectifyBy?: Dayjs };

function DrawDetail({ id, canAct }: { id: number; canAct: boolean }) {
  const t = useMessages(supervisionMessages);
  const d = useDraw(id);
  const record = useRecordFinding();
  const { message } = App.useApp();
  const [item, setItem] = useState<Item | null>(null);
  const [form] = Form.useForm<FindingForm>();
  const finding = Form.useWatch('finding', form);
  if (!d.data) {
    return d.error ? <Alert type="error" showIcon title={errorMessage(d.error)} /> : null;
  }
  const submit = async (v: FindingForm) => {
    await record.mutateAsync({ id: item!.id, body: { finding: v.finding, note: v.note, checkedOn: v.checkedOn?.format('YYYY-MM-DD') ?? '', requirement: v.requirement, rectifyBy: v.rectifyBy?.format('YYYY-MM-DD') } });
    void message.success(t('supervision.check.recorded'));
  };
  return (
    <>
      <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('supervision.batch.drawnOn')}>{d.data.drawnOn}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.batch.rate')}>{`${(d.data.rate * 100).toFixed(1)}%`}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.batch.seed')}>{d.data.seed}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.batch.verify')}>{d.data.reproducible ? <Tag color="green">{t('supervision.batch.reproducible')}</Tag> : <Tag color="red">{t('supervision.batch.notReproducible')}</Tag>}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.batch.strata')} span={4}>
          {d.data.strata.filter((s) => s.drawn).map((s) => `${s.districtName} ${s.drawn}/${s.population}`).join('；')}
        </Descriptions.Item>
      </Descriptions>
      <DataTable<Item>
        tableId="supervision.spotCheckItems"
        rowKey="id"
        data-testid="spot-check-items"
        query={d}
        rows={d.data.items}
        pagination={{ pageSize: 20 }}
        columns={[
          { key: 'enterpriseName', title: t('supervision.enterprise'), dataIndex: 'enterpriseName' },
          { key: 'districtName', title: t('supervision.district'), dataIndex: 'districtName', width: 90 },
          { key: 'certificateNo', title: t('supervision.certificateNo'), dataIndex: 'certificateNo', width: 170 },
          {
            key: 'finding',
            title: t('supervision.check.conclusion'),
            width: 120,
            render: (_, i) => (i.finding ? <StatusTag status={i.finding} name={i.findingName ?? i.finding} tone={FINDING_TONE[i.finding]} /> : <StatusTag status="pending" name={t('supervision.check.pending')} tone="default" />),
          },
          { key: 'case', title: t('supervision.check.case'), width: 150, render: (_, i) => (i.caseId ? <Link to={`/supervision/cases/${i.caseId}`}>{i.caseStatusName}</Link> : '—') },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 110,
            render: (_, i) =>
              canAct && !i.finding ? (
                <Button size="small" onClick={() => setItem(i)}>
                  {t('supervision.check.record')}
                </Button>
              ) : null,
          },
        ]}
      />
      <FormModal<FindingForm> title={t('supervision.check.recordTitle', { v0: item?.enterpriseName ?? '' })} open={!!item} form={form} onClose={() => setItem(null)} onSubmit={submit} initialValues={{ finding: 'compliant' }}>
        <Form.Item name="finding" label={t('supervision.check.conclusion')}>
          <Radio.Group options={[{ value: 'compliant', label: t('supervision.check.compliant') }, { value: 'rectify', label: t('supervision.check.rectify') }, { value: 'revoke', label: t('supervision.check.revoke') }]} />
        </Form.Item>
        <Form.Item name="checkedOn" label={t('supervision.check.checkedOn')} rules={[{ required: true, message: t('supervision.check.checkedOnRequired') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('supervision.check.findings')} rules={[{ required: true, message: t('supervision.check.findingsRequired') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {finding === 'rectify' ? (
          <>
            <Form.Item name="requirement" label={t('supervision.case.requirements')} rules={[{ required: true, message: t('supervision.check.requirementsRequired') }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="rectifyBy" label={t('supervision.check.rectifyBy')} rules={[{ required: true, message: t('supervision.check.rectifyByRequired') }]}>
              <DatePicker />
            </Form.Item>
          </>
        ) : null}
      </FormModal>
    </>
  );
}

/** 认定后监管 (officers): spot checks with logged draws, findings, the cases they open, and annual reports. */
export default function SupervisionPage() {
  const t = useMessages(supervisionMessages);
  const me = useSession();
  const isCity = hasAnyRole(me, ['city_officer']);
  const canReview = hasAnyRole(me, ['city_officer', 'district_officer']);
  const { message } = App.useApp();
  const draws = useDraws();
  const cases = useCases();
  const [year, setYear] = useState(2015);
  const reports = useReports(year);
  const review = useReviewReport();
  const create = useCreateDraw();
  const [selected, setSelected] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const current = selected ?? draws.data?.items[0]?.id ?? null;
  const draw = async (v: DrawInput) => {
    const d = await create.mutateAsync({ ...v, rate: v.rate / 100 });
    void message.success(t('supervision.batch.drawn', { drawn: d.drawn, seed: d.seed }));
    setSelected(d.id);
  };
  return (
    <>
      <PageTitle title={t('supervision.title')} extra={isCity ? <Button type="primary" onClick={() => setOpen(true)}>{t('supervision.batch.draw')}</Button> : null} />
      <Card>
        <Tabs
          items={[
            {
              key: 'spot',
              label: t('supervision.tab.spotChecks'),
              children: (
                <>
                  <Space style={{ marginBottom: 12 }}>
                    <Select
                      aria-label={t('supervision.batch.list')}
                      style={{ width: 360 }}
                      value={current ?? undefined}
                      onChange={setSelected}
                      options={(draws.data?.items ?? []).map((d) => ({ value: d.id, label: t('supervision.batch.progress', { title: d.title, checked: d.checked, drawn: d.drawn }) }))}
                    />
                  </Space>
                  {current ? <DrawDetail id={current} canAct={isCity} /> : <Typography.Text type="secondary">{t('supervision.batch.none')}</Typography.Text>}
                </>
              ),
            },
            {
              key: 'cases',
              label: t('supervision.tab.cases', { v0: cases.data?.items.length ?? 0 }),
              children: (
                <DataTable<CaseRow>
                  tableId="supervision.cases"
                  rowKey="id"
                  query={cases}
                  rows={cases.data?.items}
                  columns={[
                    { key: 'typeName', title: t('supervision.kind'), dataIndex: 'typeName', width: 90 },
                    { key: 'enterpriseName', title: t('supervision.enterprise'), dataIndex: 'enterpriseName', render: (v: string, c) => <Link to={`/supervision/cases/${c.id}`}>{v}</Link> },
                    { key: 'recognition', title: t('supervision.recognition'), width: 240, render: (_, c) => `${c.recognitionTypeName} ${c.certificateNo}` },
                    { key: 'dueOn', title: t('supervision.deadline'), dataIndex: 'dueOn', width: 110 },
                    { key: 'status', title: t('supervision.status'), dataIndex: 'statusName', width: 130, render: (v: string, c) => <StatusTag status={c.status} name={v} /> },
                  ]}
                />
              ),
            },
            {
              key: 'reports',
              label: t('supervision.report.annualReport'),
              children: (
                <>
                  <DataTable<Report>
                    tableId="supervision.reports"
                    rowKey="id"
                    query={reports}
                    rows={reports.data?.items}
                    filters={<InputNumber aria-label={t('supervision.reportYear')} value={year} min={2010} max={2030} onChange={(v) => v && setYear(v)} addonBefore={t('supervision.reportYear')} />}
                    pagination={{ pageSize: 20 }}
                    columns={[
                      { key: 'enterpriseName', title: t('supervision.enterprise'), dataIndex: 'enterpriseName' },
                      { key: 'districtName', title: t('supervision.district'), dataIndex: 'districtName', width: 80 },
                      { key: 'recognitionTypeName', title: t('supervision.recognition'), dataIndex: 'recognitionTypeName', width: 150 },
                      { key: 'rdRatio', title: t('supervision.rdShare'), width: 110, render: (_, r) => (r.ratios.rdRatio === null ? '—' : `${(r.ratios.rdRatio * 100).toFixed(1)}%`) },
                      { key: 'highTechShare', title: t('supervision.highTechShare'), width: 110, render: (_, r) => (r.ratios.highTechShare === null ? '—' : `${(r.ratios.highTechShare * 100).toFixed(1)}%`) },
                      { key: 'stShare', title: t('supervision.stShare'), width: 110, render: (_, r) => (r.ratios.stShare === null ? '—' : `${(r.ratios.stShare * 100).toFixed(1)}%`) },
                      { key: 'status', title: t('supervision.status'), dataIndex: 'statusName', width: 120, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
                      {
                        key: 'actions',
                        title: t('supervision.review'),
                        width: 150,
                        render: (_, r) =>
                          canReview && r.status === 'submitted' ? (
                            <Space>
                              <Button size="small" onClick={() => review.mutate({ id: r.id, accept: true }, { onError: (e) => message.error(errorMessage(e)) })}>
                                {t('supervision.approve')}
                              </Button>
                              <Button
                                size="small"
                                danger
                                onClick={() => {
                                  const comment = window.prompt(t('supervision.returnReason'));
                                  if (comment) {
                                    review.mutate({ id: r.id, accept: false, comment }, { onError: (e) => message.error(errorMessage(e)) });
                                  }
                                }}
                              >
                                {t('supervision.return')}
                              </Button>
                            </Space>
                          ) : null,
                      },
                    ]}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>
      <FormModal<DrawInput> title={t('supervision.batch.draw')} open={open} onClose={() => setOpen(false)} onSubmit={draw} initialValues={{ year: 2016, types: ['hnte'], rate: 2, title: t('supervision.batch.titlePlaceholder') }}>
        <Form.Item name="title" label={t('supervision.batch.title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="year" label={t('supervision.year')}>
          <InputNumber min={2010} max={2030} />
        </Form.Item>
        <Form.Item name="types" label={t('supervision.batch.types')}>
          <Select mode="multiple" options={[{ value: 'hnte', label: t('supervision.type.hnte') }, { value: 'municipal_hte', label: t('supervision.type.municipalHte') }, { value: 'eagle', label: t('supervision.type.eagle') }, { value: 'qinglan', label: t('supervision.type.qinglan') }, { value: 'tase', label: t('supervision.type.tase') }]} />
        </Form.Item>
        <Form.Item name="rate" label={t('supervision.batch.rateLabel')}>
          <InputNumber min={0.1} max={100} step={0.5} />
        </Form.Item>
        <Typography.Text type="secondary">{t('supervision.batch.rule')}</Typography.Text>
      </FormModal>
    </>
  );
}
