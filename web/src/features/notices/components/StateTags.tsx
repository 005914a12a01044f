import { StatusTag, type Tone } from '../../../components/StatusTag';

// The API names a notice's state (`stateName`) and an objection's status (`statusName`); the page only colours them.
const NOTICE_STATE_TONES: Record<string, Tone> = { scheduled: 'default', open: 'processing', closed: 'success' };
const OBJECTION_STATUS_TONES: Record<string, Tone> = { open: 'error', upheld: 'warning', dismissed: 'default' };

/** 待发布 / 公示中 / 公示期满 */
export function NoticeStateTag({ state, name }: { state: string; name: string }) {
  return <StatusTag status={state} name={name} tone={NOTICE_STATE_TONES[state]} />;
}

/** 待处理 / 异议成立 / 异议不成立 */
export function ObjectionStatusTag({ status, name }: { status: string; name: string }) {
  return <StatusTag status={status} name={name} tone={OBJECTION_STATUS_TONES[status]} />;
}
