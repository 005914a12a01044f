export { recordAudit, recordAuditMany, verifyAuditChain, listAudit } from './audit.service.js';
export type { AuditEntry, ChainReport } from './audit.service.js';
