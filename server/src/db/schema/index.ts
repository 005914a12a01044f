export * from './orgs.js';
export * from './auth.js';
export * from './audit.js';
export * from './enterprises.js';
export * from './vouchers.js';
export * from './techmarket.js';
export * from './rules.js';
export * from './calendar.js';
