/** The indicators module's public surface for other modules (reports). */
export { yearFigures, computedSourceLabel, getDistrictBreakdown, getTargetOverview, type IndicatorFigure } from './indicators.service.js';
export { availableIndicators, findIndicator, type RegisteredIndicator } from './indicators.registry.js';
export { CATALOGUE_BY_CODE } from './indicators.catalogue.js';
export { indicatorsRoutes } from './indicators.routes.js';
