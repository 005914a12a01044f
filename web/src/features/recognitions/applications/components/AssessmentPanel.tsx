import { Alert, Card, List, Space, Typography } from 'antd';
import { StatusTag } from '../../../../components/StatusTag';
import { CONDITION_STATUS } from '../../labels';
import { useMessages } from '../../../../lib/i18n';
import { recognitionsMessages } from '../../messages';
import type { RecognitionsT } from '../../register/components/constants';

interface Condition {
  code: string;
  label: string;
  status: string;
  value?: unknown;
  threshold?: unknown;
  note?: string | null;
}
export interface AssessmentLike {
  complete: boolean;
  eligible: boolean | null;
  issues: { field: string; message: string }[];
  pending: string[];
  conditions: Condition[];
  assessedOn?: string;
}

const show = (v: unknown, t: RecognitionsT): string => {
  if (v === null || v === undefined) {
    return '—';
  }
  if (typeof v === 'number') {
    return Number.isInteger(v) ? String(v) : Math.abs(v) < 10 ? `${(v * 100).toFixed(2)}%` : v.toFixed(2);
  }
  if (typeof v === 'boolean') {
    return v ? t('recognitions.form.yes') : t('recognitions.form.no');
  }
  return Array.isArray(v) ? v.join(t('recognitions.listSeparator')) : typeof v === 'object' ? JSON.stringify(v) : String(v);
};

/** The self-assessment: every condition with its value and threshold, or what is still missing. */
export function AssessmentPanel({ assessment, loading, title }: { assessment: AssessmentLike | null | undefined; loading?: boolean; title?: string }) {
  const t = useMessages(recognitionsMessages);
  return (
    <Card title={title ?? t('recognitions.assess.title')} size="small" loading={loading && !assessment} data-testid="assessment-panel">
      {!assessment ? (
        <Typography.Text type="secondary">{t('recognitions.assess.empty')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {assessment.complete ? (
            <Alert
              type={assessment.eligible ? 'success' : assessment.pending.length && assessment.conditions.every((c) => c.status !== 'failed') ? 'info' : 'warning'}
              showIcon
              title={
                assessment.eligible
                  ? t('recognitions.assess.eligible')
                  : assessment.conditions.some((c) => c.status === 'failed')
                    ? t('recognitions.assess.failed')
                    : t('recognitions.assess.pending')
              }
            />
          ) : (
            <Alert type="info" showIcon title={t('recognitions.assess.incomplete', { n: assessment.issues.length })} description={assessment.issues.slice(0, 5).map((i) => i.message).join(t('recognitions.assess.partSeparator'))} />
          )}
          <List
            size="small"
            dataSource={assessment.conditions}
            renderItem={(c) => (
              <List.Item>
                <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                  <Space>
                    <StatusTag status={c.status} name={CONDITION_STATUS[c.status] ? t(CONDITION_STATUS[c.status].label) : c.status} tone={CONDITION_STATUS[c.status]?.tone} />
                    <Typography.Text>{c.label}</Typography.Text>
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('recognitions.assess.actual', { value: show(c.value, t), threshold: show(c.threshold, t) })}
                    {c.note ? ` · ${c.note}` : ''}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Space>
      )}
    </Card>
  );
}
