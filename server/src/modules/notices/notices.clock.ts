import { chinaToday } from '../rules/rules.service.js';

/**
 * The notices module's clock: a notice's period and its decisions depend on "today" in China
 * time, so tests move this clock (`noticesClock.now = () => new Date(...)`) instead of waiting
 * for working days to pass. Production never touches it.
 */
export const noticesClock: { now: () => Date } = { now: () => new Date() };

/** Today in China time by the module clock. */
export function noticesToday(): string {
  return chinaToday(noticesClock.now());
}
