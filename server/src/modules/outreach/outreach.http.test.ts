import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let officer: Session, xihu: Session, enterprise: Session, auditor: Session;
type Events = { total: number; items: { id: number; title: string; heldOn: string; districtName: string | null; photos: { id: number }[] }[] };
const anon = (url: string) => t.app.inject({ method: 'GET', url });
const figure = async (s: Session, year: number, q = '') =>
  (await s.request('GET', `/api/indicators?year=${year}${q}`)).json<{ items: { code: string; value: number | null }[] }>().items.find((i) => i.code === 'outreach.events')?.value;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
  t = await createTestApp();
  [officer, xihu, enterprise, auditor] = await Promise.all(['officer', 'xihu', 'enterprise', 'auditor'].map((u) => loginAs(t.app, u)));
});
afterAll(async () => {
  await t.close();
});

describe('outreach', () => {
  it('when the 2015 figures are computed, then outreach.events counts the six seeded events, and the public lists them', async () => {
    expect(await figure(officer, 2015)).toBe(6);
    const listed = (await anon('/api/outreach/events?year=2015')).json<Events>();
    expect(listed.total).toBe(6);
    expect(listed.items.every((e) => e.heldOn.startsWith('2015-'))).toBe(true);
    const y2016 = (await anon('/api/outreach/events?year=2016')).json<Events>();
    expect(y2016.total).toBeGreaterThan(0);
    expect(await figure(officer, 2016)).toBe(y2016.total);
    const drill = (await officer.request('GET', '/api/indicators/outreach.events/records?year=2015&limit=50')).json<{ items: { date: string }[] }>();
    expect(drill.items).toHaveLength(6);
  });

  it('when a district officer records an event in its district with a photo, then the figure grows by one, the public sees it with the photo, and others may not write', async () => {
    const before = await figure(officer, 2016);
    const input = { title: '科技下乡：智慧农业技术服务（西湖）', heldOn: '2016-08-18', place: '西湖区双浦镇', organisers: '西湖区科技局', participants: 150, content: '农业物联网与智慧灌溉技术讲座，科技特派员现场答疑。' };
    expect((await enterprise.request('POST', '/api/outreach/events', input)).statusCode).toBe(403);
    expect((await auditor.request('POST', '/api/outreach/events', input)).statusCode).toBe(403);
    expect((await xihu.request('POST', '/api/outreach/events', { ...input, district: '滨江区' })).statusCode).toBe(403);
    const future = await xihu.request('POST', '/api/outreach/events', { ...input, heldOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields[0].field).toBe('heldOn');
    const created = await xihu.request('POST', '/api/outreach/events', input);
    expect(created.statusCode, created.body).toBe(201);
    const ev = created.json<{ id: number; districtName: string }>();
    expect(ev.districtName).toBe('西湖区');
    expect(await figure(officer, 2016)).toBe(before! + 1);
    expect(await figure(xihu, 2016)).toBe(1);

    const bad = multipartFile(Buffer.from('not an image'), '现场.png', 'image/png');
    expect((await xihu.request('POST', `/api/outreach/events/${ev.id}/photos`, bad.payload, bad.headers)).statusCode).toBe(400);
    const m = multipartFile(PNG, '现场.png', 'image/png');
    const up = await xihu.request('POST', `/api/outreach/events/${ev.id}/photos?caption=${encodeURIComponent('活动现场')}`, m.payload, m.headers);
    expect(up.statusCode, up.body).toBe(200);
    const photoId = up.json<{ photos: { id: number; caption: string }[] }>().photos[0].id;
    const img = await anon(`/api/outreach/events/${ev.id}/photos/${photoId}`);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(PNG)).toBe(true);
    const pub = (await anon(`/api/outreach/events?q=${encodeURIComponent('智慧灌溉')}`)).json<Events>();
    expect(pub.items.map((e) => e.id)).toEqual([ev.id]);
  });

  it('when the officer registers a commissioner, assigns a township and records a year, then the registry shows them and a second record of the year is a conflict', async () => {
    const reg = (await officer.request('GET', '/api/commissioners?year=2015')).json<{ items: { records: unknown[]; assignments: unknown[] }[] }>();
    expect(reg.items.length).toBeGreaterThan(0);
    expect(reg.items.filter((c) => c.records.length).length).toBeGreaterThan(0);
    expect((await enterprise.request('GET', '/api/commissioners')).statusCode).toBe(403);
    expect((await xihu.request('POST', '/api/commissioners', { name: '测试特派员', organization: '浙江大学', expertise: '植物保护', since: 2016 })).statusCode).toBe(403);
    const c = await officer.request('POST', '/api/commissioners', { name: '测试特派员', organization: '浙江大学', expertise: '植物保护', since: 2016 });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json<{ id: number }>().id;
    const reversed = await officer.request('POST', `/api/commissioners/${id}/assignments`, { district: '淳安县', township: '威坪镇', startOn: '2016-05-01', endOn: '2016-04-01', task: '植物病虫害绿色防控' });
    expect(reversed.json().error.details.fields[0].field).toBe('endOn');
    const a = await officer.request('POST', `/api/commissioners/${id}/assignments`, { district: '淳安县', township: '威坪镇', startOn: '2016-05-01', task: '植物病虫害绿色防控' });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json<{ assignments: { township: string; districtName: string }[] }>().assignments[0]).toMatchObject({ township: '威坪镇', districtName: '淳安县' });
    const rec = { year: 2016, serviceDays: 30, enterprisesServed: 12, trainings: 2, technologiesIntroduced: 1, summary: '驻威坪镇开展病虫害绿色防控技术指导。' };
    expect((await officer.request('POST', `/api/commissioners/${id}/service-records`, rec)).statusCode).toBe(200);
    expect((await officer.request('POST', `/api/commissioners/${id}/service-records`, rec)).statusCode).toBe(409);
    expect((await officer.request('POST', `/api/commissioners/${id}/service-records`, { ...rec, year: 2017 })).statusCode).toBe(400);
  });
});
