import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCalls, useCreateCall, type ProgrammeCall } from '../api/calls';
import { useAddYear, useProgrammes, type Programme } from '../api/programmes';
import { InviteModal } from './InviteModal';
import { wan } from './labels';

interface CallForm {
  programmeId: number;
  year: number;
  batch: number;
  title: string;
  eligibility: string;
  topics: { code: string; title: string; description: string }[];
  ceiling: number;
  totalBudget: number;
  window: [Dayjs, Dayjs];
}

function NewCallModal({ programmes, open, onClose }: { programmes: Programme[]; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CallForm>();
  const create = useCreateCall();
  const { message } = App.useApp();
  const submit = async (v: CallForm) => {
    try {
      await create.mutateAsync({
        programmeId: v.programmeId,
        year: v.year,
        batch: v.batch,
        title: v.title,
        eligibility: v.eligibility,
        topics: v.topics ?? [],
        ceiling: v.ceiling * 10_000,
        totalBudget: v.totalBudget * 10_000,
        opensOn: v.window[0].format('YYYY-MM-DD'),
        closesOn: v.window[1].format('YYYY-MM-DD'),
      });
      message.success('申报指南已发布');
      form.resetFields();
      onClose();
    } catch (err) {
      const rest = applyFieldErrors(form, err, ['programmeId', 'year', 'batch', 'title', 'eligibility', 'topics', 'ceiling', 'totalBudget']);
      if (rest.length) {
        message.error(rest.map((r) => r.message).join('；'));
      }
    }
  };
  return (
    <Modal title="发布申报指南" open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} width={720} okText="发布">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: 2016, batch: 2, topics: [] }}>
        <Form.Item name="programmeId" label="计划类别" rules={[{ required: true, message: '请选择计划类别' }]}>
          <Select
            options={programmes.map((p) => ({
              value: p.id,
              label: `${p.name}（${p.selectionName}）`,
            }))}
          />
        </Form.Item>
        <Space>
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <InputNumber min={2015} max={2100} />
          </Form.Item>
          <Form.Item name="batch" label="批次" rules={[{ required: true }]}>
            <InputNumber min={1} max={9} />
          </Form.Item>
          <Form.Item name="ceiling" label="单项资助上限（万元）" rules={[{ required: true, message: '请填写单项资助上限' }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="totalBudget" label="指南资助总额（万元）" rules={[{ required: true, message: '请填写资助总额' }]}>
            <InputNumber min={1} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label="指南标题" rules={[{ required: true, message: '请填写指南标题' }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="window" label="受理时间" rules={[{ required: true, message: '请选择受理时间' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="eligibility" label="申报条件" rules={[{ required: true, message: '请填写申报条件' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.List name="topics">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '编号' }]}>
                    <Input placeholder="方向编号" style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '名称' }]}>
                    <Input placeholder="方向名称" style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'description']} initialValue="">
                    <Input placeholder="说明" style={{ width: 260 }} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button
                onClick={() =>
                  add({
                    code: `T${fields.length + 1}`,
                    title: '',
                    description: '',
                  })
                }
              >
                添加指南方向
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function YearModal({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const [form] = Form.useForm<{ year: number; budget: number }>();
  const add = useAddYear();
  const { message } = App.useApp();
  return (
    <Modal title={`下达年度预算：${programme.name}`} open onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending} okText="下达">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: 2017 }}
        onFinish={async (v) => {
          try {
            await add.mutateAsync({
              id: programme.id,
              year: v.year,
              budget: v.budget * 10_000,
            });
            message.success('年度预算已下达并记入科技计划项目资金账');
            onClose();
          } catch (err) {
            const rest = applyFieldErrors(form, err, ['year', 'budget']);
            if (rest.length) {
              message.error(rest.map((r) => r.message).join('；'));
            }
          }
        }}
      >
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2015} max={2100} />
        </Form.Item>
        <Form.Item name="budget" label="年度预算（万元）" rules={[{ required: true, message: '请填写年度预算' }]}>
          <InputNumber min={1} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The bureau's programmes: yearly budgets (appropriated, committed, available) and their calls with the way to each ranking. */
export default function ProgrammesPage() {
  const me = useSession();
  const officer = hasAnyRole(me, ['city_officer']);
  const programmes = useProgrammes();
  const calls = useCalls();
  const [open, setOpen] = useState(false);
  const [budgeting, setBudgeting] = useState<Programme | null>(null);
  const [inviting, setInviting] = useState<ProgrammeCall | null>(null);
  return (
    <>
      <PageTitle
        title="科技计划与申报指南"
        extra={
          officer ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              发布申报指南
            </Button>
          ) : null
        }
      >
        <Typography.Text type="secondary">年度预算记入“科技计划项目资金”账：立项时从计划年度预算转入项目，超出预算的立项由数据库拒绝。</Typography.Text>
      </PageTitle>
      {programmes.error ? <Alert type="error" showIcon message={errorMessage(programmes.error)} /> : null}
      <Card title="计划类别与年度预算" style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          loading={programmes.isLoading}
          dataSource={programmes.data?.items ?? []}
          pagination={false}
          columns={[
            { title: '计划类别', dataIndex: 'name' },
            { title: '征集方式', dataIndex: 'selectionName', width: 160 },
            {
              title: '拨款比例',
              width: 140,
              render: (_, p) => p.trancheSplit.map((x) => `${x}%`).join(' / '),
            },
            {
              title: '年度预算（已立项 / 可用）',
              render: (_, p) => (
                <Space direction="vertical" size={0}>
                  {p.years.map((y) => (
                    <span key={y.id}>{`${y.year}年：${wan(y.budget)}（已立项 ${wan(y.committed)}，可用 ${wan(y.available)}）`}</span>
                  ))}
                </Space>
              ),
            },
            ...(officer
              ? [
                  {
                    title: '',
                    width: 120,
                    render: (_: unknown, p: Programme) => (
                      <Button size="small" onClick={() => setBudgeting(p)}>
                        下达年度预算
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title="申报指南">
        <Table
          rowKey="id"
          loading={calls.isLoading}
          dataSource={calls.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            {
              title: '指南',
              dataIndex: 'title',
              render: (v: string, c) => <Link to={`/programmes/projects?callId=${c.id}`}>{v}</Link>,
            },
            {
              title: '受理时间',
              width: 210,
              render: (_, c) => `${c.opensOn} 至 ${c.closesOn}`,
            },
            { title: '单项上限', width: 110, render: (_, c) => wan(c.ceiling) },
            {
              title: '资助总额',
              width: 120,
              render: (_, c) => wan(c.totalBudget),
            },
            {
              title: '状态',
              width: 80,
              render: (_, c) => <Tag color={c.state === 'open' ? 'green' : 'default'}>{c.stateName}</Tag>,
            },
            {
              title: '',
              width: 200,
              render: (_, c) => (
                <Space>
                  {officer && c.invitedOnly ? (
                    <Button size="small" onClick={() => setInviting(c)}>
                      {`邀请申报单位（${c.invited?.length ?? 0}）`}
                    </Button>
                  ) : null}
                  <Link to={`/programmes/calls/${c.id}/ranking`}>评审排序</Link>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {inviting ? <InviteModal call={calls.data?.items.find((c) => c.id === inviting.id) ?? inviting} onClose={() => setInviting(null)} /> : null}
      {budgeting ? <YearModal programme={budgeting} onClose={() => setBudgeting(null)} /> : null}
      <NewCallModal programmes={programmes.data?.items ?? []} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
