export { failAbandonedJobs, startJob, whenJobSettled, ABANDONED_MESSAGE, type JobControl } from './jobs.service.js';
export { JobTracker } from './jobs.tracker.js';
export { backgroundJob } from './jobs.schema.js';
