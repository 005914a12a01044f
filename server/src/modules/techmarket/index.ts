/** The tech market's public surface for other modules (indicators, reports). */
export { computeTechmarketIndicators, techmarketYearFigures, STATS_AMOUNT_BASIS, STATS_DATE_BASIS } from './techmarket.deals.service.js';
export { indicatorRecords as techmarketIndicatorRecords, type IndicatorRecordRow as TechmarketIndicatorRecord } from './techmarket.repo.js';
export { techmarketRoutes } from './techmarket.routes.js';
export { seedTechmarket } from './techmarket.seed.js';
