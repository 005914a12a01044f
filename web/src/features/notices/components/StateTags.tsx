import { StatusTag } from '../../../components/StatusTag';
import { useMessages } from '../../../lib/i18n';
import { NOTICE_STATE, OBJECTION_STATUS } from '../constants';
import { noticesMessages } from '../messages';

/** 待发布 / 公示中 / 公示期满: a notice's state in the page's words. */
export function NoticeStateTag({ state }: { state: string }) {
  const t = useMessages(noticesMessages);
  const s = NOTICE_STATE[state];
  return <StatusTag status={state} name={s ? t(s.label) : state} tone={s?.tone} />;
}

/** 待处理 / 异议成立 / 异议不成立: an objection's status in the page's words. */
export function ObjectionStatusTag({ status }: { status: string }) {
  const t = useMessages(noticesMessages);
  const s = OBJECTION_STATUS[status];
  return <StatusTag status={status} name={s ? t(s.label) : status} tone={s?.tone} />;
}
