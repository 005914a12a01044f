import { industryMessages } from '../enterprises/messages';
import { defaultCountryMessages, exitMethodMessages, roundMessages } from './messages';

/** The same lists the API validates against (funds.schema.ts); their labels are in the catalogues. */
export const ROUNDS = Object.keys(roundMessages) as readonly (keyof typeof roundMessages)[];
export const EXIT_METHODS = Object.keys(exitMethodMessages) as readonly (keyof typeof exitMethodMessages)[];
export const INDUSTRIES = Object.keys(industryMessages) as readonly (keyof typeof industryMessages)[];
/** The catalogue keys of the two guidance-fund programmes. */
export const PROGRAMME_KEYS = { guidance: 'funds.programme.guidance', angel: 'funds.programme.angel' } as const;
/** The country an overseas project form starts with (data: the API stores it as written). */
export const DEFAULT_OVERSEAS_COUNTRY = Object.keys(defaultCountryMessages)[0];
