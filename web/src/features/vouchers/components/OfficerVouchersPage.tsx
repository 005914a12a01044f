import { Tabs } from 'antd';
import { PageTitle } from '../../../components/PageTitle';
import { hasAnyRole, useSession } from '../../../lib/session';
import { ClaimsReviewPanel } from './ClaimsReviewPanel';
import { FlagsPanel } from './FlagsPanel';
import { IssuancePanel } from './IssuancePanel';
import { PoliciesPanel } from './PoliciesPanel';
import { ProvidersPanel } from './ProvidersPanel';
import { SettlementsPanel } from './SettlementsPanel';
import { StatsPanel } from './StatsPanel';

/** The bureau's voucher desk: policies, issuance, approvals, settlement, flags and statistics. */
export default function OfficerVouchersPage() {
  const me = useSession();
  const canAct = hasAnyRole(me, ['city_officer']);
  return (
    <>
      <PageTitle title="创新券管理" />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'claims', label: '兑付审核', children: <ClaimsReviewPanel canAct={canAct} /> },
          { key: 'stats', label: '统计分析', children: <StatsPanel /> },
          { key: 'policies', label: '政策', children: <PoliciesPanel canAct={canAct} /> },
          { key: 'issue', label: '发放', children: <IssuancePanel canAct={canAct} /> },
          { key: 'providers', label: '服务机构', children: <ProvidersPanel canAct={canAct} /> },
          { key: 'settle', label: '结算', children: <SettlementsPanel canAct={canAct} /> },
          { key: 'flags', label: '风险线索', children: <FlagsPanel canAct={canAct} /> },
        ]}
      />
    </>
  );
}
