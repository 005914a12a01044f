import { Card, Timeline } from 'antd';
import { formatDateTime } from '../lib/format';
import { useT } from '../lib/i18n';

export interface CaseEventView {
  actionName: string;
  actorLabel: string;
  comment: string | null;
  createdAt: string;
  toStatusName?: string;
}

/** A case's history (办理过程): when, which step, by whom, the opinion, and the status it led to. */
export function CaseEventsCard({ events, title }: { events: CaseEventView[]; title?: string }) {
  const t = useT();
  return (
    <Card title={title ?? t('common.caseEvents')} style={{ marginTop: 16 }}>
      <Timeline
        items={events.map((e) => ({
          children: `${formatDateTime(e.createdAt).slice(0, 16)} ${e.actionName} · ${e.actorLabel}${e.toStatusName ? ` → ${e.toStatusName}` : ''}${e.comment ? `：${e.comment}` : ''}`,
        }))}
      />
    </Card>
  );
}
