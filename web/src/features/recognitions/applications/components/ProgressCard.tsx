import { Card, Descriptions, Steps, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../../lib/format';
import { StatusTag } from '../../../../components/StatusTag';
import type { ApplicationDetail } from '../api/get-application';
import { useMessages } from '../../../../lib/i18n';
import { recognitionsMessages } from '../../messages';

const STEP_STATUS = { done: 'finish', current: 'process', waiting: 'wait', error: 'error' } as const;

/** "Where is my application": the steps, the current status, what happens next and by when, and every event. */
export function ProgressCard({ app }: { app: ApplicationDetail }) {
  const t = useMessages(recognitionsMessages);
  return (
    <Card title={t('recognitions.progress.title')} data-testid="application-progress">
      <Steps
        size="small"
        style={{ marginBottom: 16 }}
        items={app.steps.map((s) => ({ title: s.title, status: STEP_STATUS[s.state] }))}
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('recognitions.progress.status')}>
          <StatusTag status={app.status} name={app.statusName} data-testid="application-status" />
        </Descriptions.Item>
        <Descriptions.Item label={t('recognitions.progress.next')}>{app.nextStep ?? t('recognitions.progress.finished')}</Descriptions.Item>
        <Descriptions.Item label={t('recognitions.progress.due')}>{app.dueOn ? t('recognitions.progress.dueValue', { date: app.dueOn }) : '—'}</Descriptions.Item>
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
              {e.comment ? <div>{t('recognitions.progress.comment', { comment: e.comment })}</div> : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
