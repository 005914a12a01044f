import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { Money } from '../../../components/Money';
import { StatusTag } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useProject, type FollowUp, type ProjectDetail } from '../api/get-project';
import { useConcludeAcceptance, useConcludeMidterm, useDecideChange, useStartAcceptance, useSubmitAcceptance, useSubmitMidterm } from '../api/steps';
import { AcceptanceReview, resultNames } from './AcceptanceReview';
import { ChangeForm } from './ChangeForm';
import { EvidenceFiles } from './EvidenceFiles';
import { CommentModal } from './CommentModal';
import { ReportForm } from './ReportForm';
import { projectsMessages, type ProjectsT } from '../messages';
import { useMessages } from '../../../lib/i18n';

const kindNames = (t: ProjectsT): Record<string, string> => ({ project_midterm: t('projects.midterm'), project_acceptance: t('projects.acceptanceStep'), project_change: t('projects.changeStep') });

type Pending = { title: string; required: boolean; okText: string; run: (comment?: string) => Promise<unknown> } | null;

/** One project after its contract: the plan in force, its mid-term, acceptance and changes with their steps, its payments. */
export function ProjectDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useMessages(projectsMessages);
  const q = useProject(id);
  const p = q.data;
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={p ? p.title : t('projects.project')} destroyOnHidden>
      {q.isError ? <Alert type="error" message={errorMessage(q.error)} /> : null}
      {p ? <ProjectBody p={p} /> : null}
    </Drawer>
  );
}

