import { App, Alert, Button, Card, Collapse, Descriptions, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../components/FormModal';
import { StatusTag } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useDrawPanel } from '../api/draw-panel';
import { usePanel, type PanelDraw, type PanelMember, type PanelVia } from '../api/get-panel';
import { useRedrawPanel } from '../api/redraw-panel';
import { excludedReason } from '../constants';
import { useMessages } from '../../../lib/i18n';
import { expertsMessages } from '../messages';

const fmt = (d: string | null | undefined) => (d ? new Date(d).toLocaleString('zh-CN', { hour12: false }) : '—');

function DrawLog({ draws }: { draws: PanelDraw[] }) {
  const t = useMessages(expertsMessages);
  return (
    <Collapse
      size="small"
      items={draws.map((d) => ({
        key: d.id,
        label: (
          <Space wrap>
            <Tag color={d.kind === 'draw' ? 'blue' : 'orange'}>{d.kind === 'draw' ? t('experts.panel.kindDraw') : t('experts.panel.kindRedraw')}</Tag>
            <span>{fmt(d.drawnAt)}</span>
            <span>{d.drawnByName ?? ''}</span>
            <Typography.Text type="secondary">{t('experts.panel.reason', { reason: d.reason })}</Typography.Text>
          </Space>
        ),
        children: (
          <>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t('experts.panel.seed')}>{d.seed}</Descriptions.Item>
              <Descriptions.Item label={t('experts.panel.rules')}>
                {t('experts.panel.drawRules', { size: d.rules.size, tech: Math.round(d.rules.minTechnicalRatio * 100), finance: d.rules.minFinance, cap: d.rules.loadCap })}
              </Descriptions.Item>
              <Descriptions.Item label={t('experts.panel.selected')} span={2}>
                {d.selected.map((s) => (s.fieldMatch ? t('experts.panel.fieldMatch', { name: s.name }) : s.name)).join(t('experts.case.listSeparator')) || '—'}
              </Descriptions.Item>
            </Descriptions>
            <Table
              rowKey={(x) => `${x.expertId}`}
              size="small"
              pagination={d.excluded.length > 10 ? { pageSize: 10 } : false}
              dataSource={d.excluded}
              locale={{ emptyText: t('experts.panel.noExclusions') }}
              columns={[
                { title: t('experts.panel.notDrawn'), dataIndex: 'name', width: 140 },
                { title: t('experts.panel.why'), dataIndex: 'reason', render: (r: string) => excludedReason(r, t) },
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
  const t = useMessages(expertsMessages);
  const { message } = App.useApp();
  const me = useSession();
  const canDraw = hasAnyRole(me, ['city_officer']);
  const panel = usePanel(applicationId, via);
  const draw = useDrawPanel(via);
  const redraw = useRedrawPanel(via);
  const [replacing, setReplacing] = useState<PanelMember | null>(null);
  const [drawOpen, setDrawOpen] = useState(false);
  const p = panel.data;
  const status = p?.applicationStatus ?? applicationStatus;
  const live = (p?.members ?? []).filter((m) => m.status !== 'replaced');

  const doDraw = async (v: { reason?: string; size?: number }) => {
    await draw.mutateAsync({ id: applicationId, body: { ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}), ...(v.size ? { size: v.size } : {}) } });
    void message.success(t('experts.panel.drawn'));
  };
  const doRedraw = async (v: { reason: string }) => {
    if (!replacing) {
      return;
    }
    await redraw.mutateAsync({ id: applicationId, body: { expertId: replacing.expertId, reason: v.reason } });
    void message.success(t('experts.panel.replaced', { name: replacing.name }));
  };

  return (
    <Card
      title={t('experts.panel.title')}
      size="small"
      loading={panel.isLoading}
      extra={
        canDraw && status === readyStatus && live.length === 0 ? (
          <Button type="primary" onClick={() => setDrawOpen(true)}>
            {t('experts.panel.draw')}
          </Button>
        ) : null
      }
    >
      {panel.isError ? <Alert type="error" showIcon title={errorMessage(panel.error)} /> : null}
      {p ? (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <span>
              {t('experts.panel.composition', { size: p.rules.size, tech: Math.round(p.rules.minTechnicalRatio * 100), finance: p.rules.minFinance })}
            </span>
            {p.panelScore !== null ? <Tag color="green">{t('experts.panel.average', { score: p.panelScore.toFixed(2) })}</Tag> : null}
          </Space>
          {live.some((m) => m.status === 'conflict') ? (
            <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('experts.panel.conflictWarning')} />
          ) : null}
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.members}
            locale={{ emptyText: status === readyStatus ? t('experts.panel.notDrawnYet') : t('experts.panel.noExperts') }}
            rowClassName={(m) => (m.status === 'replaced' ? 'row-muted' : '')}
            columns={[
              { title: t('experts.panel.expert'), render: (_, m) => t('experts.panel.expertValue', { name: m.name, title: m.title }), width: 150 },
              { title: t('experts.panel.organization'), dataIndex: 'organization' },
              { title: t('experts.col.category'), dataIndex: 'categoryName', width: 90 },
              {
                title: t('experts.col.status'),
                width: 150,
                render: (_, m) => (
                  <Space orientation="vertical" size={0}>
                    <StatusTag status={m.status} name={m.statusName} />
                    {m.conflictNote && m.status !== 'accepted' ? <Typography.Text type="danger">{m.conflictNote}</Typography.Text> : null}
                  </Space>
                ),
              },
              { title: t('experts.panel.total'), dataIndex: 'total', width: 80, render: (v: number | null) => (v === null ? '—' : v) },
              { title: t('experts.panel.comment'), dataIndex: 'comment', ellipsis: true, render: (v: string | null) => v ?? '' },
              ...(canDraw && status === 'expert_review'
                ? [
                    {
                      title: t('experts.col.actions'),
                      width: 90,
                      render: (_: unknown, m: PanelMember) =>
                        m.status === 'assigned' || m.status === 'accepted' || m.status === 'conflict' ? (
                          <Button
                            size="small"
                            danger={m.status === 'conflict'}
                            onClick={() => setReplacing(m)}
                          >
                            {t('experts.panel.replace')}
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
                {t('experts.panel.log')}
              </Typography.Title>
              <DrawLog draws={p.draws} />
            </>
          ) : null}
        </>
      ) : null}
      <FormModal<{ reason?: string; size?: number }> title={t('experts.panel.draw')} open={drawOpen} onClose={() => setDrawOpen(false)} onSubmit={doDraw}>
        <Typography.Paragraph type="secondary">{t('experts.panel.drawIntro')}</Typography.Paragraph>
        <Form.Item name="size" label={t('experts.panel.size')}>
          <InputNumber min={3} max={15} precision={0} />
        </Form.Item>
        <Form.Item name="reason" label={t('experts.panel.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
      <FormModal<{ reason: string }>
        title={replacing ? t('experts.panel.replaceTitle', { name: replacing.name }) : t('experts.panel.replaceTitleEmpty')}
        open={replacing !== null}
        onClose={() => setReplacing(null)}
        onSubmit={doRedraw}
        okText={t('experts.panel.replaceOk')}
        initialValues={{ reason: replacing?.status === 'conflict' ? t('experts.panel.conflictReason', { note: replacing.conflictNote ?? '' }) : '' }}
      >
        <Form.Item name="reason" label={t('experts.panel.replaceReason')} rules={[{ required: true, min: 2, message: t('experts.panel.replaceReasonRule') }]}>
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
