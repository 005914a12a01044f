import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { CONDITION_STATUS } from '../../labels';

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

const show = (v: unknown): string => {
  if (v === null || v === undefined) {
    return '—';
  }
  if (typeof v === 'number') {
    return Number.isInteger(v) ? String(v) : Math.abs(v) < 10 ? `${(v * 100).toFixed(2)}%` : v.toFixed(2);
  }
  if (typeof v === 'boolean') {
    return v ? '是' : '否';
  }
  return Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v);
};

/** The self-assessment: every condition with its value and threshold, or what is still missing. */
export function AssessmentPanel({ assessment, loading, title = '自评结果' }: { assessment: AssessmentLike | null | undefined; loading?: boolean; title?: string }) {
  return (
    <Card title={title} size="small" loading={loading && !assessment} data-testid="assessment-panel">
      {!assessment ? (
        <Typography.Text type="secondary">填写材料后自动评估</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {assessment.complete ? (
            <Alert
              type={assessment.eligible ? 'success' : assessment.pending.length && assessment.conditions.every((c) => c.status !== 'failed') ? 'info' : 'warning'}
              showIcon
              title={
                assessment.eligible
                  ? '按所填材料，各项条件均符合'
                  : assessment.conditions.some((c) => c.status === 'failed')
                    ? '有条件不符合，请核对'
                    : '已填条件均符合，部分条件待专家评审'
              }
            />
          ) : (
            <Alert type="info" showIcon title={`材料尚未填完整（${assessment.issues.length}处）`} description={assessment.issues.slice(0, 5).map((i) => i.message).join('；')} />
          )}
          <List
            size="small"
            dataSource={assessment.conditions}
            renderItem={(c) => (
              <List.Item>
                <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                  <Space>
                    <Tag color={CONDITION_STATUS[c.status]?.color}>{CONDITION_STATUS[c.status]?.label ?? c.status}</Tag>
                    <Typography.Text>{c.label}</Typography.Text>
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    实际：{show(c.value)} · 要求：{show(c.threshold)}
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
