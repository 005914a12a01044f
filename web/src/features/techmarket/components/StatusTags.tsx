import { StatusTag } from '../../../components/StatusTag';
import { useMessages } from '../../../lib/i18n';
import { techmarketMessages } from '../messages';
import { registrationStatusName, statusName, type ListingStatus, type RegistrationStatus } from './labels';

// The API sends the codes of a listing's status and of a contract's registration, not their names: the
// words are the page's own (they also feed the moderation filter).

/** 待审核 / 已公开 / 已退回 / 已撤回 */
export function ListingStatusTag({ status }: { status: ListingStatus }) {
  const t = useMessages(techmarketMessages);
  return <StatusTag status={status} name={statusName(t, status)} />;
}

/** 未申请 / 待登记 / 已退回 / 已登记 */
export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const t = useMessages(techmarketMessages);
  return <StatusTag status={status} name={registrationStatusName(t, status)} />;
}
