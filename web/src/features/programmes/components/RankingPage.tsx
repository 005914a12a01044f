import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCall } from '../api/calls';
import { useModerate, usePublishNotice, useRanking, type Ranking } from '../api/ranking';
import { STATUS_COLORS, wan } from './labels';

type Item = Ranking['items'][number];

function ModerateModal({ item, select, onClose }: { item: Item; select: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ recommended?: number; reason?: string }>();
  const moderate = useModerate();
  const { message } = App.useApp();
  return (
    <Modal title={select ? `列入拟立项：${item.title}` : `不予立项：${item.title}`} open onCancel={onClose} onOk={() => form.submit()} confirmLoading={moderate.isPending}>
      <Alert
        style={{ marginBottom: 12 }}
        type={item.withinBudget === select ? 'info' : 'warning'}
        showIcon
        message={`排名第${item.rank}，评审得分 ${item.panelScore}，${item.withinBudget ? '在资助线内' : '在资助线以下'}${item.withinBudget === select ? '' : '：偏离评审排序，须写明理由'}`}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ recommended: item.requested / 10_000 }}
        onFinish={async (v) => {
          try {
            await moderate.mutateAsync({
              id: item.id,
              body: {
                select,
                recommended: select && v.recommended !== undefined ? v.recommended * 10_000 : undefined,
                reason: v.reason || undefined,
              },
            });
            message.success('已审定');
            onClose();
          } catch (err) {
            const rest = applyFieldErrors(form, err, ['recommended', 'reason']);
            if (rest.length) {
              message.error(rest.map((r) => r.message).join('；'));
            }
          }
        }}
      >
        {select ? (
          <Form.Item name="recommended" label={`拟资助金额（万元，申请 ${item.requested / 10_000} 万元；核减须写明理由）`}>
            <InputNumber min={0.01} max={item.requested / 10_000} style={{ width: 200 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="reason" label="审定理由">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The call's ranking by panel score with the funding line, the bureau's moderation and the notice of the proposed list. */
export default function RankingPage() {
  const id = Number(useParams().id);
  const me = useSession();
  const officer = hasAnyRole(me, ['city_officer']);
  const ranking = useRanking(id);
  const call = useCall(id);
  const publish = usePublishNotice();
  const { message } = App.useApp();
  const [moderating, setModerating] = useState<{
    item: Item;
    select: boolean;
  } | null>(null);
  const items = ranking.data?.items ?? [];
  const ranked = items.filter((i) => i.status === 'ranked');
  const line = items.findIndex((i) => !i.withinBudget);
  const publishNotice = async () => {
    if (!call.data) {
      return;
    }
    try {
      const n = await publish.mutateAsync({
        instrument: 'programmes',
        subject: call.data.type,
        year: call.data.year,
        title: `${call.data.year}年度${call.data.programme.name}拟立项项目公示`,
        applicationIds: ranked.map((r) => r.id),
      });
      message.success(`已发布公示，公示期至 ${n.endsOn}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <>
      <PageTitle
        title={`评审排序：${ranking.data?.call.title ?? ''}`}
        extra={
          officer ? (
            <Button type="primary" disabled={ranked.length === 0} loading={publish.isPending} onClick={() => void publishNotice()}>
              {`发布拟立项公示（${ranked.length}项）`}
            </Button>
          ) : null
        }
      >
        <Typography.Text type="secondary">按专家评审得分排序，累计申请额超过指南资助总额处为资助线；偏离排序的审定须写明理由。</Typography.Text>
      </PageTitle>
      {ranking.error ? <Alert type="error" showIcon message={errorMessage(ranking.error)} /> : null}
      <Card style={{ marginBottom: 16 }}>
        <Space size={48}>
          <Statistic title="指南资助总额" value={wan(ranking.data?.call.totalBudget)} />
          <Statistic title="已审定拟资助" value={wan(ranking.data?.selected)} />
          <Statistic title="参与排序项目" value={items.length} suffix="项" />
        </Space>
      </Card>
      <Card>
        <Table
          rowKey="id"
          loading={ranking.isLoading}
          dataSource={items}
          pagination={false}
          scroll={{ x: 1600 }}
          rowClassName={(r) => (r.withinBudget ? '' : 'below-line')}
          onRow={(r, i) => ({
            style: i === line && line > 0 ? { borderTop: '3px solid #cf1322' } : r.withinBudget ? undefined : { background: '#fafafa' },
          })}
          columns={[
            { title: '排名', dataIndex: 'rank', width: 60 },
            {
              title: '项目',
              dataIndex: 'title',
              render: (v: string, r) => <Link to={`/programmes/projects/${r.id}`}>{v}</Link>,
            },
            {
              title: '承担单位',
              width: 220,
              render: (_, r) => `${r.enterpriseName}${r.districtName ? `（${r.districtName}）` : ''}`,
            },
            { title: '得分', dataIndex: 'panelScore', width: 70 },
            {
              title: '申请资助',
              width: 110,
              render: (_, r) => wan(r.requested),
            },
            {
              title: '累计申请',
              width: 120,
              render: (_, r) => wan(r.cumulative),
            },
            {
              title: '资助线',
              width: 90,
              render: (_, r) => (r.withinBudget ? <Tag color="green">线内</Tag> : <Tag color="red">线外</Tag>),
            },
            {
              title: '拟资助',
              width: 110,
              render: (_, r) => wan(r.recommended),
            },
            {
              title: '状态',
              width: 130,
              render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusName}</Tag>,
            },
            {
              title: '审定理由',
              dataIndex: 'moderationReason',
              width: 180,
              render: (v: string | null) => v ?? '',
            },
            ...(officer
              ? [
                  {
                    title: '审定',
                    width: 170,
                    render: (_: unknown, r: Item) =>
                      r.status === 'scored' ? (
                        <Space>
                          <Button size="small" type="primary" onClick={() => setModerating({ item: r, select: true })}>
                            列入
                          </Button>
                          <Button size="small" onClick={() => setModerating({ item: r, select: false })}>
                            不予立项
                          </Button>
                        </Space>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {moderating ? <ModerateModal item={moderating.item} select={moderating.select} onClose={() => setModerating(null)} /> : null}
    </>
  );
}
