import { Alert, Button, Card, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useI18n, useMessages } from '../../../lib/i18n';
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
            <InputNumber aria-label={amountLabel} min={0} precision={2} step={100000} style={{ width: 200 }} value={amount} onChange={(v) => setAmount(v)} />
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
  const t = useMessages(loansMessages);
  const { lang } = useI18n();
  if (!pool) {
    return null;
  }
  return (
    <Card size="small" title={pool.book} style={{ marginBottom: 16 }}>
      <Space size="large" wrap>
        {pool.accounts.map((a) => (
          <span key={a.kind}>
            {a.name}：<strong className="money">{t('loans.pool.balance', { amount: a.balance.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) })}</strong>
          </span>
        ))}
      </Space>
    </Card>
  );
}
