/** The recognitions module's public surface. Importing it registers the instrument on the case kernel. */
export { recognitionsInstrument, NOTICE_WORKING_DAYS } from './instrument.js';
export { applicationData, applicationDraft, completenessIssues, emptyApplicationData, formSpec, ipClassOf, ipCountsOf, netAssetsOf, IP_KINDS, IP_KIND_NAMES, type ApplicationData, type ApplicationDraft, type FormSpec } from './applications.form.js';
export { assessData, type Assessment } from './applications.assess.js';
export { applicationScope } from './applications.policy.js';
export { getApplication, listApplications, createApplication, updateApplication, submitApplication, assessApplication, countApplications, openData, sealData } from './applications.service.js';
export { assertCallOpen, callState, createCall, listCalls, presentCall } from './calls.service.js';
export { hasExpertReview, hnteItems, assessHnteApplication, panelAssessment } from './panel.js';
export { BUILTIN_FORMS, criteriaTypeOf, ensureForms, getForm, initialSpecs, latestFormVersion, loadForm, publishForm } from './forms.service.js';
export { reviewApplication, type ReviewDecision } from './review.service.js';
export { recognitionsRoutes } from './recognitions.routes.js';
export { ACTION_NAMES, NEXT_STEP, STATUS_NAMES, STEP_WORKING_DAYS, TRANSITIONS, TYPE_NAMES, type WorkflowAction } from './recognitions.status.js';
export { assertInScope, lockApplication, moveApplication, type ApplicationRow, type MoveOptions } from './workflow.js';
export { RECOGNITION_FIGURES, RECOGNITION_INDICATOR_CODES, recognitionIndicatorRecords, recognitionIndicators, recognitionIndicatorsByDistrict, type RecognitionIndicatorCode, type RecognitionIndicatorRecord } from './register.indicators.js';
export { revokeInTransaction } from './revoke.js';
