/** The auth module's surface for other modules (the admin's user management revokes and unlocks). */
export { clearThrottlesOf, findUserByUsername, revokeUserCredentials } from './auth.repo.js';
export { authRoutes } from './auth.routes.js';
export { changingPrincipals, forgetSessionPrincipals } from './session-cache.js';
