import { Table, Tag } from 'antd';

export interface Condition {
  code: string;
  label: string;
  passed: boolean;
  status: 'passed' | 'failed' | 'pending' | 'waived';
  value: unknown;
  threshold: unknown;
  note: string | null;
}

const STATUS: Record<Condition['status'], { color: string; text: string }> = {
  passed: { color: 'success', text: '符合' },
  failed: { color: 'error', text: '不符合' },
  pending: { color: 'warning', text: '待专家评分' },
  waived: { color: 'processing', text: '直接确认，免于评分' },
};

const RATIO_CODES = new Set(['st_staff_ratio', 'rd_ratio', 'rd_domestic_ratio', 'hightech_revenue_ratio']);
const MONEY_KEYS: Record<string, string> = { employees: '职工', salesRevenue: '销售收入', totalAssets: '资产总额' };

export const percent = (v: number) => `${(v * 100).toFixed(2)}%`;
export const yuan = (v: number) => (Math.abs(v) >= 1e4 ? `${(v / 1e4).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元` : `${v}元`);

function show(code: string, v: unknown): string {
  if (v === null || v === undefined) {
    return '—';
  }
  if (typeof v === 'boolean') {
    return v ? '是' : '否';
  }
  if (typeof v === 'number') {
    return RATIO_CODES.has(code) ? percent(v) : String(v);
  }
  if (Array.isArray(v)) {
    return v.length > 3 ? `${v.length}个重点领域之一` : v.join('、');
  }
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, number>)
      .map(([k, n]) => `${MONEY_KEYS[k] ?? k} ${k === 'employees' ? `${n}人` : yuan(n)}`)
      .join('；');
  }
  return String(v);
}

/** Every condition with its figure, what the rule asks, and whether it holds. */
export function ConditionsTable({ conditions, testId }: { conditions: Condition[]; testId: string }) {
  return (
    <Table<Condition>
      data-testid={testId}
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={conditions}
      onRow={(c) => ({ 'data-code': c.code, 'data-status': c.status }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '条件', dataIndex: 'label', width: '34%' },
        {
          title: '结果',
          dataIndex: 'status',
          width: 130,
          render: (s: Condition['status']) => <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag>,
        },
        { title: '企业数据', key: 'value', render: (_, c) => (c.code === 'registered_1y' ? `申请日 ${show(c.code, c.value)}` : show(c.code, c.value)) },
        {
          title: '要求',
          key: 'threshold',
          render: (_, c) =>
            c.code === 'innovation_score'
              ? `> ${String(c.threshold)}分`
              : c.code === 'registered_1y'
                ? `不早于 ${show(c.code, c.threshold)}`
                : RATIO_CODES.has(c.code)
                  ? `≥ ${show(c.code, c.threshold)}`
                  : show(c.code, c.threshold),
        },
        { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '' },
      ]}
    />
  );
}
