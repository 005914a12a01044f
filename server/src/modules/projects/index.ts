/**
 * Module projects: an approved project's life after its task contract — mid-term check, acceptance
 * with an expert panel, change cases (three instruments on the case kernel) and the performance
 * evaluation of a programme (docs/projects.md). Importing it registers the three instruments.
 */
export { ACCEPTANCE, CHANGE, MIDTERM, acceptanceInstrument, changeInstrument, midtermInstrument } from './instruments.js';
export { effectivePlan, type EffectivePlan } from './plan.js';
export { evaluate as evaluatePerformance, gradeOf } from './performance.js';
export { projectsRoutes } from './projects.routes.js';
