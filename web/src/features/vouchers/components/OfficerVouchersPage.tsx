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
  // A tab nobody in this role can use is not shown: issuing is the city officers' work, and
  // settlement batches are read city-wide only (a district officer is refused them).
  const cityReader = hasAnyRole(me, ['city_officer', 'city_admin', 'auditor']);
  return (
    <>
      <PageTitle title="创新券管理" />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'claims', label: '兑付审核', children: <ClaimsReviewPanel canAct={canAct} /> },
          { key: 'stats', label: '统计分析', children: <StatsPanel /> },
          { key: 'policies', label: '政策', children: <PoliciesPanel canAct={canAct} /> },
          ...(canAct ? [{ key: 'issue', label: '发放', children: <IssuancePanel /> }] : []),
          { key: 'providers', label: '服务机构', children: <ProvidersPanel canAct={canAct} /> },
          ...(cityReader ? [{ key: 'settle', label: '结算', children: <SettlementsPanel canAct={canAct} /> }] : []),
          { key: 'flags', label: '风险线索', children: <FlagsPanel canAct={canAct} /> },
        ]}
      />
    </>
  );
}
