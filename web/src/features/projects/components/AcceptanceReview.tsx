import { Alert, Button, Space, Table, Tag } from 'antd';
import type { FollowUp } from '../api/get-project';

export const RESULT_NAMES: Record<string, string> = { pass: '通过', pass_conditions: '结题（有条件）', fail: '不通过' };
type Result = 'pass' | 'pass_conditions' | 'fail';
const BUTTONS: { result: Result; label: string; title: string }[] = [
  { result: 'pass', label: '验收通过（生成尾款）', title: '验收通过' },
  { result: 'pass_conditions', label: '结题（有条件）', title: '结题（有条件）：写明须满足的条件' },
  { result: 'fail', label: '验收不通过', title: '验收不通过（结余退回、收回未使用资金）' },
];

/**
 * The acceptance panel's scores per item (mean of the experts, against each item's points), the
 * proposed result and, for the officer, the conclusion: the proposed one is the primary button;
 * another result, or 结题（有条件） and 不通过, needs a written reason.
 */
export function AcceptanceReview({ f, officer, ask }: { f: FollowUp; officer: boolean; ask: (x: { title: string; required: boolean; okText: string; result: Result }) => void }) {
  const p = f.proposal;
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
      {p ? (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="code"
            dataSource={p.items}
            title={() => '专家评分（各项平均分）'}
            columns={[
              { title: '评分项', dataIndex: 'label' },
              { title: '平均分 / 分值', width: 130, render: (_: unknown, i) => <span style={{ color: i.code.startsWith('kpi_') && i.mean < i.max * 0.6 ? '#cf1322' : undefined }}>{`${i.mean} / ${i.max}`}</span> },
            ]}
          />
          <Alert
            type={p.result === 'pass' ? 'success' : p.result === 'fail' ? 'error' : 'warning'}
            showIcon
            message={<span>专家组建议结论：<Tag color={p.result === 'pass' ? 'green' : p.result === 'fail' ? 'red' : 'orange'}>{p.resultName}</Tag></span>}
            description={p.reasons.join('；')}
          />
        </>
      ) : null}
      {officer && f.status === 'scored' ? (
        <Space wrap>
          {BUTTONS.map((b) => (
            <Button
              key={b.result}
              type={p?.result === b.result ? 'primary' : 'default'}
              danger={b.result === 'fail'}
              onClick={() => ask({ title: b.title, required: b.result !== 'pass' || (p !== null && p.result !== 'pass'), okText: RESULT_NAMES[b.result], result: b.result })}
            >
              {b.label}
            </Button>
          ))}
        </Space>
      ) : null}
    </Space>
  );
}
