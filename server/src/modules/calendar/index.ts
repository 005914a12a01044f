/** The calendar's surface for other modules (public notices count their periods in working days). */
export { addWorkingDays, getDay, workingDaysEnd } from './calendar.service.js';
export { addDays, dayInfo, isWorkingDay, nthWorkingDay, type CalendarSlice, type DayInfo } from './calendar.core.js';
export { isoDate } from './calendar.schema.js';
