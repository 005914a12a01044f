/** The experts module's surface for other modules (recognitions review pages, projects later). */
export { conflictsOf, drawPanel, panelRulesFor, PANEL_RULES, type PanelRules, type PoolExpert } from './panel.draw.js';
export { hasExpertReview, getPanel } from './panel.service.js';
export { hnteInputOf, meanScore } from './scoring.js';
