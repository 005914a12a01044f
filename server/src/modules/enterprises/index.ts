/** The registry's surface for other modules. */
export { resolveDistrict } from './enterprises.service.js';
export { enterprisesRoutes } from './enterprises.routes.js';
