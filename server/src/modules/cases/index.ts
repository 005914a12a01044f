/** The case kernel: one case machinery for every instrument. Instruments register; the kernel imports none. */
export { assertCallOpen, callState, findCallRow, insertCallRow, listCallRows, presentCall, updateCallRow, type CallRow, type CallState, type NewCallRow } from './calls.js';
export * as casesRepo from './cases.repo.js';
export { caseActions, caseEventsView, type CaseActionsOptions } from './case-view.js';
export { casesRoutes } from './cases.routes.js';
export { assertCaseInScope, lockCase, moveCase, openCase, type MoveCaseOptions, type OpenCaseInput } from './cases.service.js';
export { DUE_SOON_WORKING_DAYS, inboxSummary, listInbox } from './inbox.service.js';
export {
  instrumentOf,
  instruments,
  panelReviewStatuses,
  registerInstrument,
  statusName,
  statusesAwaiting,
  typeName,
  type CaseRow,
  type DecisionHook,
  type DecisionOutcome,
  type InstrumentDef,
  type NoticeConfig,
  type PanelConfig,
  type PanelRules,
  type ScoreItemDef,
  type ScoreSheet,
  type StatusDef,
  type TransitionDef,
} from './instruments.js';
