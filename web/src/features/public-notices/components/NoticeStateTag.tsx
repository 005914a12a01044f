import { StatusTag, type Tone } from '../../../components/StatusTag';
import { useMessages } from '../../../lib/i18n';
import { publicNoticesMessages } from '../messages';

/** The API names no notice state (it is computed from the dates): 待发布 / 公示中 / 公示期满 in the page's words. */
const STATE: Record<string, { label: keyof typeof publicNoticesMessages; tone: Tone }> = {
  scheduled: { label: 'public-notices.state.scheduled', tone: 'default' },
  open: { label: 'public-notices.state.open', tone: 'processing' },
  closed: { label: 'public-notices.state.closed', tone: 'default' },
};

export function NoticeStateTag({ state }: { state: string }) {
  const t = useMessages(publicNoticesMessages);
  const s = STATE[state];
  return <StatusTag status={state} name={s ? t(s.label) : state} tone={s?.tone} />;
}
