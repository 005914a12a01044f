import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCases, useCreateDraw, useDraw, useDraws, useRecordFinding, useReports, useReviewReport, type Draw, type DrawInput } from '../api/supervision';

const FINDING_COLOR: Record<string, string> = { compliant: 'green', rectify: 'orange', revoke: 'red' };
type FindingForm = { finding: 'compliant' | 'rectify' | 'revoke'; note: string; checkedOn?: Dayjs; requirement?: string; rectifyBy?: Dayjs };

function DrawDetail({ id, canAct }: { id: number; canAct: boolean }) {
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
      message.success('抽查结论已登记');
      setItem(null);
      form.resetFields();
    } catch (err) {
      applyFieldErrors(form, err, ['finding', 'note', 'checkedOn', 'requirement', 'rectifyBy']);
    }
  };
  return (
    <>
      <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="抽取日期">{d.data.drawnOn}</Descriptions.Item>
        <Descriptions.Item label="抽查比例">{`${(d.data.rate * 100).toFixed(1)}%`}</Descriptions.Item>
        <Descriptions.Item label="随机种子">{d.data.seed}</Descriptions.Item>
        <Descriptions.Item label="复核">{d.data.reproducible ? <Tag color="green">按种子重抽结果一致</Tag> : <Tag color="red">不一致</Tag>}</Descriptions.Item>
        <Descriptions.Item label="分层" span={4}>
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
          { title: '企业', dataIndex: 'enterpriseName' },
          { title: '区县', dataIndex: 'districtName', width: 90 },
          { title: '证书编号', dataIndex: 'certificateNo', width: 170 },
          { title: '结论', width: 120, render: (_, i) => (i.finding ? <Tag color={FINDING_COLOR[i.finding]}>{i.findingName}</Tag> : <Tag>待检查</Tag>) },
          { title: '案件', width: 150, render: (_, i) => (i.caseId ? <Link to={`/supervision/cases/${i.caseId}`}>{i.caseStatusName}</Link> : '—') },
          {
            title: '操作',
            width: 110,
            render: (_, i) =>
              canAct && !i.finding ? (
                <Button size="small" onClick={() => setItem(i)}>
                  登记结论
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal title={`登记抽查结论：${item?.enterpriseName ?? ''}`} open={!!item} onCancel={() => setItem(null)} onOk={() => form.submit()} confirmLoading={record.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ finding: 'compliant' }}>
          <Form.Item name="finding" label="结论">
            <Radio.Group options={[{ value: 'compliant', label: '符合认定条件' }, { value: 'rectify', label: '限期整改' }, { value: 'revoke', label: '撤销认定' }]} />
          </Form.Item>
          <Form.Item name="checkedOn" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label="检查情况" rules={[{ required: true, message: '请填写检查情况' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          {finding === 'rectify' ? (
            <>
              <Form.Item name="requirement" label="整改要求" rules={[{ required: true, message: '请写明整改要求' }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="rectifyBy" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
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
      message.success(`已抽取 ${d.drawn} 家（随机种子 ${d.seed}）`);
      setSelected(d.id);
      setOpen(false);
    } catch (err) {
      applyFieldErrors(form, err, ['year', 'title', 'types', 'rate']);
    }
  };
  return (
    <>
      <PageTitle title="认定后监管" extra={isCity ? <Button type="primary" onClick={() => setOpen(true)}>随机抽取抽查对象</Button> : null} />
      <Card>
        <Tabs
          items={[
            {
              key: 'spot',
              label: '随机抽查',
              children: (
                <>
                  <Space style={{ marginBottom: 12 }}>
                    <Select
                      aria-label="抽查批次"
                      style={{ width: 360 }}
                      value={current ?? undefined}
                      onChange={setSelected}
                      options={(draws.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.title}（${d.checked}/${d.drawn} 已检查）` }))}
                    />
                  </Space>
                  {current ? <DrawDetail id={current} canAct={isCity} /> : <Typography.Text type="secondary">尚无抽查批次</Typography.Text>}
                </>
              ),
            },
            {
              key: 'cases',
              label: `整改与撤销案件（${cases.data?.items.length ?? 0}）`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  dataSource={cases.data?.items ?? []}
                  columns={[
                    { title: '类别', dataIndex: 'typeName', width: 90 },
                    { title: '企业', dataIndex: 'enterpriseName', render: (v: string, c) => <Link to={`/supervision/cases/${c.id}`}>{v}</Link> },
                    { title: '认定', width: 240, render: (_, c) => `${c.recognitionTypeName} ${c.certificateNo}` },
                    { title: '状态', dataIndex: 'statusName', width: 130 },
                    { title: '期限', dataIndex: 'dueOn', width: 110 },
                  ]}
                />
              ),
            },
            {
              key: 'reports',
              label: '年度报告',
              children: (
                <>
                  <InputNumber aria-label="报告年度" value={year} min={2010} max={2030} onChange={(v) => v && setYear(v)} addonBefore="报告年度" style={{ marginBottom: 12 }} />
                  <Table
                    rowKey="id"
                    size="small"
                    loading={reports.isLoading}
                    dataSource={reports.data?.items ?? []}
                    pagination={{ pageSize: 20 }}
                    columns={[
                      { title: '企业', dataIndex: 'enterpriseName' },
                      { title: '区县', dataIndex: 'districtName', width: 80 },
                      { title: '认定', dataIndex: 'recognitionTypeName', width: 150 },
                      { title: '研发费用占比', width: 110, render: (_, r) => (r.ratios.rdRatio === null ? '—' : `${(r.ratios.rdRatio * 100).toFixed(1)}%`) },
                      { title: '高新收入占比', width: 110, render: (_, r) => (r.ratios.highTechShare === null ? '—' : `${(r.ratios.highTechShare * 100).toFixed(1)}%`) },
                      { title: '科技人员占比', width: 110, render: (_, r) => (r.ratios.stShare === null ? '—' : `${(r.ratios.stShare * 100).toFixed(1)}%`) },
                      { title: '状态', dataIndex: 'statusName', width: 120 },
                      {
                        title: '审核',
                        width: 150,
                        render: (_, r) =>
                          canReview && r.status === 'submitted' ? (
                            <Space>
                              <Button size="small" onClick={() => review.mutate({ id: r.id, accept: true }, { onError: (e) => message.error(errorMessage(e)) })}>
                                通过
                              </Button>
                              <Button
                                size="small"
                                danger
                                onClick={() => {
                                  const comment = window.prompt('退回理由');
                                  if (comment) {
                                    review.mutate({ id: r.id, accept: false, comment }, { onError: (e) => message.error(errorMessage(e)) });
                                  }
                                }}
                              >
                                退回
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
      <Modal title="随机抽取抽查对象" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={draw} initialValues={{ year: 2016, types: ['hnte'], rate: 2, title: '2016年度高新技术企业认定后抽查' }}>
          <Form.Item name="title" label="抽查名称" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="year" label="年度">
            <InputNumber min={2010} max={2030} />
          </Form.Item>
          <Form.Item name="types" label="认定类型">
            <Select mode="multiple" options={[{ value: 'hnte', label: '国家高新技术企业' }, { value: 'municipal_hte', label: '杭州市高新技术企业' }, { value: 'eagle', label: '雏鹰计划企业' }, { value: 'qinglan', label: '青蓝计划企业' }, { value: 'tase', label: '技术先进型服务企业' }]} />
          </Form.Item>
          <Form.Item name="rate" label="抽查比例（%，每个区县至少1家）">
            <InputNumber min={0.1} max={100} step={0.5} />
          </Form.Item>
          <Typography.Text type="secondary">按区县分层，以随机种子抽取；种子与抽取时的名单一并记录，可随时复核。</Typography.Text>
        </Form>
      </Modal>
    </>
  );
}
