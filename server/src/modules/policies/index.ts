/** The policy library's public surface. */
export { policiesRoutes } from './policies.routes.js';
export { seedPolicies } from './policies.seed.js';
