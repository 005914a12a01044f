/** The programmes module's public surface. Importing it registers the `programmes` instrument and the `project_tranche` payable. */
export { PROJECT_BOOK } from './book.js';
export { programmesInstrument, PROJECT_TYPES, STATUSES as PROJECT_STATUSES, TRANSITIONS as PROJECT_TRANSITIONS, APPROVED_STATUSES, type ProjectStatus, type ProjectAction } from './instrument.js';
export { getProjectPlan, trancheAmounts, trancheLabel, type ProjectPlan } from './plan.js';
export { prepareTranche, TRANCHE_PAYABLE } from './tranche.js';
export { programmesRoutes } from './programmes.routes.js';
export { titleSimilarity, SIMILARITY_THRESHOLD } from './duplicates.js';
export { majorProjectsApproved, majorProjectRecords, majorProjectsByDistrict } from './indicators.js';
export { checkFile, MAX_FILE_BYTES } from './attachments.js';
