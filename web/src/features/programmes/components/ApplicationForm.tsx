import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MoneyInput } from '../../../components/MoneyInput';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { formatMoney } from '../../../lib/money';
import { useSaveApplication, useSubmitApplication, type Application, type Content } from '../api/applications';
import { BUDGET_CATEGORIES, KPI_KINDS } from './labels';
import { useI18n, useMessages, type Vars } from '../../../lib/i18n';
import { programmesMessages, teamRoleMessages } from '../messages';

type ProgrammesT = (key: keyof typeof programmesMessages, vars?: Vars) => string;
const TEAM_ROLES = Object.keys(teamRoleMessages) as (keyof typeof teamRoleMessages)[];

type FormValues = Omit<Content, 'startOn' | 'endOn' | 'milestones'> & {
  period?: [Dayjs, Dayjs];
  milestones: { name: string; due: Dayjs }[];
};

const toValues = (a: Application): FormValues => ({
  title: a.title,
  topicCode: a.topicCode,
  plan: a.plan,
  budgetLines: a.budgetLines.map((l) => ({
    category: l.category,
    city: l.city,
    self: l.self,
    note: l.note,
  })) as Content['budgetLines'],
  kpis: a.kpis as Content['kpis'],
  milestones: a.milestones.map((m) => ({ name: m.name, due: dayjs(m.due) })),
  period: a.startOn && a.endOn ? [dayjs(a.startOn), dayjs(a.endOn)] : undefined,
});

const toContent = (v: FormValues, t: ProgrammesT): Content => ({
  title: v.title ?? '',
  topicCode: v.topicCode ?? null,
  plan: {
    summary: v.plan?.summary ?? '',
    objectives: v.plan?.objectives ?? '',
    content: v.plan?.content ?? '',
    basis: v.plan?.basis ?? '',
    team: v.plan?.team ?? [],
    partners: v.plan?.partners ?? [],
  },
  budgetLines: (v.budgetLines ?? []).map((l) => ({
    category: l.category,
    city: l.city ?? 0,
    self: l.self ?? 0,
    note: l.note ?? '',
  })),
  kpis: (v.kpis ?? []).map((k) => ({
    ...k,
    name: k.name || (KPI_KINDS[k.key] ? t(KPI_KINDS[k.key].name) : k.key),
    unit: k.unit || (KPI_KINDS[k.key] ? t(KPI_KINDS[k.key].unit) : ''),
  })),
  milestones: (v.milestones ?? []).filter((m) => m?.due).map((m) => ({ name: m.name, due: m.due.format('YYYY-MM-DD') })),
  startOn: v.period ? v.period[0].format('YYYY-MM-DD') : null,
  endOn: v.period ? v.period[1].format('YYYY-MM-DD') : null,
});

