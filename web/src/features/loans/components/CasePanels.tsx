import { Alert, Button, Card, Input, Segmented, Space } from 'antd';
import { useState } from 'react';
import { Money } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { useMessages } from '../../../lib/i18n';
import { loansMessages } from '../messages';

interface Action {
  action: string;
  name: string;
  needsComment: boolean;
}

/** The next steps the signed-in role may take, with a comment and (for some steps) an amount. */
export function ActionsCard({ actions, amountFor, amountLabel, pending, problem, onAct }: { actions: Action[]; amountFor: string[]; amountLabel: string; pending: boolean; problem: string | null; onAct: (action: string, comment: string | null, amount: number | undefined) => void }) {
  const t = useMessages(loansMessages);
  const [comment, setComment] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  if (!actions.length) {
    return null;
  }
  return (
    <Card title={t('loans.actions.title')} style={{ marginTop: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('loans.actions.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
        {actions.some((a) => amountFor.includes(a.action)) ? (
          <Space>
            <span>{amountLabel}</span>
            <MoneyInput aria-label={amountLabel} step={100000} value={amount} onChange={(v) => setAmount(v)} />
          </Space>
        ) : null}
        <Space wrap>
          {actions.map((a) => (
            <Button key={a.action} type={a.needsComment ? 'default' : 'primary'} danger={a.action.includes('reject') || a.action === 'default'} loading={pending} onClick={() => onAct(a.action, comment || null, amountFor.includes(a.action) && amount !== null ? amount : undefined)}>
              {a.name}
            </Button>
          ))}
        </Space>
        {problem ? <Alert type="error" showIcon message={problem} /> : null}
      </Space>
    </Card>
  );
}

export function PoolCard({ pool }: { pool: { book: string; accounts: { kind: string; name: string; balance: number }[] } | undefined }) {
  if (!pool) {
    return null;
  }
  return (
    <Card size="small" title={pool.book} style={{ marginBottom: 16 }}>
      <Space size="large" wrap>
        {pool.accounts.map((a) => (
          <span key={a.kind}>
            {a.name}：
            <strong>
              <Money value={a.balance} />
            </strong>
          </span>
        ))}
      </Space>
    </Card>
  );
}

/** The lists' filters: the year (2016, 2015, all) and, for the bureau, the cases awaiting me or all. */
export function YearMineFilters({ year, mine, showMine, onYear, onMine }: { year: number | undefined; mine: boolean; showMine: boolean; onYear: (year: number | undefined) => void; onMine: (mine: boolean) => void }) {
  const t = useMessages(loansMessages);
  return (
    <>
      <Segmented value={year ?? 0} options={[{ value: 2016, label: '2016' }, { value: 2015, label: '2015' }, { value: 0, label: t('loans.yearAll') }]} onChange={(v) => onYear(v === 0 ? undefined : (v as number))} />
      {showMine ? <Segmented value={mine ? 'mine' : 'all'} options={[{ value: 'mine', label: t('loans.mine') }, { value: 'all', label: t('loans.all') }]} onChange={(v) => onMine(v === 'mine')} /> : null}
    </>
  );
}
