/** Innovation carriers: makerspaces, incubators, service platforms (docs/carriers.md). Importing this registers its instruments and payable. */
import './instrument.js';
import './national.js';
import './subsidy.js';
export { carriersRoutes } from './carriers.routes.js';
export { CARRIER_INDICATOR_CODES, carrierIndicatorRecords, carrierIndicators, carrierIndicatorsByDistrict, type CarrierIndicatorCode } from './carriers.indicators.js';
export { seedCarriers, DEMO_CARRIER_ORG, DEMO_MAKERSPACE, DEMO_NEW_MAKERSPACE, TARGETS_2015 as CARRIER_TARGETS_2015 } from './carriers.seed.js';
