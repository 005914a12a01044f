import { techmarketMessages, type TechmarketT } from '../messages';

type Key = keyof typeof techmarketMessages & string;

/** The technical fields; a listing stores the field's Chinese name, shown translated. */
const DOMAINS = [
  'techmarket.domain.electronics',
  'techmarket.domain.bio',
  'techmarket.domain.aerospace',
  'techmarket.domain.materials',
  'techmarket.domain.services',
  'techmarket.domain.energy',
  'techmarket.domain.environment',
  'techmarket.domain.manufacturing',
  'techmarket.domain.other',
] as const;
export type Domain = (typeof techmarketMessages)[(typeof DOMAINS)[number]][0];
export const domainOptions = (t: TechmarketT) => DOMAINS.map((key) => ({ value: techmarketMessages[key][0] as Domain, label: t(key) }));

const KIND_KEYS = { supply: 'techmarket.kind.supply', demand: 'techmarket.kind.demand' } as const satisfies Record<string, Key>;
const PRICE_MODE_KEYS = { fixed: 'techmarket.priceMode.fixed', negotiable: 'techmarket.priceMode.negotiable', auction: 'techmarket.priceMode.auction' } as const satisfies Record<string, Key>;
/** A listing's status in the moderation filter's words (a listing's own status tag shows the API's `statusName`). */
const STATUS_KEYS = {
  pending: 'techmarket.status.pending',
  approved: 'techmarket.status.approved',
  rejected: 'techmarket.status.rejected',
  withdrawn: 'techmarket.status.withdrawn',
} as const satisfies Record<string, Key>;
const CONTRACT_TYPES = [
  'development_commissioned',
  'development_cooperative',
  'transfer_patent',
  'transfer_patent_application',
  'transfer_know_how',
  'transfer_other',
  'licence_patent',
  'licence_know_how',
  'consulting',
  'service',
] as const;

export type ListingKind = keyof typeof KIND_KEYS;
export type PriceMode = keyof typeof PRICE_MODE_KEYS;

const optionsOf = <K extends string>(t: TechmarketT, keys: Record<K, Key>) => (Object.keys(keys) as K[]).map((value) => ({ value, label: t(keys[value]) }));

export const kindName = (t: TechmarketT, kind: ListingKind) => t(KIND_KEYS[kind]);
export const kindOptions = (t: TechmarketT) => optionsOf(t, KIND_KEYS);
export const priceModeName = (t: TechmarketT, mode: PriceMode) => t(PRICE_MODE_KEYS[mode]);
export const priceModeOptions = (t: TechmarketT) => optionsOf(t, PRICE_MODE_KEYS);
export const statusOptions = (t: TechmarketT) => optionsOf(t, STATUS_KEYS);
export const contractTypeOptions = (t: TechmarketT) => CONTRACT_TYPES.map((value) => ({ value, label: t(`techmarket.contractType.${value}`) }));
