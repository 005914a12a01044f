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
import { useBridgeAction, useBridgeLoan } from '../api/bridge';
import { ActionsCard } from './CasePanels';

export default function BridgeLoanPage() {
  const t = useMessages(loansMessages);
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
      <PageTitle title={t('loans.bridge.caseTitle', { enterprise: b.enterpriseName })} isName extra={<Link to="/loans/bridge">{t('loans.backToList')}</Link>}>
        <Space>
          <StatusTag status={b.status} name={`${b.statusName}${b.overdue ? t('loans.overdueSuffix') : ''}`} tone={b.overdue ? 'error' : undefined} />
          {b.next ? <Typography.Text type="secondary">{t('loans.next', { next: b.next })}</Typography.Text> : null}
          {b.dueOn ? <Typography.Text type="secondary">{t('loans.dueOn', { dueOn: b.dueOn })}</Typography.Text> : null}
        </Space>
      </PageTitle>
      <Card>
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label={t('loans.enterprise')}>{b.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('loans.district')}>{b.districtName}</Descriptions.Item>
          <Descriptions.Item label={t('loans.bridge.bank')}>{b.bank}</Descriptions.Item>
          <Descriptions.Item label={t('loans.bridge.loanNo')}>{b.bankLoanNo}</Descriptions.Item>
          <Descriptions.Item label={t('loans.bridge.requested')}>{renderMoney(b.requested)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.bridge.termDays')}>{t('loans.bridge.days', { days: b.termDays })}</Descriptions.Item>
          <Descriptions.Item label={t('loans.bridge.approved')}>{renderMoney(b.approved)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.bridge.disbursedOn')}>{b.disbursedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('loans.bridge.repayBy')}>{b.repayBy ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('loans.bridge.repaidOn')}>{b.repaidOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('loans.bridge.overdueDays')}>{b.overdueDays ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('loans.purpose')}>{b.purpose ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ActionsCard
        actions={b.actions}
        amountFor={['approve']}
        amountLabel={t('loans.bridge.approveAmount')}
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
