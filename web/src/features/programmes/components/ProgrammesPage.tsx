import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { renderWan } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { PageTitle } from '../../../components/PageTitle';
import { StatusTag } from '../../../components/StatusTag';
import { formatMoney } from '../../../lib/money';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCalls, useCreateCall, type ProgrammeCall } from '../api/calls';
import { useAddYear, useProgrammes, type Programme } from '../api/programmes';
import { InviteModal } from './InviteModal';
import { useI18n, useMessages, useT } from '../../../lib/i18n';
import { programmesMessages } from '../messages';

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
  const t = useMessages(programmesMessages);
  const create = useCreateCall();
  const { message } = App.useApp();
  const submit = async (v: CallForm) => {
    await create.mutateAsync({
      programmeId: v.programmeId,
      year: v.year,
      batch: v.batch,
      title: v.title,
      eligibility: v.eligibility,
      topics: v.topics ?? [],
      ceiling: v.ceiling,
      totalBudget: v.totalBudget,
      opensOn: v.window[0].format('YYYY-MM-DD'),
      closesOn: v.window[1].format('YYYY-MM-DD'),
    });
    message.success(t('programmes.call.published'));
  };
  return (
    <FormModal<CallForm> title={t('programmes.call.publish')} open={open} onClose={onClose} onSubmit={submit} width={720} okText={t('programmes.call.ok')} initialValues={{ year: 2016, batch: 2, topics: [] }}>
      <Form.Item name="programmeId" label={t('programmes.col.programme')} rules={[{ required: true, message: t('programmes.call.programmeRequired') }]}>
        <Select
          options={programmes.map((p) => ({
            value: p.id,
            label: t('programmes.nameWithParen', { name: p.name, detail: p.selectionName }),
          }))}
        />
      </Form.Item>
      <Space>
        <Form.Item name="year" label={t('programmes.col.year')} rules={[{ required: true }]}>
          <InputNumber min={2015} max={2100} />
        </Form.Item>
        <Form.Item name="batch" label={t('programmes.call.batch')} rules={[{ required: true }]}>
          <InputNumber min={1} max={9} />
        </Form.Item>
        <Form.Item name="ceiling" label={t('programmes.call.ceiling')} rules={[{ required: true, message: t('programmes.call.ceilingRequired') }]}>
          <MoneyInput min={1} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="totalBudget" label={t('programmes.call.totalBudget')} rules={[{ required: true, message: t('programmes.call.totalBudgetRequired') }]}>
          <MoneyInput min={1} style={{ width: 190 }} />
        </Form.Item>
      </Space>
      <Form.Item name="title" label={t('programmes.call.title')} rules={[{ required: true, message: t('programmes.call.titleRequired') }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="window" label={t('programmes.col.window')} rules={[{ required: true, message: t('programmes.call.windowRequired') }]}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item name="eligibility" label={t('programmes.public.eligibility')} rules={[{ required: true, message: t('programmes.call.eligibilityRequired') }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.List name="topics">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: t('programmes.call.topicCode') }]}>
                  <Input placeholder={t('programmes.call.topicCodePlaceholder')} style={{ width: 90 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: t('programmes.call.topicTitle') }]}>
                  <Input placeholder={t('programmes.call.topicTitlePlaceholder')} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'description']} initialValue="">
                  <Input placeholder={t('programmes.call.topicDescription')} style={{ width: 260 }} />
                </Form.Item>
                <Button type="link" onClick={() => remove(f.name)}>
                  {t('programmes.delete')}
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
              {t('programmes.call.addTopic')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

function YearModal({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const t = useMessages(programmesMessages);
  const add = useAddYear();
  const { message } = App.useApp();
  const submit = async (v: { year: number; budget: number }) => {
    await add.mutateAsync({ id: programme.id, year: v.year, budget: v.budget });
    message.success(t('programmes.year.done'));
  };
  return (
    <FormModal<{ year: number; budget: number }> title={t('programmes.year.title', { name: programme.name })} open onClose={onClose} onSubmit={submit} okText={t('programmes.year.ok')} initialValues={{ year: 2017 }}>
      <Form.Item name="year" label={t('programmes.col.year')} rules={[{ required: true, message: t('programmes.year.yearRequired') }]}>
        <InputNumber min={2015} max={2100} />
      </Form.Item>
      <Form.Item name="budget" label={t('programmes.year.budget')} rules={[{ required: true, message: t('programmes.year.budgetRequired') }]}>
        <MoneyInput min={1} wanHint />
      </Form.Item>
    </FormModal>
  );
}

/** The bureau's programmes: yearly budgets (appropriated, committed, available) and their calls with the way to each ranking. */
export default function ProgrammesPage() {
  const t = useMessages(programmesMessages);
  const me = useSession();
  const officer = hasAnyRole(me, ['city_officer']);
  const programmes = useProgrammes();
  const calls = useCalls();
  const [open, setOpen] = useState(false);
  const [budgeting, setBudgeting] = useState<Programme | null>(null);
  const [inviting, setInviting] = useState<ProgrammeCall | null>(null);
  const tc = useT();
  const { lang } = useI18n();
  const wan = (v: number) => formatMoney(v, 'wan', lang);
  const programmeColumns: DataColumn<Programme>[] = [
    { key: 'name', title: t('programmes.col.programme'), dataIndex: 'name' },
    { key: 'selection', title: t('programmes.page.selection'), dataIndex: 'selectionName', width: 160 },
    { key: 'split', title: t('programmes.page.split'), width: 140, render: (_: unknown, p) => p.trancheSplit.map((x) => `${x}%`).join(' / ') },
    {
      key: 'years',
      title: t('programmes.page.yearBudgets'),
      render: (_: unknown, p) => (
        <Space direction="vertical" size={0}>
          {p.years.map((y) => (
            <span key={y.id} className="money">
              {t('programmes.page.yearBudget', { year: y.year, budget: wan(y.budget), committed: wan(y.committed), available: wan(y.available) })}
            </span>
          ))}
        </Space>
      ),
    },
    ...(officer
      ? [
          {
            key: 'actions',
            title: tc('common.actions'),
            width: 120,
            render: (_: unknown, p: Programme) => (
              <Button size="small" onClick={() => setBudgeting(p)}>
                {t('programmes.page.appropriate')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const callColumns: DataColumn<ProgrammeCall>[] = [
    { key: 'title', title: t('programmes.col.call'), dataIndex: 'title', render: (v: string, c) => <Link to={`/programmes/projects?callId=${c.id}`}>{v}</Link> },
    { key: 'window', title: t('programmes.col.window'), width: 210, render: (_: unknown, c) => t('programmes.range', { from: c.opensOn, to: c.closesOn }) },
    { key: 'ceiling', title: t('programmes.col.ceiling'), width: 130, align: 'right', dataIndex: 'ceiling', render: renderWan },
    { key: 'totalBudget', title: t('programmes.col.totalBudget'), width: 140, align: 'right', dataIndex: 'totalBudget', render: renderWan },
    { key: 'status', title: t('programmes.col.status'), width: 90, dataIndex: 'stateName', render: (v: string, c) => <StatusTag status={c.state} name={v} /> },
    {
      key: 'actions',
      title: tc('common.actions'),
      width: 200,
      render: (_: unknown, c) => (
        <Space>
          {officer && c.invitedOnly ? (
            <Button size="small" onClick={() => setInviting(c)}>
              {t('programmes.page.invite', { n: c.invited?.length ?? 0 })}
            </Button>
          ) : null}
          <Link to={`/programmes/calls/${c.id}/ranking`}>{t('programmes.page.ranking')}</Link>
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageTitle
        title={t('programmes.page.title')}
        extra={
          officer ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('programmes.call.publish')}
            </Button>
          ) : null
        }
      >
        <Typography.Text type="secondary">{t('programmes.page.intro')}</Typography.Text>
      </PageTitle>
      <Card title={t('programmes.page.budgets')} style={{ marginBottom: 16 }}>
        <DataTable<Programme> tableId="programmes.budgets" rowKey="id" size="middle" columns={programmeColumns} query={programmes} rows={programmes.data?.items} />
      </Card>
      <Card title={t('programmes.page.calls')}>
        <DataTable<ProgrammeCall> tableId="programmes.calls" rowKey="id" size="middle" columns={callColumns} query={calls} rows={calls.data?.items} pagination={{ pageSize: 20 }} />
      </Card>
      {inviting ? <InviteModal call={calls.data?.items.find((c) => c.id === inviting.id) ?? inviting} onClose={() => setInviting(null)} /> : null}
      {budgeting ? <YearModal programme={budgeting} onClose={() => setBudgeting(null)} /> : null}
      <NewCallModal programmes={programmes.data?.items ?? []} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
