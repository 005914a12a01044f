export { recordAudit, recordAuditEach, recordAuditMany, listAudit, verifyAuditChain } from './audit.service.js';
export type { AuditEntry } from './audit.service.js';
export { AuditChain, type ChainReport } from './audit.chain.js';
