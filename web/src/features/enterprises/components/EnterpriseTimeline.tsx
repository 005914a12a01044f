import { Empty, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import { useT, type MessageKey } from '../../../lib/i18n';
import type { TimelineEvent } from '../api/get-enterprise';

const MODULE_LABELS: Record<string, MessageKey> = {
  enterprises: 'module.enterprises',
  recognitions: 'module.recognitions',
  projects: 'module.projects',
  vouchers: 'module.vouchers',
  techmarket: 'module.techmarket',
  finance: 'module.finance',
  carriers: 'module.carriers',
};

const MODULE_COLORS: Record<string, string> = {
  enterprises: 'blue',
  recognitions: 'green',
  projects: 'purple',
  vouchers: 'orange',
  techmarket: 'cyan',
  finance: 'gold',
  carriers: 'magenta',
};

/** 一企一档: everything the bureau did with this enterprise, newest first. */
export function EnterpriseTimeline({ events }: { events: TimelineEvent[] }) {
  const t = useT();
  if (events.length === 0) {
    return <Empty description={t('ent.timelineEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  }
  const sorted = [...events].sort((a, b) => String(b.occurredAt).localeCompare(String(a.occurredAt)));
  return (
    <Timeline
      data-testid="enterprise-timeline"
      items={sorted.map((ev) => {
        const label = MODULE_LABELS[ev.module];
        return {
          key: ev.id,
          color: MODULE_COLORS[ev.module] ?? 'gray',
          content: (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(ev.occurredAt)}
              </Typography.Text>
              <div>
                <Tag color={MODULE_COLORS[ev.module]} style={{ marginInlineEnd: 6 }}>
                  {label ? t(label) : ev.module}
                </Tag>
                {ev.title}
              </div>
            </>
          ),
        };
      })}
    />
  );
}
