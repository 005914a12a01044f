/** Outreach's public surface: routes, the demo seed and the outreach.events figures. */
export { outreachRoutes } from './outreach.routes.js';
export { seedOutreach } from './outreach.seed.js';
export { outreachIndicatorRecords, outreachYearFigures } from './outreach.service.js';
