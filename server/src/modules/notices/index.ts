/** The notices module's surface: public notices (公示), real-name objections and the decisions after them. */
export { noticesRoutes } from './notices.routes.js';
export { noticesClock, noticesToday } from './notices.clock.js';
export { NOTICE_WORKING_DAYS, defaultWorkingDays, hasExpertReview, noticeState } from './notices.service.js';
export { decideApplication, approveAll } from './decisions.service.js';
export { NOTICE_EVENT_NAMES } from './objections.service.js';
