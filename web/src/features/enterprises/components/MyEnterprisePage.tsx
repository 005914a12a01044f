import { Result } from 'antd';
import { useT } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import { EnterpriseView } from './EnterpriseView';

/** 本企业档案: an enterprise user's own record (its organisation's enterpriseId). */
export default function MyEnterprisePage() {
  const t = useT();
  const me = useSession();
  const id = me.organization.enterpriseId;
  if (!id) {
    return <Result status="info" title={t('ent.noOwnEnterprise')} subTitle={t('ent.noOwnEnterpriseHint')} />;
  }
  return <EnterpriseView id={id} backToList={false} />;
}
