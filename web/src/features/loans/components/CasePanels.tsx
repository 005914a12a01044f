import { Alert, Button, Card, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';

interface Action {
  action: string;
  name: string;
  needsComment: boolean;
}

/** The next steps the signed-in role may take, with a comment and (for some steps) an amount. */
export function ActionsCard({ actions, amountFor, amountLabel, pending, problem, onAct }: { actions: Action[]; amountFor: string[]; amountLabel: string; pending: boolean; problem: string | null; onAct: (action: string, comment: string | null, amount: number | undefined) => void }) {
  const [comment, setComment] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  if (!actions.length) {
    return null;
  }
  return (
    <Card title="办理" style={{ marginTop: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea rows={2} maxLength={500} placeholder="意见（退回、不予批准、登记违约须填写）" value={comment} onChange={(e) => setComment(e.target.value)} />
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
  if (!pool) {
    return null;
  }
  return (
    <Card size="small" title={pool.book} style={{ marginBottom: 16 }}>
      <Space size="large" wrap>
        {pool.accounts.map((a) => (
          <span key={a.kind}>
            {a.name}：<strong className="money">{a.balance.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元</strong>
          </span>
        ))}
      </Space>
    </Card>
  );
}
