/** The notices module's surface: public notices (公示) of any instrument's cases, real-name objections and the decisions after them. */
export { noticesRoutes } from './notices.routes.js';
export { noticeState } from './notices.service.js';
export { decideCase, approveAll } from './decisions.service.js';
export { NOTICE_EVENT_NAMES } from './objections.service.js';
