import { describe, expect, it } from 'vitest';
import type { CalendarDayKind } from '../../db/schema/calendar.js';
import { dayInfo, nthWorkingDay, type CalendarSlice } from './calendar.core.js';
import { BUILTIN_CALENDAR } from './calendar.data.js';

const slice: CalendarSlice = {
  days: new Map<string, { kind: CalendarDayKind; name: string }>(
    BUILTIN_CALENDAR.flatMap((y) => [
      ...y.holidays.map((d): [string, { kind: CalendarDayKind; name: string }] => [d.date, { kind: 'holiday', name: d.name }]),
      ...y.workdays.map((d): [string, { kind: CalendarDayKind; name: string }] => [d.date, { kind: 'workday', name: d.name }]),
    ]),
  ),
  loadedYears: new Set(BUILTIN_CALENDAR.map((y) => y.year)),
};
const sut = (from: string, n: number) => nthWorkingDay(from, n, slice, '2027-12-31');
const working = (date: string) => dayInfo(date, slice).workingDay;

describe('working-day calendar', () => {
  it.each([
    ['2015-09-30', true],
    ['2015-10-01', false],
    ['2015-10-03', false],
    ['2015-10-07', false],
    ['2015-10-08', true],
    ['2015-10-10', true],
    ['2015-10-11', false],
    ['2016-02-05', true],
    ['2016-02-06', true],
    ['2016-02-07', false],
    ['2016-02-13', false],
    ['2016-02-14', true],
    ['2016-02-15', true],
    ['2018-12-29', true],
    ['2018-12-30', false],
    ['2018-12-31', false],
    ['2019-01-01', false],
    ['2019-01-02', true],
    ['2020-01-31', false],
    ['2020-02-01', false],
    ['2020-02-03', true],
    ['2024-02-09', true],
    ['2024-02-18', true],
    ['2026-02-14', true],
    ['2026-02-23', false],
    ['2026-02-28', true],
  ])('when the date is %s, then working day is %s', (date, expected) => {
    expect(working(date)).toBe(expected);
  });

  it('when a day is an adjusted working weekend, then it says so and has no holiday name', () => {
    expect(dayInfo('2015-10-10', slice)).toMatchObject({ workingDay: true, holiday: null, weekend: true, adjustedWorkday: true, note: '国庆节调休上班' });
    expect(dayInfo('2016-02-10', slice)).toMatchObject({ workingDay: false, holiday: '春节', weekend: false });
  });

  it.each([
    // 2015 National Day: 10-01..10-07 off, Saturday 10-10 worked
    ['2015-09-30', 1, '2015-09-30'],
    ['2015-09-30', 2, '2015-10-08'],
    ['2015-09-30', 4, '2015-10-10'],
    ['2015-09-30', 5, '2015-10-12'],
    ['2015-10-01', 1, '2015-10-08'],
    ['2015-10-01', 10, '2015-10-20'],
    ['2015-10-03', 3, '2015-10-10'],
    // 2016 Spring Festival: Saturday 02-06 and Sunday 02-14 worked
    ['2016-02-05', 2, '2016-02-06'],
    ['2016-02-05', 3, '2016-02-14'],
    ['2016-02-05', 4, '2016-02-15'],
    ['2016-02-07', 1, '2016-02-14'],
    ['2016-02-06', 10, '2016-02-24'],
    // year ends
    ['2016-12-30', 2, '2017-01-03'],
    ['2017-12-29', 2, '2018-01-02'],
    ['2018-12-28', 2, '2018-12-29'],
    ['2018-12-28', 3, '2019-01-02'],
    ['2019-12-31', 2, '2020-01-02'],
    ['2022-12-30', 2, '2023-01-03'],
    ['2023-12-29', 2, '2024-01-02'],
    // 2020 extended Spring Festival: Saturday 02-01 no longer worked
    ['2020-01-23', 2, '2020-02-03'],
    // a notice of 10 working days published on a Saturday
    ['2016-06-04', 10, '2016-06-20'],
  ])('when counting from %s, then working day %i is %s', (from, n, end) => {
    expect(sut(from, n)).toBe(end);
  });

  it('when the year has no loaded arrangement, then Monday–Friday applies and the answer is provisional', () => {
    expect(dayInfo('2027-01-01', slice)).toMatchObject({ workingDay: true, provisional: true });
    expect(dayInfo('2026-12-31', slice)).toMatchObject({ workingDay: true, provisional: false });
    expect(sut('2026-12-31', 2)).toBe('2027-01-01');
  });

  it('when n is not a positive integer, then it refuses', () => {
    expect(() => sut('2016-01-04', 0)).toThrow(RangeError);
  });

  it.each(BUILTIN_CALENDAR.map((y) => [y.year, y] as const))('when the %i data is checked, then worked days are weekends and dates unique within the year', (year, y) => {
    const all = [...y.holidays, ...y.workdays].map((d) => d.date);
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((d) => d.startsWith(`${year}-`))).toBe(true);
    expect(y.workdays.every((d) => [0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay()))).toBe(true);
    expect(y.notices[0]).toMatchObject({ title: `国务院办公厅关于${year}年部分节假日安排的通知`, number: expect.stringMatching(/^国办发明电〔\d{4}〕\d+号$/) });
  });
});
