import { useParams } from 'react-router';
import { StatusPage } from '../../../components/StatusPage';
import { hasAnyRole, useSession } from '../../../lib/session';
import { EnterpriseView } from './EnterpriseView';

export default function EnterpriseDetailPage() {
  const { id } = useParams();
  const me = useSession();
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n <= 0) {
    return <StatusPage kind="notFound" />;
  }
  const canList = hasAnyRole(me, ['city_admin', 'city_officer', 'district_officer', 'auditor']);
  return <EnterpriseView key={n} id={n} backToList={canList} />;
}
