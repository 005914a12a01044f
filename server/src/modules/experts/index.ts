/** The experts module's surface for other modules: the pool, conflicts and draws work on cases of any instrument. */
export { conflictsOf, drawPanel, PANEL_RULES, type PoolExpert } from './panel.draw.js';
export { getPanel } from './panel.service.js';
export { checkScores, meanScore, TOTAL_ITEM } from './scoring.js';
export { recordPastPanel, type PastPanel } from './panel.history.js';
