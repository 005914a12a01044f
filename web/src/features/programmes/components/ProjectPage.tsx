import { Alert, App, Button, Card, Col, Descriptions, Input, Modal, Row, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
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
import { STATUS_COLORS, wan } from './labels';

const REVIEW_ACTIONS = ['district_recommend', 'district_return', 'formal_pass', 'formal_return', 'formal_reject'];
const APPROVED = ['approved', 'in_progress', 'accepting', 'completed', 'failed', 'terminated'];

function ReviewButtons({ app }: { app: Application }) {
  const review = useReviewApplication();
  const draw = useDrawPanel();
  const decide = useDecide();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<{
    action: string;
    name: string;
    decision?: boolean;
  } | null>(null);
  const [comment, setComment] = useState('');
  const run = async (action: string, text?: string) => {
    try {
      if (REVIEW_ACTIONS.includes(action)) {
        await review.mutateAsync({
          id: app.id,
          body: {
            action: action as ReviewBody['action'],
            comment: text || undefined,
          },
        });
      } else if (action === 'draw_panel') {
        await draw.mutateAsync(app.id);
      } else if (action === 'approve' || action === 'decline') {
        await decide.mutateAsync({
          id: app.id,
          approve: action === 'approve',
          comment: text || undefined,
        });
      }
      message.success('已办理');
      setAsking(null);
      setComment('');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const buttons = app.actions.filter((a) => [...REVIEW_ACTIONS, 'draw_panel', 'approve', 'decline'].includes(a.action));
  const ranking = app.actions.some((a) => a.action === 'select');
  if (!buttons.length && !ranking) {
    return null;
  }
  return (
    <Card title="办理" style={{ marginBottom: 16 }}>
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
        {ranking && app.callId ? <Link to={`/programmes/calls/${app.callId}/ranking`}>到评审排序页审定拟立项</Link> : null}
      </Space>
      <Modal title={asking?.name} open={!!asking} onCancel={() => setAsking(null)} onOk={() => asking && void run(asking.action, comment)} confirmLoading={review.isPending || decide.isPending}>
        <Typography.Paragraph type="secondary">{app.actions.find((a) => a.action === asking?.action)?.needsComment ? '须填写理由' : '审核意见（选填）'}</Typography.Paragraph>
        <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} aria-label="审核意见" />
      </Modal>
    </Card>
  );
}

function DuplicatesCard({ id }: { id: number }) {
  const dup = useDuplicates(id, true);
  if (dup.error) {
    return null;
  }
  return (
    <Card title="重复资助核查" style={{ marginBottom: 16 }} loading={dup.isLoading}>
      <Typography.Title level={5}>该单位历年已获资助事项（各业务类别）</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={dup.data?.funded ?? []}
        locale={{ emptyText: '无' }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 60 },
          {
            title: '类别',
            width: 200,
            render: (_, f) => `${f.instrumentName}·${f.typeName}`,
          },
          { title: '名称', dataIndex: 'title' },
          { title: '状态', dataIndex: 'statusName', width: 120 },
          { title: '金额', width: 110, render: (_, f) => wan(f.amount) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {`题目相似的已立项项目（相似度 ≥ ${Math.round((dup.data?.threshold ?? 0.5) * 100)}%）`}
      </Typography.Title>
      {dup.data?.similar.length ? (
        dup.data.similar.map((s) => (
          <Alert key={s.id} type={s.sameEnterprise ? 'error' : 'warning'} showIcon style={{ marginBottom: 8 }} message={`${s.year}年《${s.title}》（${s.enterpriseName}）`} description={s.reason} />
        ))
      ) : (
        <Typography.Text type="secondary">未发现题目相似的已立项项目</Typography.Text>
      )}
    </Card>
  );
}

function ContractCard({ app, officer }: { app: Application; officer: boolean }) {
  const tranches = useTranches(app.id, true);
  const upload = useUploadContract();
  const { message } = App.useApp();
  return (
    <Card title="任务书与拨款" style={{ marginBottom: 16 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => void downloadFile(`/api/project-applications/${app.id}/contract.docx`, `任务书-${app.contractNo ?? app.id}.docx`)}>下载任务书（Word）</Button>
        {officer && app.status === 'approved' ? (
          <Upload
            accept=".pdf,.jpg,.png,.docx"
            showUploadList={false}
            customRequest={({ file }) => {
              upload
                .mutateAsync({ id: app.id, file: file as File })
                .then(() => message.success('任务书已登记，项目转入执行，第1笔拨款单已生成'))
                .catch((err: unknown) => message.error(errorMessage(err)));
            }}
          >
            <Button type="primary" loading={upload.isPending}>
              上传签订的任务书
            </Button>
          </Upload>
        ) : null}
        {app.contractSignedOn ? <Tag color="green">{`任务书签订于 ${app.contractSignedOn}`}</Tag> : null}
      </Space>
      <Table
        size="small"
        rowKey="n"
        pagination={false}
        dataSource={tranches.data?.items ?? []}
        columns={[
          { title: '笔次', width: 70, render: (_, t) => `第${t.n}笔` },
          { title: '拨付条件', dataIndex: 'condition' },
          { title: '比例', width: 70, render: (_, t) => `${t.percent}%` },
          { title: '金额', width: 130, render: (_, t) => wan(t.amount) },
          {
            title: '拨款单',
            width: 160,
            render: (_, t) => (t.statusName ? <Tag color={t.status === 'confirmed' ? 'green' : 'processing'}>{`#${t.orderId} ${t.statusName}`}</Tag> : '—'),
          },
        ]}
      />
    </Card>
  );
}

function PlanView({ app }: { app: Application }) {
  return (
    <Card title="项目申报书" style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="项目摘要">{app.plan.summary}</Descriptions.Item>
        <Descriptions.Item label="项目目标">{app.plan.objectives}</Descriptions.Item>
        <Descriptions.Item label="研究内容">{app.plan.content}</Descriptions.Item>
        <Descriptions.Item label="研究基础">{app.plan.basis}</Descriptions.Item>
        <Descriptions.Item label="项目团队">{app.plan.team.map((m) => `${m.name}（${m.title}，${m.role}）`).join('；')}</Descriptions.Item>
        <Descriptions.Item label="合作单位">{app.plan.partners.map((p) => `${p.name}（${p.role}）`).join('；') || '—'}</Descriptions.Item>
        <Descriptions.Item label="实施期限">{`${app.startOn ?? ''} 至 ${app.endOn ?? ''}`}</Descriptions.Item>
      </Descriptions>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Table
            size="small"
            rowKey="category"
            pagination={false}
            dataSource={app.budgetLines}
            title={() => '经费预算（元）'}
            columns={[
              { title: '科目', dataIndex: 'categoryName' },
              {
                title: '市财政资助',
                dataIndex: 'city',
                render: (v: number) => v.toLocaleString('zh-CN'),
              },
              {
                title: '单位自筹',
                dataIndex: 'self',
                render: (v: number) => v.toLocaleString('zh-CN'),
              },
            ]}
          />
        </Col>
        <Col span={12}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={app.kpis}
            title={() => '考核指标'}
            columns={[
              { title: '指标', dataIndex: 'name' },
              { title: '目标', render: (_, k) => `${k.target} ${k.unit}` },
            ]}
          />
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={app.milestones}
            title={() => '进度节点'}
            style={{ marginTop: 12 }}
            columns={[
              { title: '节点', dataIndex: 'name' },
              { title: '完成时间', dataIndex: 'due', width: 110 },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}

/** One project: the application (editable by the enterprise while a draft), the next steps of the viewer, the duplicate check, the contract and tranches, the history. */
export default function ProjectPage() {
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
        extra={
          <Space>
            {a.canWithdraw ? <WithdrawButton app={a} /> : null}
            <Tag color={STATUS_COLORS[a.status]} style={{ fontSize: 14, padding: '4px 10px' }}>
              {a.statusName}
            </Tag>
          </Space>
        }
      >
        <Typography.Text type="secondary">{`${a.programme.name} · ${a.call.title} · ${a.enterprise?.name ?? ''}${a.districtName ? `（${a.districtName}）` : ''}`}</Typography.Text>
      </PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={4}>
          <Descriptions.Item label="申请市财政资助">{wan(a.requested)}</Descriptions.Item>
          <Descriptions.Item label="单位自筹">{wan(a.selfRaised)}</Descriptions.Item>
          <Descriptions.Item label="评审得分">{a.panelScore ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="拟资助 / 立项">{`${wan(a.recommended)} / ${wan(a.approved)}`}</Descriptions.Item>
          <Descriptions.Item label="任务书编号">{a.contractNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="立项日期">{a.approvedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="办理期限">{a.dueOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="审定理由">{a.moderationReason ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {reviewer ? <ReviewButtons app={a} /> : null}
      {enterprise && (a.status === 'draft' || a.status === 'returned') ? <ApplicationForm key={a.id} app={a} /> : <PlanView app={a} />}
      <AttachmentsCard app={a} editable={enterprise && (a.status === 'draft' || a.status === 'returned')} />
      {reviewer && a.status !== 'draft' ? <DuplicatesCard id={a.id} /> : null}
      {APPROVED.includes(a.status) ? <ContractCard app={a} officer={officer} /> : null}
      <Card title="办理过程">
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
