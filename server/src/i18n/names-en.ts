import { INSTRUMENT_NAMES_EN } from './names-en.instruments.js';
import { LABEL_NAMES_EN } from './names-en.labels.js';
import { LOCAL_NAMES_EN } from './names-en.local.js';
import { MODULE_NAMES_EN } from './names-en.modules.js';

/** Public holidays whose weekend make-up working days the calendar names `${holiday}调休上班`. */
const HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '国庆节、中秋节', '中秋节、国庆节', '纪念日'] as const;

/** The catalogue's parts; a name in several parts has the same English in each (names-en.test.ts). */
export const NAMES_EN_PARTS: readonly Readonly<Record<string, string>>[] = [
  INSTRUMENT_NAMES_EN,
  MODULE_NAMES_EN,
  LABEL_NAMES_EN,
  LOCAL_NAMES_EN,
  Object.fromEntries(HOLIDAYS.map((h) => [`${h}调休上班`, `Make-up working day (${LOCAL_NAMES_EN[h]})`])),
];

/**
 * The English of each Chinese name the API produces (an instrument's statuses, actions and types,
 * a module's status/kind/category names, districts, …), keyed by the exact Chinese. With
 * `Accept-Language: en`, the response hook (http/language.ts) replaces a name-like value that is
 * exactly a key here by its English; a name not here stays Chinese.
 */
export const NAMES_EN: Readonly<Record<string, string>> = Object.freeze(Object.assign({}, ...NAMES_EN_PARTS));
