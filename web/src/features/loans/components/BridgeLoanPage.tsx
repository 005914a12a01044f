import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageLoading } from '../../../components/PageLoading';
import { CaseEventsCard } from '../../../components/CaseEventsCard';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
import { QueryFailure } from '../../../components/QueryState';
import { errorMessage } from '../../../lib/form-errors';
import { useBridgeAction, useBridgeLoan } from '../api/bridge';
import { ActionsCard } from './CasePanels';

export default function BridgeLoanPage() {
  const id = Number(useParams().id);
  const q = useBridgeLoan(id);
  const act = useBridgeAction();
  const [problem, setProblem] = useState<string | null>(null);
  if (q.isError) {
    return <QueryFailure query={q} />;
  }
  const b = q.data;
  if (!b) {
    return <PageLoading />;
  }
  return (
    <>
      <PageTitle title={`融资周转金 · ${b.enterpriseName}`} extra={<Link to="/loans/bridge">返回列表</Link>}>
        <Space>
          <Tag color={b.overdue ? 'red' : 'blue'}>{b.statusName}{b.overdue ? '（已逾期）' : ''}</Tag>
          {b.next ? <Typography.Text type="secondary">下一步：{b.next}</Typography.Text> : null}
          {b.dueOn ? <Typography.Text type="secondary">期限 {b.dueOn}</Typography.Text> : null}
        </Space>
      </PageTitle>
      <Card>
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label="企业">{b.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label="区县">{b.districtName}</Descriptions.Item>
          <Descriptions.Item label="原贷款银行">{b.bank}</Descriptions.Item>
          <Descriptions.Item label="原贷款合同">{b.bankLoanNo}</Descriptions.Item>
          <Descriptions.Item label="申请金额">{renderMoney(b.requested)}</Descriptions.Item>
          <Descriptions.Item label="使用天数">{b.termDays} 天</Descriptions.Item>
          <Descriptions.Item label="批准金额">{renderMoney(b.approved)}</Descriptions.Item>
          <Descriptions.Item label="放款日">{b.disbursedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="应还日">{b.repayBy ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="归还日">{b.repaidOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="逾期天数">{b.overdueDays ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="用途">{b.purpose ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ActionsCard
        actions={b.actions}
        amountFor={['approve']}
        amountLabel="批准金额（元，不填则按申请金额）"
        pending={act.isPending}
        problem={problem}
        onAct={(action, comment, amount) => {
          setProblem(null);
          act.mutate({ id, body: { action: action as never, comment, amount } }, { onError: (e) => setProblem(errorMessage(e)) });
        }}
      />
      <CaseEventsCard events={b.events} />
    </>
  );
}
