import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../../test/harness.js';
import { BUILTIN_CALENDAR } from './calendar.data.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });
type Fields = { error: { code: string; details: { fields: { field: string; message: string }[] } } };

describe('calendar API (public)', () => {
  it('when counting 10 working days from the 2015 National Day, then the end skips the holiday and counts the worked Saturday', async () => {
    const res = await get('/api/calendar/working-days?from=2015-10-01&days=10');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ end: '2015-10-20', start: '2015-10-08', provisional: false });
  });

  it('when counting across the 2016 Spring Festival, then the worked Saturday and Sunday count', async () => {
    expect((await get('/api/calendar/working-days?from=2016-02-05&days=3')).json().end).toBe('2016-02-14');
  });

  it('when a long period crosses several years, then the window widens and the answer is exact', async () => {
    const res = await get('/api/calendar/working-days?from=2015-01-01&days=1000');
    expect(res.statusCode).toBe(200);
    expect(res.json().end > '2018-12-31').toBe(true);
  });

  it.each([
    ['2015-10-10', { workingDay: true, holiday: null }],
    ['2015-10-05', { workingDay: false, holiday: '国庆节' }],
    ['2016-02-14', { workingDay: true, holiday: null }],
    ['2016-02-08', { workingDay: false, holiday: '春节' }],
    ['2016-02-20', { workingDay: false, holiday: null }],
    ['2018-12-31', { workingDay: false, holiday: '元旦' }],
  ])('when %s is looked up, then %j', async (date, expected) => {
    const res = await get(`/api/calendar/days/${date}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ date, ...expected });
  });

  it.each([
    ['/api/calendar/working-days?from=2016-02-30&days=3', 'from'],
    ['/api/calendar/working-days?from=2016-02-01&days=0', 'days'],
    ['/api/calendar/working-days?from=2016-02-01&days=abc', 'days'],
    ['/api/calendar/working-days?days=3', 'from'],
    ['/api/calendar/days/2016-13-01', 'date'],
  ])('when %s, then 400 on %s', async (url, field) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json<Fields>().error.details.fields.some((f) => f.field === field)).toBe(true);
  });

  it('when the years are listed, then 2015–2026 are loaded and each cites its notice', async () => {
    const res = await get('/api/calendar/years');
    const items = res.json().items as { year: number; notices: { number: string | null }[] }[];
    expect(items.map((i) => i.year)).toEqual(BUILTIN_CALENDAR.map((y) => y.year));
    expect(items.every((i) => i.notices[0].number?.startsWith('国办发明电'))).toBe(true);
  });

  it('when the years are listed, then each year counts its own holidays and worked weekend days', async () => {
    const items = (await get('/api/calendar/years')).json().items as { year: number; holidays: number; workdays: number }[];
    expect(items.map((i) => [i.year, i.holidays, i.workdays])).toEqual(BUILTIN_CALENDAR.map((y) => [y.year, y.holidays.length, y.workdays.length]));
  });

  it('when the migrated data is read back, then it equals the data file for every year', async () => {
    for (const y of BUILTIN_CALENDAR) {
      const res = (await get(`/api/calendar/years/${y.year}`)).json();
      expect({ notices: res.notices, holidays: res.holidays, workdays: res.workdays }).toEqual({ notices: y.notices, holidays: y.holidays, workdays: y.workdays });
    }
  });
});

describe('calendar administration', () => {
  const Y2027 = {
    notices: [{ title: '国务院办公厅关于2027年部分节假日安排的通知', number: '国办发明电〔2026〕9号', publishedOn: '2026-11-10' }],
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-02', name: '元旦' },
      { date: '2027-01-03', name: '元旦' },
    ],
    workdays: [{ date: '2027-01-09', name: '元旦调休上班' }],
  };

  it('when the admin loads a new year, then lookups use it and it is audited', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await admin.request('PUT', '/api/calendar/years/2027', Y2027);
    expect(res.statusCode).toBe(200);
    expect((await get('/api/calendar/days/2027-01-01')).json()).toMatchObject({ workingDay: false, holiday: '元旦', provisional: false });
    expect((await get('/api/calendar/days/2027-01-09')).json()).toMatchObject({ workingDay: true });
    expect((await get('/api/calendar/working-days?from=2026-12-31&days=2')).json()).toMatchObject({ end: '2027-01-04', provisional: false });
    const auditor = await loginAs(t.app, 'auditor');
    expect((await auditor.request('GET', '/api/audit?objectType=calendar_year')).body).toContain('calendar.year.load');
  });

  it('when the admin edits a year, then the whole year is replaced', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await admin.request('PUT', '/api/calendar/years/2027', { ...Y2027, workdays: [] });
    expect(res.json().workdays).toEqual([]);
    expect((await get('/api/calendar/days/2027-01-09')).json().workingDay).toBe(false);
  });

  it.each([
    ['a date outside the year', { ...Y2027, holidays: [{ date: '2026-12-31', name: '元旦' }] }, 'holidays.0.date', '不在2027年内'],
    ['a duplicate date', { ...Y2027, workdays: [{ date: '2027-01-02', name: '元旦调休上班' }] }, 'workdays.0.date', '重复'],
    ['a weekday as worked weekend', { ...Y2027, workdays: [{ date: '2027-01-05', name: '调休上班' }] }, 'workdays.0.date', '不是周六或周日'],
    ['no notice', { ...Y2027, notices: [] }, 'notices', '至少引用一份通知'],
  ])('when the body has %s, then 400 with the field', async (_what, body, field, message) => {
    const admin = await loginAs(t.app, 'admin');
    const res = await admin.request('PUT', '/api/calendar/years/2027', body);
    expect(res.statusCode).toBe(400);
    expect(res.json<Fields>().error.details.fields.find((f) => f.field === field)?.message).toContain(message);
  });

  it.each(['officer', 'xihu', 'enterprise'])('when %s tries to edit the calendar, then 403', async (user) => {
    const s = await loginAs(t.app, user);
    expect((await s.request('PUT', '/api/calendar/years/2027', Y2027)).statusCode).toBe(403);
  });

  it('when anonymous tries to edit the calendar, then 401', async () => {
    expect((await t.app.inject({ method: 'PUT', url: '/api/calendar/years/2027', payload: Y2027 })).statusCode).toBe(401);
  });
});
