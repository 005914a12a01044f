import { App, Alert, Button, Card, Collapse, Descriptions, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useDrawPanel } from '../api/draw-panel';
import { usePanel, type PanelDraw, type PanelMember, type PanelVia } from '../api/get-panel';
import { useRedrawPanel } from '../api/redraw-panel';
import { excludedReason, MEMBER_STATUS_COLORS } from '../constants';

const fmt = (d: string | null | undefined) => (d ? new Date(d).toLocaleString('zh-CN', { hour12: false }) : '—');

function DrawLog({ draws }: { draws: PanelDraw[] }) {
  return (
    <Collapse
      size="small"
      items={draws.map((d) => ({
        key: d.id,
        label: (
          <Space wrap>
            <Tag color={d.kind === 'draw' ? 'blue' : 'orange'}>{d.kind === 'draw' ? '抽取' : '替换重抽'}</Tag>
            <span>{fmt(d.drawnAt)}</span>
            <span>{d.drawnByName ?? ''}</span>
            <Typography.Text type="secondary">理由：{d.reason}</Typography.Text>
          </Space>
        ),
        children: (
          <>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label="随机种子">{d.seed}</Descriptions.Item>
              <Descriptions.Item label="规则">
                {d.rules.size}人，技术专家不少于{Math.round(d.rules.minTechnicalRatio * 100)}%，财务专家不少于{d.rules.minFinance}名，在评任务满{d.rules.loadCap}件不抽
              </Descriptions.Item>
              <Descriptions.Item label="抽中" span={2}>
                {d.selected.map((s) => `${s.name}${s.fieldMatch ? '（领域匹配）' : ''}`).join('、') || '—'}
              </Descriptions.Item>
            </Descriptions>
            <Table
              rowKey={(x) => `${x.expertId}`}
              size="small"
              pagination={d.excluded.length > 10 ? { pageSize: 10 } : false}
              dataSource={d.excluded}
              locale={{ emptyText: '无排除' }}
              columns={[
                { title: '未抽取的专家', dataIndex: 'name', width: 140 },
                { title: '原因', dataIndex: 'reason', render: excludedReason },
              ]}
            />
          </>
        ),
      }))}
    />
  );
}

/**
 * 专家评审 on an application: draw the panel (city officer, application in city_passed),
 * members with their declarations and scores, replace a member with a logged reason, and every
 * draw with its seed, rules and exclusions. Mount it on the application detail page; another
 * instrument's case passes `via="cases"` and the status in which its panel is drawn.
 */
