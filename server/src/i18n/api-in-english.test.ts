import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../test/harness.js';
import { NAMES_EN } from './names-en.js';

const CJK = /[\u3400-\u9fff]/;

interface InboxItem {
  instrumentName: string;
  typeName: string;
  statusName: string;
  title: string;
}

// Through the real app with the demo data: the officer's inbox, which spans every instrument.
describe('the API in English', () => {
  let t: TestApp;
  let officer: Session;
  beforeAll(async () => {
    t = await createTestApp();
    officer = await loginAs(t.app, 'officer');
  });
  afterAll(async () => {
    await t?.close();
  });

  const inbox = async (language?: string) => {
    const res = await officer.request('GET', '/api/cases?limit=100', undefined, language ? { 'accept-language': language } : {});
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json<{ items: InboxItem[] }>().items;
  };

  it('when the officer asks in English, then every instrument, type and status of the inbox is named in English, and the titles stay as typed', async () => {
    const zh = await inbox();
    const en = await inbox('en-US,en;q=0.9');
    expect(zh.length).toBeGreaterThan(5);
    expect(en.map((i) => i.title)).toEqual(zh.map((i) => i.title));
    expect(zh.every((i) => CJK.test(i.statusName))).toBe(true);
    for (const [i, item] of en.entries()) {
      for (const key of ['instrumentName', 'typeName', 'statusName'] as const) {
        expect(item[key], `${key} of ${zh[i][key]}`).toBe(NAMES_EN[zh[i][key]]);
        expect(CJK.test(item[key])).toBe(false);
      }
    }
  });

  it('when a request is refused in English, then the message and the field messages are English', async () => {
    const res = await officer.request('POST', '/api/enterprises', { name: '' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    const error = res.json<{ error: { message: string; details: { fields: { field: string; message: string }[] } } }>().error;
    expect(error.message).toBe('The request is not valid: check the marked fields');
    expect(error.details.fields.length).toBeGreaterThan(0);
    expect(error.details.fields.filter((f) => CJK.test(f.message))).toEqual([]);
  });
});