function ProjectBody({ p }: { p: ProjectDetail }) {
  const t = useMessages(projectsMessages);
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
            <Button type="primary" onClick={() => ask({ title: t('projects.midterm.passTitle'), required: false, okText: t('projects.result.pass'), run: (c) => midterm.mutateAsync({ id: f.id, body: { result: 'pass', comment: c } }) })}>{t('projects.midterm.passButton')}</Button>
            <Button onClick={() => ask({ title: t('projects.returnForMore'), required: true, okText: t('projects.return'), run: (c) => midterm.mutateAsync({ id: f.id, body: { result: 'return', comment: c } }) })}>{t('projects.returnForMore')}</Button>
            <Button danger onClick={() => ask({ title: t('projects.midterm.failTitle'), required: true, okText: t('projects.result.fail'), run: (c) => midterm.mutateAsync({ id: f.id, body: { result: 'fail', comment: c } }) })}>{t('projects.result.fail')}</Button>
          </Space>
        );
      }
    }
    if (f.instrument === 'project_acceptance') {
      if (enterprise && f.status === 'preparing') {
        return <ReportForm project={p} kind="acceptance" acceptance={f} loading={submitAcc.isPending} onSubmit={(v) => submitAcc.mutateAsync({ id: f.id, body: { summary: v.text, kpis: v.kpis, spent: v.spent } })} />;
      }
      if (officer && f.status === 'submitted') {
        return <Link to={`/experts/panels/${f.id}`}>{t('projects.drawExperts')}</Link>;
      }
      if (f.proposal || (officer && f.status === 'scored')) {
        return <AcceptanceReview f={f} officer={officer} ask={(x) => ask({ ...x, run: (c) => acceptance.mutateAsync({ id: f.id, body: { result: x.result, comment: c } }) })} />;
      }
    }
    if (f.instrument === 'project_change' && officer && f.status === 'submitted') {
      return (
        <Space wrap>
          <Button type="primary" onClick={() => ask({ title: t('projects.change.approveTitle'), required: false, okText: t('projects.approve'), run: (c) => decide.mutateAsync({ id: f.id, body: { approve: true, comment: c } }) })}>{t('projects.approve')}</Button>
          <Button danger onClick={() => ask({ title: t('projects.reject'), required: true, okText: t('projects.reject'), run: (c) => decide.mutateAsync({ id: f.id, body: { approve: false, comment: c } }) })}>{t('projects.reject')}</Button>
        </Space>
      );
    }
    return null;
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('projects.undertaker')}>{p.enterprise.name}</Descriptions.Item>
        <Descriptions.Item label={t('projects.status')}><StatusTag status={p.status} name={p.statusName} /></Descriptions.Item>
        <Descriptions.Item label={t('projects.programmeType')}>{p.programme.name}</Descriptions.Item>
        <Descriptions.Item label={t('projects.contractNo')}>{p.contractNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('projects.approvedAmount')}><Money value={p.approved} /></Descriptions.Item>
        <Descriptions.Item label={t('projects.paidPending')}><Money value={p.paid} /> / <Money value={p.committed} /></Descriptions.Item>
        <Descriptions.Item label={t('projects.period')}>{p.startOn} {t('projects.to')} {p.endOn}{p.changesApplied ? <Tag style={{ marginLeft: 8 }}>{t('projects.changesApplied', { changesApplied: p.changesApplied })}</Tag> : null}</Descriptions.Item>
        <Descriptions.Item label={t('projects.paymentSplit')}>{p.programme.trancheSplit.join(' / ')}%</Descriptions.Item>
      </Descriptions>
      <Table size="small" pagination={false} rowKey="key" dataSource={p.kpis} columns={[{ title: t('projects.kpis'), dataIndex: 'name' }, { title: t('projects.target'), render: (_: unknown, k) => `${k.target} ${k.unit}` }]} />
      <Space wrap>
        {officer && p.status === 'in_progress' ? (
          <Button onClick={() => void run(() => start.mutateAsync(p.id), t('projects.acceptanceStarted'))} loading={start.isPending} data-testid="start-acceptance">
            {t('projects.startAcceptance')}
          </Button>
        ) : null}
        {enterprise && p.status === 'in_progress' ? <Button onClick={() => setChanging((x) => !x)}>{t('projects.requestChange')}</Button> : null}
      </Space>
      {changing ? (
        <Card size="small" title={t('projects.change.modalTitle')}>
          <ChangeForm project={p} onDone={() => setChanging(false)} />
        </Card>
      ) : null}
      {p.followUps.length === 0 ? <Empty description={t('projects.noSteps')} /> : null}
      {p.followUps.map((f) => (
        <Card key={f.id} size="small" title={`${kindNames(t)[f.instrument]}${f.instrument === 'project_change' ? `：${f.typeName}` : ''} #${f.id}`} extra={<StatusTag status={f.status} name={f.statusName} />} data-testid={`follow-up-${f.id}`}>
          <Descriptions size="small" column={2}>
            {f.dueOn ? <Descriptions.Item label={t('projects.dueBy')}>{f.dueOn}</Descriptions.Item> : null}
            {f.panelScore !== null ? <Descriptions.Item label={t('projects.expertScore')}>{f.panelScore}</Descriptions.Item> : null}
            {f.result ? <Descriptions.Item label={t('projects.conclusion')}>{resultNames(t)[f.result] ?? f.result}</Descriptions.Item> : null}
            {f.report?.spent !== null && f.report?.spent !== undefined ? <Descriptions.Item label={t('projects.spent')}><Money value={f.report.spent} /></Descriptions.Item> : null}
            {f.change ? <Descriptions.Item label={t('projects.change.reason')} span={2}>{f.change.reason}</Descriptions.Item> : null}
            {f.change?.requested.endOn ? <Descriptions.Item label={t('projects.endDate')}>{f.change.previous.endOn} → {f.change.requested.endOn}</Descriptions.Item> : null}
            {f.change?.requested.kpis ? <Descriptions.Item label={t('projects.kpiTargets')} span={2}>{f.change.requested.kpis.map((k, i) => `${k.name} ${f.change?.previous.kpis?.[i]?.target ?? '—'} → ${k.target}${k.unit}`).join('；')}</Descriptions.Item> : null}
          </Descriptions>
          {f.instrument === 'project_acceptance' && f.evidence.length && f.status !== 'preparing' ? (
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              style={{ marginBottom: 8 }}
              dataSource={p.kpis}
              columns={[
                { title: t('projects.kpis'), dataIndex: 'name' },
                { title: t('projects.targetActual'), width: 150, render: (_: unknown, k) => `${k.target} / ${f.report?.kpis.find((x) => x.key === k.key)?.actual ?? '—'} ${k.unit}` },
                { title: t('projects.evidence'), render: (_: unknown, k) => <EvidenceFiles acceptance={f} kpi={k.key} editable={false} /> },
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
      <Card size="small" title={t('projects.payments')}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={p.payments}
          columns={[
            { title: t('projects.paymentOrder'), dataIndex: 'id', width: 90 },
            { title: t('projects.purpose'), dataIndex: 'purpose' },
            { title: t('projects.direction'), dataIndex: 'direction', width: 70, render: (d: string) => (d === 'out' ? t('projects.disburse') : t('projects.recover')) },
            { title: t('projects.amountYuan'), dataIndex: 'amount', align: 'right', render: (v: number) => <Money value={v} /> },
            { title: t('projects.status'), dataIndex: 'statusName', width: 120, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
            { title: t('projects.receivedOn'), dataIndex: 'paidOn', width: 110 },
          ]}
        />
      </Card>
      <CommentModal
        open={pending !== null}
        title={pending?.title ?? ''}
        required={pending?.required ?? false}
        okText={pending?.okText ?? t('projects.ok')}
        onClose={() => setPending(null)}
        onSubmit={async (c) => {
          const x = pending!;
          await x.run(c);
          message.success(t('projects.done', { title: x.title }));
        }}
      />
    </Space>
  );
}
