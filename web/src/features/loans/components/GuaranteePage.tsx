import { Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageLoading } from '../../../components/PageLoading';
import { CaseEventsCard } from '../../../components/CaseEventsCard';
import { PageTitle } from '../../../components/PageTitle';
import { renderMoney } from '../../../components/Money';
import { QueryFailure } from '../../../components/QueryState';
import { StatusTag } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { useMessages } from '../../../lib/i18n';
import { loansMessages } from '../messages';
import { useGuarantee, useGuaranteeAction } from '../api/guarantees';
import { ActionsCard } from './CasePanels';

export default function GuaranteePage() {
  const t = useMessages(loansMessages);
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
      <PageTitle title={t('loans.guarantees.caseTitle', { type: g.typeName, enterprise: g.enterpriseName })} isName extra={<Link to="/loans/guarantees">{t('loans.backToList')}</Link>}>
        <Space>
          <StatusTag status={g.status} name={g.statusName} />
          {g.next ? <Typography.Text type="secondary">{t('loans.next', { next: g.next })}</Typography.Text> : null}
          {g.dueOn ? <Typography.Text type="secondary">{t('loans.dueOn', { dueOn: g.dueOn })}</Typography.Text> : null}
        </Space>
      </PageTitle>
      <Card>
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label={t('loans.enterprise')}>{g.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('loans.district')}>{g.districtName}</Descriptions.Item>
          <Descriptions.Item label={t('loans.guarantees.lender')}>{g.bank}</Descriptions.Item>
          <Descriptions.Item label={t('loans.guarantees.amount')}>{renderMoney(g.amount)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.guarantees.term')}>{t('loans.guarantees.months', { months: g.termMonths })}</Descriptions.Item>
          <Descriptions.Item label={t('loans.guarantees.feeRate')}>{t('loans.guarantees.feeRateValue', { rate: g.feeRate })}</Descriptions.Item>
          <Descriptions.Item label={t('loans.guarantees.fee')}>{renderMoney(g.fee)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.guarantees.feeSubsidy')}>{renderMoney(g.feeSubsidy)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.guarantees.startsOn')}>{g.startsOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('loans.guarantees.endsOn')}>{g.endsOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('loans.guarantees.releasedOn')}>{g.repaidOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('loans.guarantees.defaultedOn')}>{g.defaultedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('loans.guarantees.compensated')}>{renderMoney(g.compensated)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.guarantees.compensatedOn')}>{g.compensatedOn ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ActionsCard
        actions={g.actions}
        amountFor={['compensate']}
        amountLabel={t('loans.guarantees.compensateAmount')}
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
