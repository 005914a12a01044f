import { enterprisesTable } from './enterprises.js';
import type { BulkTable } from './types.js';

/** Bulk tables in load order (a table may reference the id ranges of those before it). */
export const BULK_TABLES: BulkTable[] = [enterprisesTable as unknown as BulkTable];