/** The enterprise's application form (draft or returned): plan, team, budget, KPIs, milestones; save keeps a draft, submit checks everything. */
export function ApplicationForm({ app }: { app: Application }) {
  const t = useMessages(programmesMessages);
  const role = useMessages(teamRoleMessages);
  const { lang } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveApplication();
  const submit = useSubmitApplication();
  const { message } = App.useApp();
  const lines = Form.useWatch('budgetLines', form) ?? [];
  const city = lines.reduce((s, l) => s + (l?.city ?? 0), 0);
  const self = lines.reduce((s, l) => s + (l?.self ?? 0), 0);
  const doSave = async () => {
    try {
      const saved = await save.mutateAsync({
        id: app.id,
        body: toContent(form.getFieldsValue(true) as FormValues, t),
      });
      message.success(saved.issues.length ? t('programmes.form.savedWithIssues', { n: saved.issues.length }) : t('programmes.form.saved'));
      return saved;
    } catch (err) {
      applyFieldErrors(form, err, []);
      message.error(errorMessage(err));
      return null;
    }
  };
  const doSubmit = async () => {
    const saved = await doSave();
    if (!saved) {
      return;
    }
    try {
      await submit.mutateAsync(app.id);
      message.success(t('programmes.form.submitted'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Card
      title={t('programmes.form.title')}
      extra={
        <Typography.Text type="secondary">{t('programmes.form.totals', { city: formatMoney(city, 'yuan', lang), self: formatMoney(self, 'yuan', lang), ceiling: formatMoney(app.call.ceiling, 'yuan', lang) })}</Typography.Text>
      }
    >
      {app.issues.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('programmes.form.issues', { n: app.issues.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {app.issues.map((i) => (
                <li key={`${i.field}${i.message}`}>{i.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form form={form} layout="vertical" initialValues={toValues(app)}>
        <Form.Item name="title" label={t('programmes.form.projectTitle')}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="topicCode" label={t('programmes.form.topic')}>
            <Select
              style={{ width: 280 }}
              options={app.call.topics.map((topic) => ({
                value: topic.code,
                label: `${topic.code} ${topic.title}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="period" label={t('programmes.form.period')}>
            <DatePicker.RangePicker />
          </Form.Item>
        </Space>
        <Form.Item name={['plan', 'summary']} label={t('programmes.form.summary')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name={['plan', 'objectives']} label={t('programmes.form.objectives')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name={['plan', 'content']} label={t('programmes.form.content')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name={['plan', 'basis']} label={t('programmes.form.basis')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Typography.Title level={5}>{t('programmes.form.team')}</Typography.Title>
        <Form.List name={['plan', 'team']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']}>
                    <Input placeholder={t('programmes.form.memberName')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']}>
                    <Input placeholder={t('programmes.form.memberTitle')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']}>
                    <Select style={{ width: 140 }} options={TEAM_ROLES.map((v) => ({ value: v, label: role(v) }))} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    {t('programmes.delete')}
                  </Button>
                </Space>
              ))}
              <Button
                onClick={() =>
                  add({
                    name: '',
                    title: '',
                    role: fields.length ? TEAM_ROLES[1] : TEAM_ROLES[0],
                  })
                }
                style={{ marginBottom: 16 }}
              >
                {t('programmes.form.addMember')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>{t('programmes.form.budget')}</Typography.Title>
        <Form.List name="budgetLines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'category']}>
                    <Select style={{ width: 200 }} options={Object.entries(BUDGET_CATEGORIES).map(([value, label]) => ({ value, label: t(label) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'city']}>
                    <MoneyInput placeholder={t('programmes.form.city')} aria-label={t('programmes.form.city')} style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'self']}>
                    <MoneyInput placeholder={t('programmes.form.self')} aria-label={t('programmes.form.self')} style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']}>
                    <Input placeholder={t('programmes.form.note')} style={{ width: 200 }} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    {t('programmes.delete')}
                  </Button>
                </Space>
              ))}
              <Button
                onClick={() =>
                  add({
                    category: Object.keys(BUDGET_CATEGORIES).find((c) => !lines.some((l) => l?.category === c)) ?? 'other',
                    city: 0,
                    self: 0,
                    note: '',
                  })
                }
                style={{ marginBottom: 16 }}
              >
                {t('programmes.form.addBudgetLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>{t('programmes.form.kpis')}</Typography.Title>
        <Form.List name="kpis">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'key']}>
                    <Select
                      style={{ width: 160 }}
                      options={Object.entries(KPI_KINDS).map(([value, k]) => ({
                        value,
                        label: t(k.name),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']}>
                    <Input placeholder={t('programmes.form.kpiName')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'target']}>
                    <InputNumber min={0} placeholder={t('programmes.form.kpiTarget')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']}>
                    <Input placeholder={t('programmes.form.kpiUnit')} style={{ width: 80 }} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    {t('programmes.delete')}
                  </Button>
                </Space>
              ))}
              <Button
                onClick={() =>
                  add({
                    key: 'patents',
                    name: t(KPI_KINDS.patents.name),
                    unit: t(KPI_KINDS.patents.unit),
                    target: 1,
                  })
                }
                style={{ marginBottom: 16 }}
              >
                {t('programmes.form.addKpi')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>{t('programmes.form.milestones')}</Typography.Title>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']}>
                    <Input placeholder={t('programmes.form.milestone')} style={{ width: 300 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'due']}>
                    <DatePicker placeholder={t('programmes.form.milestoneDue')} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    {t('programmes.delete')}
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ name: '' })} style={{ marginBottom: 16 }}>
                {t('programmes.form.addMilestone')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <Space>
        <Button onClick={() => void doSave()} loading={save.isPending}>
          {t('programmes.form.saveDraft')}
        </Button>
        <Button type="primary" onClick={() => void doSubmit()} loading={submit.isPending}>
          {t('programmes.form.submit')}
        </Button>
      </Space>
    </Card>
  );
}
