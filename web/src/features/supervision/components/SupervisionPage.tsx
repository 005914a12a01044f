import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCases, useCreateDraw, useDraw, useDraws, useRecordFinding, useReports, useReviewReport, type Draw, type DrawInput } from '../api/supervision';
import { supervisionMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

const FINDING_COLOR: Record<string, string> = { compliant: 'green', rectify: 'orange', revoke: 'red' };
type FindingForm = { finding: 'compliant' | 'rectify' | 'revoke'; note: string; checkedOn?: Dayjs; requirement?: string; rectifyBy?: Dayjs };

function DrawDetail({ id, canAct }: { id: number; canAct: boolean }) {
  const t = useMessages(supervisionMessages);
  const d = useDraw(id);
  const record = useRecordFinding();
  const { message } = App.useApp();
  const [item, setItem] = useState<Draw['items'][number] | null>(null);
  const [form] = Form.useForm<FindingForm>();
  const finding = Form.useWatch('finding', form);
  if (!d.data) {
    return d.error ? <Alert type="error" showIcon message={errorMessage(d.error)} /> : null;
  }
  const submit = async (v: FindingForm) => {
    try {
      await record.mutateAsync({ id: item!.id, body: { finding: v.finding, note: v.note, checkedOn: v.checkedOn?.format('YYYY-MM-DD') ?? '', requirement: v.requirement, rectifyBy: v.rectifyBy?.format('YYYY-MM-DD') } });
      message.success(t('supervision.check.recorded'));
      setItem(null);
      form.resetFields();
    } catch (err) {
      applyFieldErrors(form, err, ['finding', 'note', 'checkedOn', 'requirement', 'rectifyBy']);
    }
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
      <Table
        rowKey="id"
        size="small"
        data-testid="spot-check-items"
        dataSource={d.data.items}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('supervision.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('supervision.district'), dataIndex: 'districtName', width: 90 },
          { title: t('supervision.certificateNo'), dataIndex: 'certificateNo', width: 170 },
          { title: t('supervision.check.conclusion'), width: 120, render: (_, i) => (i.finding ? <Tag color={FINDING_COLOR[i.finding]}>{i.findingName}</Tag> : <Tag>{t('supervision.check.pending')}</Tag>) },
          { title: t('supervision.check.case'), width: 150, render: (_, i) => (i.caseId ? <Link to={`/supervision/cases/${i.caseId}`}>{i.caseStatusName}</Link> : '—') },
          {
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
      <Modal title={t('supervision.check.recordTitle', { v0: item?.enterpriseName ?? '' })} open={!!item} onCancel={() => setItem(null)} onOk={() => form.submit()} confirmLoading={record.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ finding: 'compliant' }}>
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
        </Form>
      </Modal>
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
  const [form] = Form.useForm<DrawInput>();
  const current = selected ?? draws.data?.items[0]?.id ?? null;
  const draw = async (v: DrawInput) => {
    try {
      const d = await create.mutateAsync({ ...v, rate: v.rate / 100 });
      message.success(t('supervision.batch.drawn', { drawn: d.drawn, seed: d.seed }));
      setSelected(d.id);
      setOpen(false);
    } catch (err) {
      applyFieldErrors(form, err, ['year', 'title', 'types', 'rate']);
    }
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
                <Table
                  rowKey="id"
                  size="small"
                  dataSource={cases.data?.items ?? []}
                  columns={[
                    { title: t('supervision.kind'), dataIndex: 'typeName', width: 90 },
                    { title: t('supervision.enterprise'), dataIndex: 'enterpriseName', render: (v: string, c) => <Link to={`/supervision/cases/${c.id}`}>{v}</Link> },
                    { title: t('supervision.recognition'), width: 240, render: (_, c) => `${c.recognitionTypeName} ${c.certificateNo}` },
                    { title: t('supervision.status'), dataIndex: 'statusName', width: 130 },
                    { title: t('supervision.deadline'), dataIndex: 'dueOn', width: 110 },
                  ]}
                />
              ),
            },
            {
              key: 'reports',
              label: t('supervision.report.annualReport'),
              children: (
                <>
                  <InputNumber aria-label={t('supervision.reportYear')} value={year} min={2010} max={2030} onChange={(v) => v && setYear(v)} addonBefore={t('supervision.reportYear')} style={{ marginBottom: 12 }} />
                  <Table
                    rowKey="id"
                    size="small"
                    loading={reports.isLoading}
                    dataSource={reports.data?.items ?? []}
                    pagination={{ pageSize: 20 }}
                    columns={[
                      { title: t('supervision.enterprise'), dataIndex: 'enterpriseName' },
                      { title: t('supervision.district'), dataIndex: 'districtName', width: 80 },
                      { title: t('supervision.recognition'), dataIndex: 'recognitionTypeName', width: 150 },
                      { title: t('supervision.rdShare'), width: 110, render: (_, r) => (r.ratios.rdRatio === null ? '—' : `${(r.ratios.rdRatio * 100).toFixed(1)}%`) },
                      { title: t('supervision.highTechShare'), width: 110, render: (_, r) => (r.ratios.highTechShare === null ? '—' : `${(r.ratios.highTechShare * 100).toFixed(1)}%`) },
                      { title: t('supervision.stShare'), width: 110, render: (_, r) => (r.ratios.stShare === null ? '—' : `${(r.ratios.stShare * 100).toFixed(1)}%`) },
                      { title: t('supervision.status'), dataIndex: 'statusName', width: 120 },
                      {
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
      <Modal title={t('supervision.batch.draw')} open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={draw} initialValues={{ year: 2016, types: ['hnte'], rate: 2, title: t('supervision.batch.titlePlaceholder') }}>
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
        </Form>
      </Modal>
    </>
  );
}
