import { Card, Descriptions, Steps, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../../lib/format';
import { StatusTag } from '../../../../components/StatusTag';
import type { ApplicationDetail } from '../api/get-application';

const STEP_STATUS = { done: 'finish', current: 'process', waiting: 'wait', error: 'error' } as const;

/** "Where is my application": the steps, the current status, what happens next and by when, and every event. */
export function ProgressCard({ app }: { app: ApplicationDetail }) {
  return (
    <Card title="办理进度" data-testid="application-progress">
      <Steps
        size="small"
        style={{ marginBottom: 16 }}
        items={app.steps.map((s) => ({ title: s.title, status: STEP_STATUS[s.state] }))}
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="当前状态">
          <StatusTag status={app.status} name={app.statusName} data-testid="application-status" />
        </Descriptions.Item>
        <Descriptions.Item label="下一步">{app.nextStep ?? '办理已结束'}</Descriptions.Item>
        <Descriptions.Item label="本环节办理期限">{app.dueOn ? `${app.dueOn}（工作日计算）` : '—'}</Descriptions.Item>
      </Descriptions>
      <Timeline
        items={[...app.events].reverse().map((e) => ({
          color: e.toStatus === 'rejected' ? 'red' : e.toStatus === 'returned' ? 'orange' : 'blue',
          content: (
            <div>
              <Typography.Text strong>{e.actionName}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {formatDateTime(e.occurredAt)} · {e.actorLabel}
              </Typography.Text>
              {e.comment ? <div>意见：{e.comment}</div> : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
