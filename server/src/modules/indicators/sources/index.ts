import { registerIndicatorSource } from '../indicators.registry.js';
import { programmesSource } from './programmes.js';
import { fundsSource } from './funds.js';
import { awardSource } from './awards.js';
import { outreachSource } from './outreach.js';
import { carrierSource } from './carriers.js';
import { recognitionSource } from './recognitions.js';
import { techmarketSource } from './techmarket.js';
import { voucherSource } from './vouchers.js';
import { financeSource } from './finance.js';

let registered = false;

/** Registers the computed indicators of every module the platform runs (recognitions etc. join when their records land). */
export function registerModuleIndicators(): void {
  if (registered) {
    return;
  }
  registered = true;
  registerIndicatorSource(voucherSource);
  registerIndicatorSource(techmarketSource);
  registerIndicatorSource(recognitionSource);
  registerIndicatorSource(financeSource);
  registerIndicatorSource(carrierSource);
  registerIndicatorSource(outreachSource);
  registerIndicatorSource(awardSource);
  registerIndicatorSource(fundsSource);
  registerIndicatorSource(programmesSource);
}
