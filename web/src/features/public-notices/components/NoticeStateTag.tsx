import { StatusTag, type Tone } from '../../../components/StatusTag';

/** A notice's state as the API names it (`stateName`: 待发布 / 公示中 / 公示期满); the page only colours it. */
const TONES: Record<string, Tone> = { scheduled: 'default', open: 'processing', closed: 'default' };

export function NoticeStateTag({ state, name }: { state: string; name: string }) {
  return <StatusTag status={state} name={name} tone={TONES[state]} />;
}
