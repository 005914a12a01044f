import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { Money, renderMoney, renderWan } from '../../../components/Money';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoading } from '../../../components/PageLoading';
import { QueryFailure } from '../../../components/QueryState';
import { downloadFile } from '../../../lib/download';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useApplication, useDecide, useDrawPanel, useDuplicates, useReviewApplication, useTranches, useUploadContract, type Application, type ReviewBody } from '../api/applications';
import { ApplicationForm } from './ApplicationForm';
import { AttachmentsCard } from './AttachmentsCard';
import { WithdrawButton } from './WithdrawButton';
import { useMessages } from '../../../lib/i18n';
import { programmesMessages } from '../messages';

const REVIEW_ACTIONS = ['district_recommend', 'district_return', 'formal_pass', 'formal_return', 'formal_reject'];
const APPROVED = ['approved', 'in_progress', 'accepting', 'completed', 'failed', 'terminated'];

function ReviewButtons({ app }: { app: Application }) {
  const t = useMessages(programmesMessages);
  const review = useReviewApplication();
  const draw = useDrawPanel();
  const decide = useDecide();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<{
    action: string;
    name: string;
    decision?: boolean;
  } | null>(null);
  const act = async (action: string, text?: string) => {
    if (REVIEW_ACTIONS.includes(action)) {
      await review.mutateAsync({ id: app.id, body: { action: action as ReviewBody['action'], comment: text || undefined } });
    } else if (action === 'draw_panel') {
      await draw.mutateAsync(app.id);
    } else if (action === 'approve' || action === 'decline') {
      await decide.mutateAsync({ id: app.id, approve: action === 'approve', comment: text || undefined });
    }
    message.success(t('programmes.done'));
  };
  const run = async (action: string) => {
    try {
      await act(action);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const needsComment = !!app.actions.find((a) => a.action === asking?.action)?.needsComment;
  const buttons = app.actions.filter((a) => [...REVIEW_ACTIONS, 'draw_panel', 'approve', 'decline'].includes(a.action));
  const ranking = app.actions.some((a) => a.action === 'select');
  if (!buttons.length && !ranking) {
    return null;
  }
  return (
    <Card title={t('programmes.project.handle')} style={{ marginBottom: 16 }}>
      <Space wrap>
        {buttons.map((a) => (
          <Button
            key={a.action}
            type={a.needsComment ? 'default' : 'primary'}
            danger={a.action === 'formal_reject' || a.action === 'decline'}
            onClick={() => (a.needsComment || REVIEW_ACTIONS.includes(a.action) ? setAsking(a) : void run(a.action))}
          >
            {a.name}
          </Button>
        ))}
        {ranking && app.callId ? <Link to={`/programmes/calls/${app.callId}/ranking`}>{t('programmes.project.toRanking')}</Link> : null}
      </Space>
      <FormModal<{ comment?: string }> title={asking?.name} open={!!asking} onClose={() => setAsking(null)} onSubmit={(v) => act(asking!.action, v.comment?.trim())}>
        <Typography.Paragraph type="secondary">{needsComment ? t('programmes.project.reasonRequired') : t('programmes.project.commentOptional')}</Typography.Paragraph>
        <Form.Item name="comment" rules={needsComment ? [{ required: true, whitespace: true, message: t('programmes.project.reasonRequired') }] : []}>
          <Input.TextArea rows={3} maxLength={1000} aria-label={t('programmes.project.comment')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function DuplicatesCard({ id }: { id: number }) {
  const t = useMessages(programmesMessages);
  const dup = useDuplicates(id, true);
  if (dup.error) {
    return null;
  }
  return (
    <Card title={t('programmes.project.duplicates')} style={{ marginBottom: 16 }} loading={dup.isLoading}>
      <Typography.Title level={5}>{t('programmes.project.funded')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={dup.data?.funded ?? []}
        locale={{ emptyText: t('programmes.none') }}
        columns={[
          { title: t('programmes.col.year'), dataIndex: 'year', width: 60 },
          {
            title: t('programmes.col.category'),
            width: 200,
            render: (_, f) => t('programmes.project.fundedCategory', { instrument: f.instrumentName, type: f.typeName }),
          },
          { title: t('programmes.col.name'), dataIndex: 'title' },
          { title: t('programmes.col.status'), dataIndex: 'statusName', width: 120 },
          { title: t('programmes.col.amount'), width: 130, align: 'right', dataIndex: 'amount', render: renderWan },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('programmes.project.similar', { pct: Math.round((dup.data?.threshold ?? 0.5) * 100) })}
      </Typography.Title>
      {dup.data?.similar.length ? (
        dup.data.similar.map((s) => (
          <Alert key={s.id} type={s.sameEnterprise ? 'error' : 'warning'} showIcon style={{ marginBottom: 8 }} message={t('programmes.project.similarItem', { year: s.year, title: s.title, enterprise: s.enterpriseName })} description={s.reason} />
        ))
      ) : (
        <Typography.Text type="secondary">{t('programmes.project.noSimilar')}</Typography.Text>
      )}
    </Card>
  );
}

function ContractCard({ app, officer }: { app: Application; officer: boolean }) {
  const t = useMessages(programmesMessages);
  const tranches = useTranches(app.id, true);
  const upload = useUploadContract();
  const { message } = App.useApp();
  return (
    <Card title={t('programmes.project.contract')} style={{ marginBottom: 16 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => void downloadFile(`/api/project-applications/${app.id}/contract.docx`, t('programmes.project.contractFile', { no: app.contractNo ?? app.id }))}>
          {t('programmes.project.downloadContract')}
        </Button>
        {officer && app.status === 'approved' ? (
          <Upload
            accept=".pdf,.jpg,.png,.docx"
            showUploadList={false}
            customRequest={({ file }) => {
              upload
                .mutateAsync({ id: app.id, file: file as File })
                .then(() => message.success(t('programmes.project.contractUploaded')))
                .catch((err: unknown) => message.error(errorMessage(err)));
            }}
          >
            <Button type="primary" loading={upload.isPending}>
              {t('programmes.project.uploadContract')}
            </Button>
          </Upload>
        ) : null}
        {app.contractSignedOn ? <Tag color="green">{t('programmes.project.signedOn', { date: app.contractSignedOn })}</Tag> : null}
      </Space>
      <Table
        size="small"
        rowKey="n"
        pagination={false}
        dataSource={tranches.data?.items ?? []}
        columns={[
          { title: t('programmes.project.tranche'), width: 70, render: (_, tr) => t('programmes.project.trancheN', { n: tr.n }) },
          { title: t('programmes.project.condition'), dataIndex: 'condition' },
          { title: t('programmes.project.percent'), width: 70, render: (_, tr) => `${tr.percent}%` },
          { title: t('programmes.col.amount'), width: 130, align: 'right', dataIndex: 'amount', render: renderWan },
          {
            title: t('programmes.project.order'),
            width: 160,
            render: (_, tr) => (tr.statusName && tr.status ? <StatusTag status={tr.status} name={`#${tr.orderId} ${tr.statusName}`} /> : '—'),
          },
        ]}
      />
    </Card>
  );
}

function PlanView({ app }: { app: Application }) {
  const t = useMessages(programmesMessages);
  return (
    <Card title={t('programmes.form.title')} style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('programmes.form.summary')}>{app.plan.summary}</Descriptions.Item>
        <Descriptions.Item label={t('programmes.form.objectives')}>{app.plan.objectives}</Descriptions.Item>
        <Descriptions.Item label={t('programmes.project.research')}>{app.plan.content}</Descriptions.Item>
        <Descriptions.Item label={t('programmes.form.basis')}>{app.plan.basis}</Descriptions.Item>
        <Descriptions.Item label={t('programmes.form.team')}>{app.plan.team.map((m) => t('programmes.project.member', { name: m.name, title: m.title, role: m.role })).join(t('programmes.partSeparator'))}</Descriptions.Item>
        <Descriptions.Item label={t('programmes.project.partners')}>{app.plan.partners.map((p) => t('programmes.nameWithParen', { name: p.name, detail: p.role })).join(t('programmes.partSeparator')) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('programmes.form.period')}>{t('programmes.range', { from: app.startOn ?? '', to: app.endOn ?? '' })}</Descriptions.Item>
      </Descriptions>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Table
            size="small"
            rowKey="category"
            pagination={false}
            dataSource={app.budgetLines}
            title={() => t('programmes.form.budget')}
            columns={[
              { title: t('programmes.project.budgetItem'), dataIndex: 'categoryName' },
              { title: t('programmes.form.city'), dataIndex: 'city', align: 'right', render: renderMoney },
              { title: t('programmes.form.self'), dataIndex: 'self', align: 'right', render: renderMoney },
            ]}
          />
        </Col>
        <Col span={12}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={app.kpis}
            title={() => t('programmes.form.kpis')}
            columns={[
              { title: t('programmes.project.kpi'), dataIndex: 'name' },
              { title: t('programmes.project.target'), render: (_, k) => `${k.target} ${k.unit}` },
            ]}
          />
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={app.milestones}
            title={() => t('programmes.form.milestones')}
            style={{ marginTop: 12 }}
            columns={[
              { title: t('programmes.form.milestone'), dataIndex: 'name' },
              { title: t('programmes.form.milestoneDue'), dataIndex: 'due', width: 110 },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}

/** One project: the application (editable by the enterprise while a draft), the next steps of the viewer, the duplicate check, the contract and tranches, the history. */
export default function ProjectPage() {
  const t = useMessages(programmesMessages);
  const id = Number(useParams().id);
  const me = useSession();
  const app = useApplication(id);
  const enterprise = hasAnyRole(me, ['enterprise_user']);
  const reviewer = hasAnyRole(me, ['city_officer', 'district_officer', 'auditor', 'city_admin']);
  const officer = hasAnyRole(me, ['city_officer']);
  if (app.isError) {
    return <QueryFailure query={app} />;
  }
  const a = app.data;
  if (!a) {
    return <PageLoading />;
  }
  return (
    <>
      <PageTitle
        title={a.title}
        isName
        extra={
          <Space>
            {a.canWithdraw ? <WithdrawButton app={a} /> : null}
            <StatusTag status={a.status} name={a.statusName} style={{ fontSize: 14, padding: '4px 10px' }} />
          </Space>
        }
      >
        <Typography.Text type="secondary">{`${a.programme.name} · ${a.call.title} · ${a.districtName ? t('programmes.nameWithParen', { name: a.enterprise?.name ?? '', detail: a.districtName }) : (a.enterprise?.name ?? '')}`}</Typography.Text>
      </PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={4}>
          <Descriptions.Item label={t('programmes.project.requestedCity')}>
            <Money value={a.requested} unit="wan" />
          </Descriptions.Item>
          <Descriptions.Item label={t('programmes.form.self')}>
            <Money value={a.selfRaised} unit="wan" />
          </Descriptions.Item>
          <Descriptions.Item label={t('programmes.col.score')}>{a.panelScore ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('programmes.project.recommendedApproved')}>
            <Money value={a.recommended} unit="wan" /> / <Money value={a.approved} unit="wan" />
          </Descriptions.Item>
          <Descriptions.Item label={t('programmes.project.contractNo')}>{a.contractNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('programmes.project.approvedOn')}>{a.approvedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('programmes.col.dueOn')}>{a.dueOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('programmes.col.moderationReason')}>{a.moderationReason ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {reviewer ? <ReviewButtons app={a} /> : null}
      {enterprise && (a.status === 'draft' || a.status === 'returned') ? <ApplicationForm key={a.id} app={a} /> : <PlanView app={a} />}
      <AttachmentsCard app={a} editable={enterprise && (a.status === 'draft' || a.status === 'returned')} />
      {reviewer && a.status !== 'draft' ? <DuplicatesCard id={a.id} /> : null}
      {APPROVED.includes(a.status) ? <ContractCard app={a} officer={officer} /> : null}
      <Card title={t('programmes.project.history')}>
        <Timeline
          items={a.events.map((e) => ({
            children: (
              <>
                <Typography.Text strong>{e.actionName}</Typography.Text>
                {` → ${e.toStatusName} · ${e.actorLabel} · ${formatDateTime(e.occurredAt)}`}
                {e.comment ? <div style={{ color: '#595959' }}>{e.comment}</div> : null}
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
