import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { Money } from '../../../components/Money';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useProject, type FollowUp, type ProjectDetail } from '../api/get-project';
import { useConcludeAcceptance, useConcludeMidterm, useDecideChange, useStartAcceptance, useSubmitAcceptance, useSubmitMidterm } from '../api/steps';
import { AcceptanceReview, RESULT_NAMES } from './AcceptanceReview';
import { ChangeForm } from './ChangeForm';
import { EvidenceFiles } from './EvidenceFiles';
import { CommentModal } from './CommentModal';
import { ReportForm } from './ReportForm';

const KIND: Record<string, string> = { project_midterm: '中期检查', project_acceptance: '项目验收', project_change: '项目变更' };

type Pending = { title: string; required: boolean; okText: string; run: (comment?: string) => Promise<unknown> } | null;

/** One project after its contract: the plan in force, its mid-term, acceptance and changes with their steps, its payments. */
export function ProjectDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const q = useProject(id);
  const p = q.data;
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={p ? p.title : '项目'} destroyOnHidden>
      {q.isError ? <Alert type="error" message={errorMessage(q.error)} /> : null}
      {p ? <ProjectBody p={p} /> : null}
    </Drawer>
  );
}

function ProjectBody({ p }: { p: ProjectDetail }) {
  const me = useSession();
  const officer = hasAnyRole(me, ['city_officer']);
  const enterprise = hasAnyRole(me, ['enterprise_user']);
  const { message } = App.useApp();
  const start = useStartAcceptance();
  const [changing, setChanging] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const midterm = useConcludeMidterm();
  const acceptance = useConcludeAcceptance();
  const decide = useDecideChange();
  const submitMid = useSubmitMidterm();
  const submitAcc = useSubmitAcceptance();
  const ask = (x: NonNullable<Pending>) => setPending(x);
  const run = async (f: () => Promise<unknown>, ok: string) => {
    try {
      await f();
      message.success(ok);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const actions = (f: FollowUp) => {
    if (f.instrument === 'project_midterm') {
      if (enterprise && (f.status === 'due' || f.status === 'returned')) {
        return <ReportForm project={p} kind="midterm" loading={submitMid.isPending} onSubmit={(v) => submitMid.mutateAsync({ id: f.id, body: { progress: v.text, kpis: v.kpis, spent: v.spent } })} />;
      }
      if (officer && f.status === 'submitted') {
        return (
          <Space wrap>
            <Button type="primary" onClick={() => ask({ title: '中期检查通过', required: false, okText: '通过', run: (c) => midterm.mutateAsync({ id: f.id, body: { result: 'pass', comment: c } }) })}>通过（生成第2笔拨款）</Button>
            <Button onClick={() => ask({ title: '退回补充', required: true, okText: '退回', run: (c) => midterm.mutateAsync({ id: f.id, body: { result: 'return', comment: c } }) })}>退回补充</Button>
            <Button danger onClick={() => ask({ title: '中期检查不通过', required: true, okText: '不通过', run: (c) => midterm.mutateAsync({ id: f.id, body: { result: 'fail', comment: c } }) })}>不通过</Button>
          </Space>
        );
      }
    }
    if (f.instrument === 'project_acceptance') {
      if (enterprise && f.status === 'preparing') {
        return <ReportForm project={p} kind="acceptance" acceptance={f} loading={submitAcc.isPending} onSubmit={(v) => submitAcc.mutateAsync({ id: f.id, body: { summary: v.text, kpis: v.kpis, spent: v.spent } })} />;
      }
      if (officer && f.status === 'submitted') {
        return <Link to={`/experts/panels/${f.id}`}>抽取验收专家 →</Link>;
      }
      if (f.proposal || (officer && f.status === 'scored')) {
        return <AcceptanceReview f={f} officer={officer} ask={(x) => ask({ ...x, run: (c) => acceptance.mutateAsync({ id: f.id, body: { result: x.result, comment: c } }) })} />;
      }
    }
    if (f.instrument === 'project_change' && officer && f.status === 'submitted') {
      return (
        <Space wrap>
          <Button type="primary" onClick={() => ask({ title: '批准变更', required: false, okText: '批准', run: (c) => decide.mutateAsync({ id: f.id, body: { approve: true, comment: c } }) })}>批准</Button>
          <Button danger onClick={() => ask({ title: '不予批准', required: true, okText: '不予批准', run: (c) => decide.mutateAsync({ id: f.id, body: { approve: false, comment: c } }) })}>不予批准</Button>
        </Space>
      );
    }
    return null;
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="承担单位">{p.enterprise.name}</Descriptions.Item>
        <Descriptions.Item label="状态"><Tag color="blue">{p.statusName}</Tag></Descriptions.Item>
        <Descriptions.Item label="计划类别">{p.programme.name}</Descriptions.Item>
        <Descriptions.Item label="任务书编号">{p.contractNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="立项金额"><Money value={p.approved} /></Descriptions.Item>
        <Descriptions.Item label="已拨付 / 待拨付"><Money value={p.paid} /> / <Money value={p.committed} /></Descriptions.Item>
        <Descriptions.Item label="实施期">{p.startOn} 至 {p.endOn}{p.changesApplied ? <Tag style={{ marginLeft: 8 }}>含{p.changesApplied}项已批准变更</Tag> : null}</Descriptions.Item>
        <Descriptions.Item label="拨款比例">{p.programme.trancheSplit.join(' / ')}%</Descriptions.Item>
      </Descriptions>
      <Table size="small" pagination={false} rowKey="key" dataSource={p.kpis} columns={[{ title: '考核指标', dataIndex: 'name' }, { title: '目标值', render: (_: unknown, k) => `${k.target} ${k.unit}` }]} />
      <Space wrap>
        {officer && p.status === 'in_progress' ? (
          <Button onClick={() => void run(() => start.mutateAsync(p.id), '已启动验收')} loading={start.isPending} data-testid="start-acceptance">
            启动验收
          </Button>
        ) : null}
        {enterprise && p.status === 'in_progress' ? <Button onClick={() => setChanging((x) => !x)}>申请变更</Button> : null}
      </Space>
      {changing ? (
        <Card size="small" title="申请项目变更">
          <ChangeForm project={p} onDone={() => setChanging(false)} />
        </Card>
      ) : null}
      {p.followUps.length === 0 ? <Empty description="尚无中期检查、验收或变更事项" /> : null}
      {p.followUps.map((f) => (
        <Card key={f.id} size="small" title={`${KIND[f.instrument]}${f.instrument === 'project_change' ? `：${f.typeName}` : ''} #${f.id}`} extra={<Tag color={f.status === 'failed' || f.status === 'rejected' ? 'red' : 'processing'}>{f.statusName}</Tag>} data-testid={`follow-up-${f.id}`}>
          <Descriptions size="small" column={2}>
            {f.dueOn ? <Descriptions.Item label="办理期限">{f.dueOn}</Descriptions.Item> : null}
            {f.panelScore !== null ? <Descriptions.Item label="专家评分">{f.panelScore}</Descriptions.Item> : null}
            {f.result ? <Descriptions.Item label="验收结论">{RESULT_NAMES[f.result] ?? f.result}</Descriptions.Item> : null}
            {f.report?.spent !== null && f.report?.spent !== undefined ? <Descriptions.Item label="已支出经费"><Money value={f.report.spent} /></Descriptions.Item> : null}
            {f.change ? <Descriptions.Item label="变更理由" span={2}>{f.change.reason}</Descriptions.Item> : null}
            {f.change?.requested.endOn ? <Descriptions.Item label="结束日期">{f.change.previous.endOn} → {f.change.requested.endOn}</Descriptions.Item> : null}
            {f.change?.requested.kpis ? <Descriptions.Item label="指标目标" span={2}>{f.change.requested.kpis.map((k, i) => `${k.name} ${f.change?.previous.kpis?.[i]?.target ?? '—'} → ${k.target}${k.unit}`).join('；')}</Descriptions.Item> : null}
          </Descriptions>
          {f.instrument === 'project_acceptance' && f.evidence.length && f.status !== 'preparing' ? (
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              style={{ marginBottom: 8 }}
              dataSource={p.kpis}
              columns={[
                { title: '考核指标', dataIndex: 'name' },
                { title: '目标 / 实际', width: 150, render: (_: unknown, k) => `${k.target} / ${f.report?.kpis.find((x) => x.key === k.key)?.actual ?? '—'} ${k.unit}` },
                { title: '佐证材料', render: (_: unknown, k) => <EvidenceFiles acceptance={f} kpi={k.key} editable={false} /> },
              ]}
            />
          ) : null}
          {f.report && f.report.kpis.length ? (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {(f.report.progress ?? f.report.summary ?? '') + ' '}
              {f.report.kpis.map((k) => {
                const def = p.kpis.find((x) => x.key === k.key);
                return `【${def?.name ?? k.key}】${k.actual}/${def?.target ?? '—'}${def?.unit ?? ''}${k.evidence ? `（${k.evidence}）` : ''}`;
              }).join(' ')}
            </Typography.Paragraph>
          ) : null}
          <Timeline
            style={{ marginTop: 8 }}
            items={f.events.map((e) => ({ children: `${e.at.slice(0, 10)} ${e.actor}：${e.toStatus}${e.comment ? `（${e.comment}）` : ''}` }))}
          />
          {actions(f)}
        </Card>
      ))}
      <Card size="small" title="拨款与收回">
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={p.payments}
          columns={[
            { title: '支付指令', dataIndex: 'id', width: 90 },
            { title: '用途', dataIndex: 'purpose' },
            { title: '方向', dataIndex: 'direction', width: 70, render: (d: string) => (d === 'out' ? '拨付' : '收回') },
            { title: '金额（元）', dataIndex: 'amount', align: 'right', render: (v: number) => <Money value={v} /> },
            { title: '状态', dataIndex: 'statusName', width: 120 },
            { title: '到账日期', dataIndex: 'paidOn', width: 110 },
          ]}
        />
      </Card>
      <CommentModal
        open={pending !== null}
        title={pending?.title ?? ''}
        required={pending?.required ?? false}
        okText={pending?.okText ?? '确定'}
        onCancel={() => setPending(null)}
        onOk={(c) => {
          const x = pending!;
          setPending(null);
          void run(() => x.run(c), `${x.title}：已办理`);
        }}
      />
    </Space>
  );
}
