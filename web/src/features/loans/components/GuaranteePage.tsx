import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageLoading } from '../../../components/PageLoading';
import { CaseEventsCard } from '../../../components/CaseEventsCard';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
import { QueryFailure } from '../../../components/QueryState';
import { errorMessage } from '../../../lib/form-errors';
import { useGuarantee, useGuaranteeAction } from '../api/guarantees';
import { ActionsCard } from './CasePanels';

export default function GuaranteePage() {
  const id = Number(useParams().id);
  const q = useGuarantee(id);
  const act = useGuaranteeAction();
  const [problem, setProblem] = useState<string | null>(null);
  if (q.isError) {
    return <QueryFailure query={q} />;
  }
  const g = q.data;
  if (!g) {
    return <PageLoading />;
  }
  return (
    <>
      <PageTitle title={`${g.typeName} · ${g.enterpriseName}`} extra={<Link to="/loans/guarantees">返回列表</Link>}>
        <Space>
          <Tag color="blue">{g.statusName}</Tag>
          {g.next ? <Typography.Text type="secondary">下一步：{g.next}</Typography.Text> : null}
          {g.dueOn ? <Typography.Text type="secondary">期限 {g.dueOn}</Typography.Text> : null}
        </Space>
      </PageTitle>
      <Card>
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label="企业">{g.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label="区县">{g.districtName}</Descriptions.Item>
          <Descriptions.Item label="贷款银行">{g.bank}</Descriptions.Item>
          <Descriptions.Item label="贷款金额">{renderMoney(g.amount)}</Descriptions.Item>
          <Descriptions.Item label="期限">{g.termMonths} 个月</Descriptions.Item>
          <Descriptions.Item label="担保费率">{g.feeRate}%/年</Descriptions.Item>
          <Descriptions.Item label="担保费">{renderMoney(g.fee)}</Descriptions.Item>
          <Descriptions.Item label="担保费补助">{renderMoney(g.feeSubsidy)}</Descriptions.Item>
          <Descriptions.Item label="起保日">{g.startsOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="到期日">{g.endsOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="解保日">{g.repaidOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="违约日">{g.defaultedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="代偿金额">{renderMoney(g.compensated)}</Descriptions.Item>
          <Descriptions.Item label="代偿日">{g.compensatedOn ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ActionsCard
        actions={g.actions}
        amountFor={['compensate']}
        amountLabel="代偿金额（元）"
        pending={act.isPending}
        problem={problem}
        onAct={(action, comment, amount) => {
          setProblem(null);
          act.mutate({ id, body: { action: action as never, comment, amount } }, { onError: (e) => setProblem(errorMessage(e)) });
        }}
      />
      <CaseEventsCard events={g.events} />
    </>
  );
}
