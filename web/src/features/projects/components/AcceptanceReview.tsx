import { Alert, Button, Space, Table } from 'antd';
import { StatusTag } from '../../../components/StatusTag';
import type { FollowUp } from '../api/get-project';
import { projectsMessages, type ProjectsT } from '../messages';
import { useMessages } from '../../../lib/i18n';

export const resultNames = (t: ProjectsT): Record<string, string> => ({ pass: t('projects.result.pass'), pass_conditions: t('projects.result.passConditions'), fail: t('projects.result.fail') });
type Result = 'pass' | 'pass_conditions' | 'fail';
const buttons = (t: ProjectsT): { result: Result; label: string; title: string }[] => [
  { result: 'pass', label: t('projects.acceptance.passButton'), title: t('projects.acceptance.passTitle') },
  { result: 'pass_conditions', label: t('projects.result.passConditions'), title: t('projects.acceptance.conditionsTitle') },
  { result: 'fail', label: t('projects.acceptance.failed'), title: t('projects.acceptance.failTitle') },
];

/**
 * The acceptance panel's scores per item (mean of the experts, against each item's points), the
 * proposed result and, for the officer, the conclusion: the proposed one is the primary button;
 * another result, or 结题（有条件） and 不通过, needs a written reason.
 */
export function AcceptanceReview({ f, officer, ask }: { f: FollowUp; officer: boolean; ask: (x: { title: string; required: boolean; okText: string; result: Result }) => void }) {
  const t = useMessages(projectsMessages);
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
            title={() => t('projects.acceptance.scoresTitle')}
            columns={[
              { title: t('projects.acceptance.item'), dataIndex: 'label' },
              { title: t('projects.acceptance.meanOfMax'), width: 130, render: (_: unknown, i) => <span style={{ color: i.code.startsWith('kpi_') && i.mean < i.max * 0.6 ? '#cf1322' : undefined }}>{`${i.mean} / ${i.max}`}</span> },
            ]}
          />
          <Alert
            type={p.result === 'pass' ? 'success' : p.result === 'fail' ? 'error' : 'warning'}
            showIcon
            message={<span>{t('projects.acceptance.proposed')}<StatusTag status={p.result} name={p.resultName} tone={p.result === 'pass' ? 'success' : p.result === 'fail' ? 'error' : 'warning'} /></span>}
            description={p.reasons.join('；')}
          />
        </>
      ) : null}
      {officer && f.status === 'scored' ? (
        <Space wrap>
          {buttons(t).map((b) => (
            <Button
              key={b.result}
              type={p?.result === b.result ? 'primary' : 'default'}
              danger={b.result === 'fail'}
              onClick={() => ask({ title: b.title, required: b.result !== 'pass' || (p !== null && p.result !== 'pass'), okText: resultNames(t)[b.result], result: b.result })}
            >
              {b.label}
            </Button>
          ))}
        </Space>
      ) : null}
    </Space>
  );
}
