import { Table } from 'antd';
import { StatusTag, type Tone } from '../../../components/StatusTag';
import { useI18n, useMessages, type Lang, type Vars } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';
import { rulesMessages } from '../messages';

export interface Condition {
  code: string;
  label: string;
  passed: boolean;
  status: 'passed' | 'failed' | 'pending' | 'waived';
  value: unknown;
  threshold: unknown;
  note: string | null;
}

type RulesT = (key: keyof typeof rulesMessages, vars?: Vars) => string;

/** The engines name no condition status (they answer passed / failed / pending / waived): the page's words, with their tone. */
const STATUS: Record<Condition['status'], { tone: Tone; text: keyof typeof rulesMessages }> = {
  passed: { tone: 'success', text: 'rules.status.passed' },
  failed: { tone: 'error', text: 'rules.status.failed' },
  pending: { tone: 'warning', text: 'rules.status.pending' },
  waived: { tone: 'processing', text: 'rules.status.waived' },
};

const RATIO_CODES = new Set(['st_staff_ratio', 'rd_ratio', 'rd_domestic_ratio', 'hightech_revenue_ratio']);
const MONEY_KEYS: Record<string, keyof typeof rulesMessages> = { employees: 'rules.key.employees', salesRevenue: 'rules.key.salesRevenue', totalAssets: 'rules.key.totalAssets' };

export const percent = (v: number) => `${(v * 100).toFixed(2)}%`;
/** A rule's amount as the bureau reads it: thousands separators, in 万元 from ten thousand on. */
const yuan = (v: number, lang: Lang) => formatMoney(v, Math.abs(v) >= 1e4 ? 'wan' : 'yuan', lang);

function show(code: string, v: unknown, t: RulesT, lang: Lang): string {
  if (v === null || v === undefined) {
    return '—';
  }
  if (typeof v === 'boolean') {
    return v ? t('rules.yes') : t('rules.no');
  }
  if (typeof v === 'number') {
    return RATIO_CODES.has(code) ? percent(v) : String(v);
  }
  if (Array.isArray(v)) {
    return v.length > 3 ? t('rules.oneOfDomains', { n: v.length }) : v.join(t('rules.listSeparator'));
  }
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, number>)
      .map(([k, n]) => `${MONEY_KEYS[k] ? t(MONEY_KEYS[k]) : k} ${k === 'employees' ? t('rules.persons', { n }) : yuan(n, lang)}`)
      .join(t('rules.partSeparator'));
  }
  return String(v);
}

/** Every condition with its figure, what the rule asks, and whether it holds. */
export function ConditionsTable({ conditions, testId }: { conditions: Condition[]; testId: string }) {
  const t = useMessages(rulesMessages);
  const { lang } = useI18n();
  const shown = (code: string, v: unknown) => show(code, v, t, lang);
  return (
    <Table<Condition>
      data-testid={testId}
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={conditions}
      onRow={(c) => ({ 'data-code': c.code, 'data-status': c.status }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('rules.col.condition'), dataIndex: 'label', width: '34%' },
        {
          title: t('rules.col.result'),
          dataIndex: 'status',
          width: 130,
          render: (s: Condition['status']) => <StatusTag status={s} name={t(STATUS[s].text)} tone={STATUS[s].tone} />,
        },
        { title: t('rules.col.value'), key: 'value', render: (_, c) => (c.code === 'registered_1y' ? t('rules.appliedOn', { date: shown(c.code, c.value) }) : shown(c.code, c.value)) },
        {
          title: t('rules.col.threshold'),
          key: 'threshold',
          render: (_, c) =>
            c.code === 'innovation_score'
              ? t('rules.above', { n: String(c.threshold) })
              : c.code === 'registered_1y'
                ? t('rules.notBefore', { date: shown(c.code, c.threshold) })
                : RATIO_CODES.has(c.code)
                  ? `≥ ${shown(c.code, c.threshold)}`
                  : shown(c.code, c.threshold),
        },
        { title: t('rules.col.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
      ]}
    />
  );
}
