import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { USCC_ALPHABET, usccCheckChar, usccProblem } from '../../lib/uscc.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { enterpriseInput, multipartFile, readXlsx, uniqueUscc, xlsxOf, XLSX_TYPE } from '../../test/factories.js';
import { COLUMNS } from './enterprises.excel.js';
import { whenJobSettled } from '../jobs/index.js';

interface Item {
  id: number;
  uscc: string;
  name: string;
  districtName: string;
  districtCode: string;
  industry: string;
  size: string | null;
  registeredOn: string;
  version: number;
}

let t: TestApp;
let officer: Session;
const chinese = /[\u4e00-\u9fff]/;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'officer');
});
afterAll(async () => {
  await t.close();
});

async function create(overrides: Record<string, unknown> = {}, as = officer) {
  const res = await as.request('POST', '/api/enterprises', enterpriseInput(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Item & Record<string, unknown>>();
}

/** Follows nextCursor to the end and returns every item in the order served. */
async function walk(query: string, as = officer): Promise<Item[]> {
  const all: Item[] = [];
  let cursor: string | null = null;
  do {
    const res = await as.request('GET', `/api/enterprises?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: Item[]; nextCursor: string | null }>();
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

const rows = <T>(query: ReturnType<typeof sql>) => t.deps.database.rows<T>(query);

describe('unified social credit code (lib/uscc)', () => {
  it('when real registered codes are checked, then they are valid', () => {
    // 阿里巴巴（中国）有限公司, 杭州海康威视数字技术股份有限公司, 北京百度网讯科技有限公司, 深圳市腾讯计算机系统有限公司
    for (const code of ['91330100799655058B', '91330000733796106P', '91110000802100433B', '91440300708461136T']) {
      expect(usccProblem(code)).toBeNull();
    }
    expect(usccCheckChar('91330106MA27XL0U2')).toBe('L');
    expect(usccProblem('91330106MA27XL0U2L')).toBeNull();
  });

  it('when the check character is wrong, then the problem is check_digit', () => {
    expect(usccProblem('91330106MA27XL0U2X')).toBe('check_digit');
    expect(usccProblem('91330100799655058C')).toBe('check_digit');
  });

  it('when the length is not 18, then the problem is length', () => {
    expect(usccProblem('91330100799655058')).toBe('length');
    expect(usccProblem('91330100799655058BB')).toBe('length');
    expect(usccProblem('')).toBe('length');
  });

  it('when a forbidden letter I, O, S, V, Z or a lowercase letter appears, then the problem is charset', () => {
    for (const bad of ['I', 'O', 'S', 'V', 'Z', 'a']) {
      expect(usccProblem(`913301007996550${bad}8B`)).toBe('charset');
    }
  });

  it('when any single character of a valid code is replaced, then the code is no longer valid', () => {
    const alphabet = fc.constantFrom(...USCC_ALPHABET.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 17, maxLength: 17 }), fc.nat(17), fc.nat(29), (chars, pos, shift) => {
        const first17 = chars.join('');
        const code = first17 + usccCheckChar(first17);
        expect(usccProblem(code)).toBeNull();
        const replaced = USCC_ALPHABET[(USCC_ALPHABET.indexOf(code[pos]) + shift + 1) % 31];
        expect(usccProblem(code.slice(0, pos) + replaced + code.slice(pos + 1))).not.toBeNull();
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });
});

describe('POST /api/enterprises', () => {
  it.each([
    ['a wrong check character', '91330106MA27XL0U2X'],
    ['17 characters', '91330106MA27XL0U2'],
    ['a forbidden letter O', '91330106MA27OL0U2L'],
  ])('when the code has %s, then 400 with the uscc field and a Chinese message', async (_why, uscc) => {
    const res = await officer.request('POST', '/api/enterprises', enterpriseInput({ uscc }));
    expect(res.statusCode).toBe(400);
    const field = res.json().error.details.fields[0];
    expect(field.field).toBe('uscc');
    expect(field.message).toMatch(/统一社会信用代码/);
  });

  it('when the code is valid, then 201 with the id and the district name in Chinese', async () => {
    const input = enterpriseInput({ uscc: uniqueUscc().toLowerCase() });
    const res = await officer.request('POST', '/api/enterprises', input);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: expect.any(Number), uscc: String(input.uscc).toUpperCase(), districtName: '西湖区', districtCode: '330106', version: 1 });
  });

  it('when the district is given by its 6-digit code, then it is resolved to its name', async () => {
    const created = await create({ district: '330108' });
    expect(created).toMatchObject({ districtName: '滨江区', districtCode: '330108' });
  });

  it('when the district does not exist, then 400 on the district field in Chinese', async () => {
    const res = await officer.request('POST', '/api/enterprises', enterpriseInput({ district: '火星区' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'district', message: expect.stringMatching(chinese) });
  });

  it('when the code already exists, then 409 uscc_exists', async () => {
    const first = await create();
    const res = await officer.request('POST', '/api/enterprises', enterpriseInput({ uscc: first.uscc }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('uscc_exists');
  });

  it('when fields have wrong types, then every message is Chinese', async () => {
    const res = await officer.request('POST', '/api/enterprises', { uscc: 7, name: ['x'], registeredOn: '2016-02-30', industry: 'food', employees: 1.5 });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ error: { details: { fields: { field: string; message: string }[] } } }>().error.details.fields;
    expect([...new Set(fields.map((f) => f.field))].sort()).toEqual(['district', 'employees', 'industry', 'name', 'registeredOn', 'uscc']);
    fields.forEach((f) => expect(f.message).toMatch(chinese));
  });
});

describe('GET /api/enterprises', () => {
  it('when q is part of a name, then only enterprises with that name match', async () => {
    const created = await create({ name: '杭州独角兽量子测绘有限公司' });
    const items = await walk(`q=${encodeURIComponent('量子测绘')}`);
    expect(items.map((i) => i.id)).toEqual([created.id]);
  });

  it('when q is a code prefix, then every match starts with it', async () => {
    const created = await create();
    const prefix = created.uscc.slice(0, 12);
    const items = await walk(`q=${prefix}`);
    expect(items.map((i) => i.id)).toContain(created.id);
    items.forEach((i) => expect(i.uscc.startsWith(prefix)).toBe(true));
  });

  it('when q holds LIKE wildcards, then they match literally', async () => {
    expect(await walk('q=%25')).toEqual([]);
    expect(await walk('q=_')).toEqual([]);
  });

  it('when filtered by district (name or code), industry and size, then every item matches all filters', async () => {
    const byName = await walk(`district=${encodeURIComponent('滨江区')}&industry=${encodeURIComponent('电子信息')}&size=small&limit=100`);
    const byCode = await walk(`district=330108&industry=${encodeURIComponent('电子信息')}&size=small&limit=100`);
    expect(byName.length).toBeGreaterThan(0);
    expect(byCode).toEqual(byName);
    byName.forEach((i) => expect(i).toMatchObject({ districtName: '滨江区', industry: '电子信息', size: 'small' }));
    const [{ n }] = await rows<{ n: number }>(
      sql`select count(*)::int as n from enterprises e join districts d on d.id = e.district_id where d.code = '330108' and e.industry = '电子信息' and e.size = 'small'`,
    );
    expect(byName).toHaveLength(n);
  });

  it('when sorted by name and walked page by page, then the order is the database order with no duplicate or gap', async () => {
    const items = await walk('sort=name&order=asc&limit=37');
    const expected = await rows<{ id: number }>(sql`select id from enterprises order by name asc, id asc`);
    expect(items.map((i) => i.id)).toEqual(expected.map((r) => r.id));
  });

  it('when sorted by registeredOn descending and walked, then dates never increase and every row comes once', async () => {
    const items = await walk('sort=registeredOn&order=desc&limit=45');
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from enterprises`);
    expect(new Set(items.map((i) => i.id)).size).toBe(n);
    expect(items).toHaveLength(n);
    for (let i = 1; i < items.length; i++) {
      expect(items[i - 1].registeredOn >= items[i].registeredOn).toBe(true);
    }
  });

  it('when limit is 500, then at most 500 come; when it is 0 or 501, then 400 on limit', async () => {
    const page = await officer.request('GET', '/api/enterprises?limit=500');
    expect(page.json().items.length).toBeLessThanOrEqual(500);
    expect((await officer.request('GET', '/api/enterprises')).json().items).toHaveLength(20);
    for (const limit of ['0', '501', 'abc']) {
      const res = await officer.request('GET', `/api/enterprises?limit=${limit}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields[0]).toMatchObject({ field: 'limit', message: expect.stringMatching(chinese) });
    }
  });

  it('when two district officers list with the same filter in turn, then each walks exactly its own district (the query of one shape serves both)', async () => {
    const xihu = await loginAs(t.app, 'xihu');
    const binjiang = await loginAs(t.app, 'binjiang');
    const query = `industry=${encodeURIComponent('电子信息')}&sort=name&order=asc&limit=7`;
    for (const [as, code] of [[xihu, '330106'], [binjiang, '330108'], [xihu, '330106']] as const) {
      const items = await walk(query, as);
      expect(items.length).toBeGreaterThan(0);
      expect(items).toEqual(await walk(`${query}&district=${code}`));
    }
  });

  it('when the cursor is not one we issued, then 400 bad_cursor', async () => {
    for (const cursor of ['garbage!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1]').toString('base64url')]) {
      const res = await officer.request('GET', `/api/enterprises?cursor=${encodeURIComponent(cursor)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('bad_cursor');
    }
  });
});

describe('GET and PATCH /api/enterprises/:id', () => {
  it('when an enterprise is created and changed, then its detail shows the timeline newest first', async () => {
    const created = await create();
    await officer.request('PATCH', `/api/enterprises/${created.id}`, { version: 1, address: '杭州市西湖区文三路90号' });
    const res = await officer.request('GET', `/api/enterprises/${created.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['updated', 'created']);
    expect((await officer.request('GET', '/api/enterprises/2147483647')).statusCode).toBe(404);
  });

  it('when the version is stale, then 409 version_conflict and nothing changes', async () => {
    const created = await create();
    expect((await officer.request('PATCH', `/api/enterprises/${created.id}`, { version: 1, employees: 50 })).statusCode).toBe(200);
    const stale = await officer.request('PATCH', `/api/enterprises/${created.id}`, { version: 1, employees: 60 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    expect((await officer.request('GET', `/api/enterprises/${created.id}`)).json()).toMatchObject({ employees: 50, version: 2 });
  });

  it('when a PATCH carries only the version, then nothing is written: same version, no timeline entry, no audit row', async () => {
    const created = await create();
    const res = await officer.request('PATCH', `/api/enterprises/${created.id}`, { version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 1 });
    expect(res.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    const auditor = await loginAs(t.app, 'auditor');
    const audit = await auditor.request('GET', `/api/audit?objectType=enterprise&objectId=${created.id}`);
    expect(audit.json().items.map((r: { action: string }) => r.action)).toEqual(['enterprise.create']);
  });

  it('when two edits race with the same version, then exactly one wins, the other gets 409, and no field is lost', async () => {
    const created = await create({ address: '原地址', employees: 10 });
    const xihu = await loginAs(t.app, 'xihu');
    const [a, b] = await Promise.all([
      officer.request('PATCH', `/api/enterprises/${created.id}`, { version: 1, address: '新地址' }),
      xihu.request('PATCH', `/api/enterprises/${created.id}`, { version: 1, employees: 99 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const after = (await officer.request('GET', `/api/enterprises/${created.id}`)).json();
    expect(after.version).toBe(2);
    expect(after).toMatchObject(a.statusCode === 200 ? { address: '新地址', employees: 10 } : { address: '原地址', employees: 99 });
  });

  it('when a field is set to null, then it is cleared', async () => {
    const created = await create({ website: 'https://example.cn' });
    const res = await officer.request('PATCH', `/api/enterprises/${created.id}`, { version: 1, website: null });
    expect(res.json()).toMatchObject({ website: null, version: 2 });
  });
});

describe('personal data (PII)', () => {
  const phone = '13812345678';
  const idNumber = '11010519491231002X';
  const contact = '0571-88886666';

  it('when phone and ID numbers are saved, then the row holds no clear text, and the API answers masks', async () => {
    const created = await create({ legalRepName: '王五', legalRepPhone: phone, legalRepIdNumber: idNumber, contactPhone: contact });
    expect(created).toMatchObject({ legalRepPhone: '138****5678', legalRepIdNumber: '110105********002X', contactPhone: '057*****6666' });
    const [raw] = await rows<Record<string, unknown>>(sql`select * from enterprises where id = ${created.id}`);
    const text = JSON.stringify(raw);
    for (const clear of [phone, idNumber, '057188886666', '88886666', '19491231']) {
      expect(text).not.toContain(clear);
    }
    expect(raw.legal_rep_phone_enc).toMatch(/^v1\./);
    expect(raw.legal_rep_id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(t.deps.pii.decrypt(String(raw.legal_rep_id_enc))).toBe(idNumber);
    const audit = await rows<Record<string, unknown>>(sql`select * from audit_log where object_type = 'enterprise' and object_id = ${String(created.id)}`);
    expect(JSON.stringify(audit)).not.toContain(phone);
    expect(JSON.stringify(audit)).not.toContain(idNumber);
    const list = await officer.request('GET', `/api/enterprises?q=${created.uscc}`);
    expect(list.body).not.toContain('5678');
  });

  it('when the ID number has a wrong check character, then 400 on legalRepIdNumber', async () => {
    const res = await officer.request('POST', '/api/enterprises', enterpriseInput({ legalRepIdNumber: '110105194912310021' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('legalRepIdNumber');
  });
});

describe('Excel', () => {
  const header = COLUMNS.map((c) => c.title);
  const row = (values: Record<string, string | number | Date | null>) => COLUMNS.map((c) => (values[c.field] ?? null) as string | number | null);
  const upload = (buffer: Buffer, filename?: string, type?: string) => {
    const { payload, headers } = multipartFile(buffer, filename, type);
    return officer.request('POST', '/api/enterprises/import', payload, headers);
  };
  /** The import job once settled, as its creator reads it. */
  const imported = async (buffer: Buffer) => {
    const res = await upload(buffer);
    expect(res.statusCode, res.body).toBe(202);
    await whenJobSettled(t.deps.database, res.json().id);
    return (await officer.request('GET', `/api/jobs/${res.json().id}`)).json();
  };

  it('when the template is downloaded, then it is an xlsx whose first row is the column titles', async () => {
    const res = await officer.request('GET', '/api/enterprises/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const sheet = await readXlsx(res.rawPayload);
    expect(sheet[0]).toEqual(header);
  });

  it('when a good file is imported, then the job is done with the count, and the rows are in the registry', async () => {
    const codes = [uniqueUscc(), uniqueUscc('330108'), uniqueUscc()];
    const file = await xlsxOf(header, [
      row({ uscc: codes[0], name: '杭州导入一号科技有限公司', district: '西湖区', registeredOn: '2012-05-06', industry: '电子信息', size: '小型', employees: 12 }),
      row({ uscc: codes[1], name: '杭州导入二号科技有限公司', district: '330108', registeredOn: new Date(Date.UTC(2013, 6, 1)), industry: '新材料', registeredCapital: 2_000_000 }),
      row({ uscc: codes[2].toLowerCase(), name: '杭州导入三号科技有限公司', district: '西湖区', registeredOn: '2014-01-02', industry: '其他', legalRepPhone: '13900001111' }),
    ]);
    const job = await imported(file);
    expect(job).toMatchObject({ status: 'done', result: { imported: 3 } });
    const second = (await officer.request('GET', `/api/enterprises?q=${codes[1]}`)).json().items[0];
    expect(second).toMatchObject({ districtName: '滨江区', registeredOn: '2013-07-01', industry: '新材料' });
  });

  it('when one row is bad in any way, then nothing is imported and each error names its row and column', async () => {
    const good = uniqueUscc();
    const [existing] = await rows<{ uscc: string }>(sql`select uscc from enterprises order by id limit 1`);
    const base = { name: '杭州导入测试有限公司', district: '西湖区', registeredOn: '2015-01-01', industry: '电子信息' };
    const file = await xlsxOf(header, [
      row({ ...base, uscc: good }),
      row({ ...base, uscc: '91330106MA27XL0U2X' }),
      row({ ...base, uscc: uniqueUscc(), district: '不存在区' }),
      row({ ...base, uscc: good }),
      row({ ...base, uscc: existing.uscc }),
      row({ ...base, uscc: uniqueUscc(), employees: '很多' }),
    ]);
    const job = await imported(file);
    expect(job.status).toBe('failed');
    expect(job.rowErrors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '统一社会信用代码'],
      [4, '所属区县'],
      [5, '统一社会信用代码'],
      [6, '统一社会信用代码'],
      [7, '职工人数'],
    ]);
    job.rowErrors.forEach((e: { message: string }) => expect(e.message).toMatch(chinese));
    expect((await officer.request('GET', `/api/enterprises?q=${good}`)).json().items).toEqual([]);
  });

  it('when the upload is not an xlsx, then 415', async () => {
    expect((await upload(Buffer.from('统一社会信用代码,企业名称\n'), 'list.csv', 'text/csv')).statusCode).toBe(415);
    expect((await upload(Buffer.from('%PDF-1.7\n'), 'list.xlsx')).statusCode).toBe(415);
    expect((await officer.request('POST', '/api/enterprises/import', { file: 'x' })).statusCode).toBe(415);
  });

  it('when exported with filters, then the sheet rows are the filtered list in the same order', async () => {
    const query = `district=${encodeURIComponent('滨江区')}&industry=${encodeURIComponent('电子信息')}&sort=name&order=asc`;
    const listed = await walk(`${query}&limit=100`);
    const res = await officer.request('GET', `/api/enterprises/export?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const sheet = await readXlsx(res.rawPayload);
    expect(sheet[0][0]).toBe('统一社会信用代码');
    expect(sheet.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual(listed.map((i) => [i.uscc, i.name, i.districtName]));
  });
});
