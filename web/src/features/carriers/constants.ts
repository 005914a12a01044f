import { carriersMessages, type CarriersT } from './messages';

const KINDS = { makerspace: 'carriers.kind.makerspace', incubator: 'carriers.kind.incubator', platform: 'carriers.kind.platform' } as const;
export type CarrierKindCode = keyof typeof KINDS;
export const kindOptions = (t: CarriersT) => (Object.keys(KINDS) as CarrierKindCode[]).map((value) => ({ value, label: t(KINDS[value]) }));

/** The services a carrier offers; a carrier stores the service's Chinese name, shown translated. */
const SERVICES = [
  'carriers.service.mentoring',
  'carriers.service.financing',
  'carriers.service.technical',
  'carriers.service.ip',
  'carriers.service.legal',
  'carriers.service.recruitment',
  'carriers.service.marketing',
  'carriers.service.policy',
  'carriers.service.international',
  'carriers.service.lab',
] as const;
export const serviceOptions = (t: CarriersT) => SERVICES.map((key) => ({ value: carriersMessages[key][0] as string, label: t(key) }));

/** The Torch-style statistics items, each labelled by a message key. */
export const STAT_FIELDS = [
  { key: 'areaM2', label: 'carriers.area' },
  { key: 'firmsInIncubation', label: 'carriers.stat.firms' },
  { key: 'newFirms', label: 'carriers.stat.newFirms' },
  { key: 'graduatedFirms', label: 'carriers.stat.graduated' },
  { key: 'revenue', label: 'carriers.stat.revenue', money: true },
  { key: 'jobs', label: 'carriers.stat.jobs' },
  { key: 'investment', label: 'carriers.stat.investment', money: true },
  { key: 'ipCount', label: 'carriers.stat.ip' },
  { key: 'events', label: 'carriers.stat.events' },
] as const;

export const GRADE_COLORS: Record<string, string> = { excellent: 'green', good: 'blue', pass: 'default', fail: 'red' };
