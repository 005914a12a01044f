/** Supervision after recognition. Importing it registers the `supervision` instrument on the case kernel. */
export { supervisionInstrument } from './instrument.js';
export { supervisionRoutes } from './supervision.routes.js';
export { seedSupervision } from './supervision.seed.js';
