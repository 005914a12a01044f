import { Tabs } from 'antd';
import { PageTitle } from '../../../components/PageTitle';
import { useMessages } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import { vouchersMessages } from '../messages';
import { ClaimsReviewPanel } from './ClaimsReviewPanel';
import { FlagsPanel } from './FlagsPanel';
import { IssuancePanel } from './IssuancePanel';
import { PoliciesPanel } from './PoliciesPanel';
import { ProvidersPanel } from './ProvidersPanel';
import { SettlementsPanel } from './SettlementsPanel';
import { StatsPanel } from './StatsPanel';

/** The bureau's voucher desk: policies, issuance, approvals, settlement, flags and statistics. */
export default function OfficerVouchersPage() {
  const t = useMessages(vouchersMessages);
  const me = useSession();
  const canAct = hasAnyRole(me, ['city_officer']);
  // A tab nobody in this role can use is not shown: issuing is the city officers' work, and
  // settlement batches are read city-wide only (a district officer is refused them).
  const cityReader = hasAnyRole(me, ['city_officer', 'city_admin', 'auditor']);
  return (
    <>
      <PageTitle title={t('vouchers.title')} />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'claims', label: t('vouchers.tab.claims'), children: <ClaimsReviewPanel canAct={canAct} /> },
          { key: 'stats', label: t('vouchers.tab.stats'), children: <StatsPanel /> },
          { key: 'policies', label: t('vouchers.tab.policies'), children: <PoliciesPanel canAct={canAct} /> },
          ...(canAct ? [{ key: 'issue', label: t('vouchers.tab.issue'), children: <IssuancePanel /> }] : []),
          { key: 'providers', label: t('vouchers.tab.providers'), children: <ProvidersPanel canAct={canAct} /> },
          ...(cityReader ? [{ key: 'settle', label: t('vouchers.tab.settle'), children: <SettlementsPanel canAct={canAct} /> }] : []),
          { key: 'flags', label: t('vouchers.tab.flags'), children: <FlagsPanel canAct={canAct} /> },
        ]}
      />
    </>
  );
}