export function PanelCard({ applicationId, applicationStatus, via = 'recognitions', readyStatus = 'city_passed' }: { applicationId: number; applicationStatus?: string; via?: PanelVia; readyStatus?: string }) {
  const { message } = App.useApp();
  const me = useSession();
  const canDraw = hasAnyRole(me, ['city_officer']);
  const panel = usePanel(applicationId, via);
  const draw = useDrawPanel(via);
  const redraw = useRedrawPanel(via);
  const [replacing, setReplacing] = useState<PanelMember | null>(null);
  const [drawOpen, setDrawOpen] = useState(false);
  const [redrawForm] = Form.useForm<{ reason: string }>();
  const [drawForm] = Form.useForm<{ reason?: string; size?: number }>();
  const p = panel.data;
  const status = p?.applicationStatus ?? applicationStatus;
  const live = (p?.members ?? []).filter((m) => m.status !== 'replaced');

  const doDraw = async (v: { reason?: string; size?: number }) => {
    try {
      await draw.mutateAsync({ id: applicationId, body: { ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}), ...(v.size ? { size: v.size } : {}) } });
      void message.success('已抽取评审专家，申报进入专家评审');
      setDrawOpen(false);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const doRedraw = async (v: { reason: string }) => {
    if (!replacing) {
      return;
    }
    try {
      await redraw.mutateAsync({ id: applicationId, body: { expertId: replacing.expertId, reason: v.reason } });
      void message.success(`已替换${replacing.name}`);
      setReplacing(null);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Card
      title="专家评审"
      size="small"
      loading={panel.isLoading}
      extra={
        canDraw && status === readyStatus && live.length === 0 ? (
          <Button type="primary" onClick={() => setDrawOpen(true)}>
            随机抽取评审专家
          </Button>
        ) : null
      }
    >
      {panel.isError ? <Alert type="error" showIcon title={errorMessage(panel.error)} /> : null}
      {p ? (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <span>
              组成规则：{p.rules.size}人，技术专家不少于{Math.round(p.rules.minTechnicalRatio * 100)}%，财务专家不少于{p.rules.minFinance}名
            </span>
            {p.panelScore !== null ? <Tag color="green">专家评审平均分 {p.panelScore.toFixed(2)}</Tag> : null}
          </Space>
          {live.some((m) => m.status === 'conflict') ? (
            <Alert type="warning" showIcon style={{ marginBottom: 8 }} title="有专家申报存在利益冲突，请替换该专家（以其声明为理由）" />
          ) : null}
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.members}
            locale={{ emptyText: status === readyStatus ? '尚未抽取评审专家' : '无评审专家' }}
            rowClassName={(m) => (m.status === 'replaced' ? 'row-muted' : '')}
            columns={[
              { title: '专家', render: (_, m) => `${m.name}（${m.title}）`, width: 150 },
              { title: '单位', dataIndex: 'organization' },
              { title: '类别', dataIndex: 'categoryName', width: 90 },
              {
                title: '状态',
                width: 150,
                render: (_, m) => (
                  <Space orientation="vertical" size={0}>
                    <Tag color={MEMBER_STATUS_COLORS[m.status]}>{m.statusName}</Tag>
                    {m.conflictNote && m.status !== 'accepted' ? <Typography.Text type="danger">{m.conflictNote}</Typography.Text> : null}
                  </Space>
                ),
              },
              { title: '总分', dataIndex: 'total', width: 80, render: (v: number | null) => (v === null ? '—' : v) },
              { title: '评审意见', dataIndex: 'comment', ellipsis: true, render: (v: string | null) => v ?? '' },
              ...(canDraw && status === 'expert_review'
                ? [
                    {
                      title: '操作',
                      width: 90,
                      render: (_: unknown, m: PanelMember) =>
                        m.status === 'assigned' || m.status === 'accepted' || m.status === 'conflict' ? (
                          <Button
                            size="small"
                            danger={m.status === 'conflict'}
                            onClick={() => {
                              redrawForm.setFieldsValue({ reason: m.status === 'conflict' ? `专家声明存在利益冲突：${m.conflictNote ?? ''}` : '' });
                              setReplacing(m);
                            }}
                          >
                            替换
                          </Button>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
          {p.draws.length ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                抽取记录
              </Typography.Title>
              <DrawLog draws={p.draws} />
            </>
          ) : null}
        </>
      ) : null}
      <Modal title="随机抽取评审专家" open={drawOpen} onCancel={() => setDrawOpen(false)} onOk={() => drawForm.submit()} confirmLoading={draw.isPending} destroyOnHidden>
        <Form form={drawForm} layout="vertical" onFinish={(v) => void doDraw(v)}>
          <Typography.Paragraph type="secondary">系统按组成规则从专家库随机抽取，自动回避与申报企业有关联的专家和在评任务已满的专家，优先抽取领域匹配的专家。抽取记录（含随机种子）永久保存。</Typography.Paragraph>
          <Form.Item name="size" label="评审组人数（不填按规则默认）">
            <InputNumber min={3} max={15} precision={0} />
          </Form.Item>
          <Form.Item name="reason" label="说明（可选）">
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={replacing ? `替换专家：${replacing.name}` : '替换专家'}
        open={replacing !== null}
        onCancel={() => setReplacing(null)}
        onOk={() => redrawForm.submit()}
        confirmLoading={redraw.isPending}
        okText="替换并重新抽取"
        destroyOnHidden
      >
        <Form form={redrawForm} layout="vertical" onFinish={(v) => void doRedraw(v)}>
          <Form.Item name="reason" label="替换理由（将记入抽取记录）" rules={[{ required: true, min: 2, message: '请填写替换理由（至少2个字）' }]}>
            <Input.TextArea rows={3} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
