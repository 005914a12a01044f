import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useSaveApplication, useSubmitApplication, type Application, type Content } from '../api/applications';
import { BUDGET_CATEGORIES, KPI_KINDS } from './labels';

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

const toContent = (v: FormValues): Content => ({
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
    name: k.name || KPI_KINDS[k.key]?.name || k.key,
    unit: k.unit || KPI_KINDS[k.key]?.unit || '',
  })),
  milestones: (v.milestones ?? []).filter((m) => m?.due).map((m) => ({ name: m.name, due: m.due.format('YYYY-MM-DD') })),
  startOn: v.period ? v.period[0].format('YYYY-MM-DD') : null,
  endOn: v.period ? v.period[1].format('YYYY-MM-DD') : null,
});

/** The enterprise's application form (draft or returned): plan, team, budget, KPIs, milestones; save keeps a draft, submit checks everything. */
export function ApplicationForm({ app }: { app: Application }) {
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
        body: toContent(form.getFieldsValue(true) as FormValues),
      });
      message.success(saved.issues.length ? `已保存草稿，提交前还有 ${saved.issues.length} 处需完善` : '已保存，可以提交');
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
      message.success('已提交');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Card
      title="项目申报书"
      extra={
        <Typography.Text type="secondary">{`市财政资助合计 ${city.toLocaleString('zh-CN')} 元；单位自筹 ${self.toLocaleString('zh-CN')} 元；单项上限 ${app.call.ceiling.toLocaleString('zh-CN')} 元`}</Typography.Text>
      }
    >
      {app.issues.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`提交前需完善 ${app.issues.length} 处`}
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
        <Form.Item name="title" label="项目名称">
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="topicCode" label="指南方向">
            <Select
              style={{ width: 280 }}
              options={app.call.topics.map((t) => ({
                value: t.code,
                label: `${t.code} ${t.title}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="period" label="实施期限">
            <DatePicker.RangePicker />
          </Form.Item>
        </Space>
        <Form.Item name={['plan', 'summary']} label="项目摘要">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name={['plan', 'objectives']} label="项目目标">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name={['plan', 'content']} label="主要研究内容">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name={['plan', 'basis']} label="研究基础">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Typography.Title level={5}>项目团队</Typography.Title>
        <Form.List name={['plan', 'team']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']}>
                    <Input placeholder="姓名" style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']}>
                    <Input placeholder="职称" style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']}>
                    <Select style={{ width: 140 }} options={['负责人', '技术骨干', '技术研发', '财务管理'].map((v) => ({ value: v, label: v }))} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button
                onClick={() =>
                  add({
                    name: '',
                    title: '',
                    role: fields.length ? '技术骨干' : '负责人',
                  })
                }
                style={{ marginBottom: 16 }}
              >
                添加成员
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>经费预算（元）</Typography.Title>
        <Form.List name="budgetLines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'category']}>
                    <Select style={{ width: 200 }} options={Object.entries(BUDGET_CATEGORIES).map(([value, label]) => ({ value, label }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'city']}>
                    <InputNumber min={0} placeholder="市财政资助" style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'self']}>
                    <InputNumber min={0} placeholder="单位自筹" style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']}>
                    <Input placeholder="说明" style={{ width: 200 }} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    删除
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
                添加预算科目
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>考核指标</Typography.Title>
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
                        label: k.name,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']}>
                    <Input placeholder="指标名称" style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'target']}>
                    <InputNumber min={0} placeholder="目标值" style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']}>
                    <Input placeholder="单位" style={{ width: 80 }} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button
                onClick={() =>
                  add({
                    key: 'patents',
                    name: KPI_KINDS.patents.name,
                    unit: KPI_KINDS.patents.unit,
                    target: 1,
                  })
                }
                style={{ marginBottom: 16 }}
              >
                添加考核指标
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>进度节点</Typography.Title>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']}>
                    <Input placeholder="节点" style={{ width: 300 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'due']}>
                    <DatePicker placeholder="完成时间" />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ name: '' })} style={{ marginBottom: 16 }}>
                添加进度节点
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <Space>
        <Button onClick={() => void doSave()} loading={save.isPending}>
          保存草稿
        </Button>
        <Button type="primary" onClick={() => void doSubmit()} loading={submit.isPending}>
          提交申报
        </Button>
      </Space>
    </Card>
  );
}
