import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { chinaToday } from '../rules/rules.service.js';
import { clockFrom, setBusinessClock } from '../../lib/clock.js';

let t: TestApp;
let officer: Session;
let admin: Session;
let xihu: Session;
let binjiang: Session;
let enterprise: Session;
let auditor: Session;
let provider: Session;
let ownEnterprise: number;

/** Today's business date: read once the harness has pinned the demo data's business clock. */
let today = '';
const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
let thisYear = 0;
let batch = 0;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]);

interface Detail {
  id: number;
  status: string;
  statusName: string;
  nextStep: string | null;
  dueOn: string | null;
  version: number;
  formVersion: number;
  data: Record<string, Record<string, unknown>>;
  assessment: { eligible: boolean | null; conditions: { code: string; passed: boolean }[] } | null;
  events: { action: string; comment: string | null; toStatus: string }[];
  steps: { key: string; state: string }[];
  attachments: { id: number; code: string }[];
}

async function newCall(type: string, overrides: Record<string, unknown> = {}) {
  const res = await officer.request('POST', '/api/recognition-calls', {
    type,
    year: thisYear,
    batch: ++batch,
    title: `${thisYear}年度测试申报通知${batch}`,
    opensOn: shift(-5),
    closesOn: shift(30),
    formVersion: 1,
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; formVersion: number; state: string }>();
}

async function apply(callId: number): Promise<Detail> {
  const res = await enterprise.request('POST', '/api/recognition-applications', { callId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Detail>();
}

const upload = (s: Session, id: number, code: string, content: Buffer, name: string) => {
  const m = multipartFile(content, name, 'application/octet-stream');
  return s.request('POST', `/api/recognition-applications/${id}/attachments?code=${code}`, m.payload, m.headers);
};

function hnteData(registeredOn: string) {
  const y = thisYear;
  return {
    profile: {
      contactName: '王芳',
      contactPhone: '13812345678',
      employees: 120,
      stEmployees: 36,
      domain: '电子信息',
      registeredOn,
      registeredInChina: true,
      majorIncident: false,
      restrictedIndustry: false,
      seriousDishonesty: false,
    },
    financials: [y - 3, y - 2, y - 1].map((year, i) => ({
      year,
      salesRevenue: 30_000_000 + i * 5_000_000,
      totalAssets: 40_000_000 + i * 6_000_000,
      totalLiabilities: 20_000_000,
      rdExpenses: 2_000_000 + i * 300_000,
      rdDomestic: 2_000_000 + i * 300_000,
      totalCostExpenses: 25_000_000,
    })),
    lastYear: { totalRevenue: 41_000_000, highTechRevenue: 30_000_000 },
    ipList: [{ title: '一种芯片散热结构', kind: 'invention', number: 'ZL202110000001.1', grantedOn: `${y - 2}-05-01` }],
    products: [{ name: '边缘计算模组', revenue: 30_000_000, highTech: true }],
    conversions: [2, 3, 4],
    direct: {},
    fields: {},
  };
}

async function save(id: number, data: unknown): Promise<Detail> {
  const cur = (await enterprise.request('GET', `/api/recognition-applications/${id}`)).json<Detail>();
  const res = await enterprise.request('PATCH', `/api/recognition-applications/${id}`, { data, version: cur.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Detail>();
}

let registeredOn: string;

beforeAll(async () => {
  t = await createTestApp();
  // calls of a year of their own (the demo data's business year 2016 holds the seeded calls)
  setBusinessClock(clockFrom(new Date('2026-06-15T09:00:00+08:00')));
  today = chinaToday();
  thisYear = Number(today.slice(0, 4));
  [officer, admin, xihu, binjiang, enterprise, auditor, provider] = await Promise.all(
    ['officer', 'admin', 'xihu', 'binjiang', 'enterprise', 'auditor', 'provider'].map((u) => loginAs(t.app, u)),
  );
  ownEnterprise = (await enterprise.request('GET', '/api/auth/me')).json<{ organization: { enterpriseId: number } }>().organization.enterpriseId;
  registeredOn = (await officer.request('GET', `/api/enterprises/${ownEnterprise}`)).json<{ registeredOn: string }>().registeredOn;
});
afterAll(async () => {
  await t.close();
});

describe('calls', () => {
  it('when nobody is signed in, then the calls are listed publicly with their state, filtered by type and year', async () => {
    const call = await newCall('hnte');
    const res = await t.app.inject({ method: 'GET', url: `/api/recognition-calls?type=hnte&year=${thisYear}` });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { id: number; type: string; state: string; stateName: string }[] }>().items;
    expect(items.every((c) => c.type === 'hnte')).toBe(true);
    expect(items.find((c) => c.id === call.id)).toMatchObject({ state: 'open', stateName: '申报中' });
  });

  it('when a non-officer publishes a call or the dates are reversed or the form version is unknown, then 403 / 400', async () => {
    const body = { type: 'hnte', year: thisYear, batch: 19, title: '测试通知标题', opensOn: shift(0), closesOn: shift(10), formVersion: 1 };
    expect((await enterprise.request('POST', '/api/recognition-calls', body)).statusCode).toBe(403);
    expect((await xihu.request('POST', '/api/recognition-calls', body)).statusCode).toBe(403);
    const reversed = await officer.request('POST', '/api/recognition-calls', { ...body, closesOn: shift(-1) });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ error: { details: { fields: { field: string }[] } } }>().error.details.fields[0].field).toBe('closesOn');
    const noForm = await officer.request('POST', '/api/recognition-calls', { ...body, formVersion: 99 });
    expect(noForm.statusCode).toBe(400);
  });

  it('when the officer edits a call, then it changes and an audit row is written', async () => {
    const call = await newCall('tech_sme');
    const res = await officer.request('PATCH', `/api/recognition-calls/${call.id}`, { closesOn: shift(60), title: '修改后的申报通知' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ closesOn: shift(60), title: '修改后的申报通知' });
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'recognition_call.update' and object_id = ${String(call.id)}`);
    expect(n).toBe(1);
  });

  it('when a call has closed or not yet opened, then an application cannot be created (call_closed 409)', async () => {
    const closed = await newCall('eagle', { opensOn: shift(-30), closesOn: shift(-1) });
    const upcoming = await newCall('eagle', { opensOn: shift(3), closesOn: shift(30) });
    for (const c of [closed, upcoming]) {
      const res = await enterprise.request('POST', '/api/recognition-applications', { callId: c.id });
      expect(res.statusCode).toBe(409);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('call_closed');
    }
  });
});

describe('applications: draft, assess, submit', () => {
  it('when the enterprise applies, then a draft prefilled from the registry is created once per call; officers cannot apply', async () => {
    const call = await newCall('hnte');
    const draft = await apply(call.id);
    expect(draft).toMatchObject({ status: 'draft', statusName: '草稿', formVersion: 1, nextStep: '企业完善申报材料并提交' });
    expect(draft.data.profile.registeredOn).toBe(registeredOn);
    expect(draft.events.map((e) => e.action)).toEqual(['create']);
    const again = await enterprise.request('POST', '/api/recognition-applications', { callId: call.id });
    expect(again.statusCode).toBe(409);
    expect((await officer.request('POST', '/api/recognition-applications', { callId: call.id })).statusCode).toBe(403);
    expect((await xihu.request('POST', '/api/recognition-applications', { callId: call.id })).statusCode).toBe(403);
  });

  it('when a draft is saved with a stale version, then 409; with a bad value, then 400 naming the field', async () => {
    const draft = await apply((await newCall('hnte')).id);
    const ok = await enterprise.request('PATCH', `/api/recognition-applications/${draft.id}`, { data: { profile: { employees: 50 } }, version: draft.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Detail>().version).toBe(draft.version + 1);
    const stale = await enterprise.request('PATCH', `/api/recognition-applications/${draft.id}`, { data: { profile: { employees: 60 } }, version: draft.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('version_conflict');
    const bad = await enterprise.request('PATCH', `/api/recognition-applications/${draft.id}`, { data: { profile: { employees: -1 } }, version: draft.version + 1 });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('data.profile.employees');
    const byOfficer = await xihu.request('PATCH', `/api/recognition-applications/${draft.id}`, { data: {}, version: draft.version + 1 });
    expect(byOfficer.statusCode).toBe(403);
  });

  it('when the enterprise submits an incomplete application, then 400 lists every missing field and attachment in Chinese', async () => {
    const draft = await apply((await newCall('hnte')).id);
    const data = hnteData(registeredOn);
    data.financials[1].rdExpenses = undefined as unknown as number;
    await save(draft.id, data);
    const res = await enterprise.request('POST', `/api/recognition-applications/${draft.id}/submit`, {});
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ error: { details: { fields: { field: string; message: string }[] } } }>().error.details.fields;
    expect(fields).toContainEqual({ field: 'data.financials.1.rdExpenses', message: '请填写研发费用' });
    expect(fields).toContainEqual({ field: 'attachments.businessLicence', message: '请上传营业执照' });
    expect((await enterprise.request('GET', `/api/recognition-applications/${draft.id}`)).json<Detail>().status).toBe('draft');
  });

  it('when the enterprise asks for a live assessment of unsaved data, then the hnte conditions come back with values and nothing is saved', async () => {
    const draft = await apply((await newCall('hnte')).id);
    const res = await enterprise.request('POST', `/api/recognition-applications/${draft.id}/assess`, { data: hnteData(registeredOn) });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json<{ complete: boolean; eligible: boolean; pending: string[]; conditions: { code: string; passed: boolean; value: unknown }[] }>();
    expect(a.complete).toBe(true);
    expect(a.pending).toEqual(['innovation_score']);
    const rd = a.conditions.find((c) => c.code === 'rd_ratio')!;
    expect(rd.passed).toBe(true);
    expect(a.conditions.find((c) => c.code === 'core_ip')!.passed).toBe(true);
    const incomplete = await enterprise.request('POST', `/api/recognition-applications/${draft.id}/assess`, {});
    expect(incomplete.json<{ complete: boolean; issues: { field: string }[] }>()).toMatchObject({ complete: false });
    expect((await enterprise.request('GET', `/api/recognition-applications/${draft.id}`)).json<Detail>().version).toBe(draft.version);
    expect((await auditor.request('POST', `/api/recognition-applications/${draft.id}/assess`, {})).statusCode).toBe(403);
  });

  it('when a criteria type is assessed, then its thresholds are checked against the fields', async () => {
    const draft = await apply((await newCall('eagle')).id);
    const form = (await enterprise.request('GET', `/api/recognition-forms/eagle/1`)).json<{ spec: { fields: { field: string }[]; thresholds: { code: string; field: string; op: string; value: number }[] } }>();
    expect(form.spec.fields.length).toBeGreaterThan(0);
    const fields = Object.fromEntries(form.spec.fields.map((f) => [f.field, 0]));
    const res = await enterprise.request('POST', `/api/recognition-applications/${draft.id}/assess`, { data: { fields } });
    const a = res.json<{ conditions: { code: string; passed: boolean; value: number }[] }>();
    expect(a.conditions.map((c) => c.code)).toEqual(form.spec.thresholds.map((th) => th.code));
    expect(a.conditions.every((c) => c.value === 0)).toBe(true);
  });
});

describe('concurrency and PII', () => {
  it('when two edits of one draft race on the same version, then exactly one wins and the other gets 409, with no field of the winner lost', async () => {
    const draft = await apply((await newCall('hnte')).id);
    const a = { ...hnteData(registeredOn), profile: { ...hnteData(registeredOn).profile, employees: 111 } };
    const b = { ...hnteData(registeredOn), profile: { ...hnteData(registeredOn).profile, employees: 222 } };
    const [ra, rb] = await Promise.all([
      enterprise.request('PATCH', `/api/recognition-applications/${draft.id}`, { data: a, version: draft.version }),
      enterprise.request('PATCH', `/api/recognition-applications/${draft.id}`, { data: b, version: draft.version }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 409]);
    const winner = ra.statusCode === 200 ? 111 : 222;
    const now = (await enterprise.request('GET', `/api/recognition-applications/${draft.id}`)).json<Detail>();
    expect(now.data.profile.employees).toBe(winner);
    expect(now.version).toBe(draft.version + 1);
  });

  it('when the contact phone is saved, then it is encrypted at rest, shown in clear to the applicant and masked to officers', async () => {
    const draft = await apply((await newCall('hnte')).id);
    await save(draft.id, hnteData(registeredOn));
    const [row] = await t.deps.database.rows<{ profile: Record<string, unknown> }>(sql`select data->'profile' as profile from recognition_applications where id = ${draft.id}`);
    expect(row.profile.contactPhone).toBeUndefined();
    expect(typeof row.profile.contactPhoneEnc).toBe('string');
    expect(String(row.profile.contactPhoneEnc)).not.toContain('13812345678');
    expect((await enterprise.request('GET', `/api/recognition-applications/${draft.id}`)).json<Detail>().data.profile.contactPhone).toBe('13812345678');
    expect((await officer.request('GET', `/api/recognition-applications/${draft.id}`)).json<Detail>().data.profile.contactPhone).toBe('138****5678');
    // the next application of the enterprise is prefilled with it
    const next = await apply((await newCall('tech_sme')).id);
    expect(next.data.profile.contactPhone).toBe('13812345678');
  });
});

describe('attachments', () => {
  it('when a file has the wrong extension or its content does not match it, then attachment_invalid 400; a real PDF is accepted and downloadable in scope', async () => {
    const draft = await apply((await newCall('hnte')).id);
    const wrongExt = await upload(enterprise, draft.id, 'auditReport', PNG, '审计报告.png');
    expect(wrongExt.statusCode).toBe(400);
    expect(wrongExt.json<{ error: { code: string } }>().error.code).toBe('attachment_invalid');
    const fake = await upload(enterprise, draft.id, 'auditReport', Buffer.from('MZ not a pdf at all'), '审计报告.pdf');
    expect(fake.statusCode).toBe(400);
    expect(fake.json<{ error: { code: string } }>().error.code).toBe('attachment_invalid');
    const unknownCode = await upload(enterprise, draft.id, 'nosuch', PDF, 'x.pdf');
    expect(unknownCode.statusCode).toBe(400);
    const ok = await upload(enterprise, draft.id, 'auditReport', PDF, '审计报告.pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    const { id } = ok.json<{ id: number }>();
    const dl = await xihu.request('GET', `/api/recognition-applications/${draft.id}/attachments/${id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect((await binjiang.request('GET', `/api/recognition-applications/${draft.id}/attachments/${id}`)).statusCode).toBe(404);
    expect((await xihu.request('DELETE', `/api/recognition-applications/${draft.id}/attachments/${id}`)).statusCode).toBe(403);
    expect((await enterprise.request('DELETE', `/api/recognition-applications/${draft.id}/attachments/${id}`)).statusCode).toBe(204);
    expect((await enterprise.request('GET', `/api/recognition-applications/${draft.id}`)).json<Detail>().attachments).toEqual([]);
  });

  it('when a file exceeds the size its form allows, then 413', async () => {
    const spec = (await officer.request('GET', '/api/recognition-forms/qinglan/1')).json<{ spec: Record<string, unknown> & { attachments: { code: string; maxSizeMb: number }[] } }>().spec;
    const small = { ...spec, attachments: [{ code: 'tiny', name: '小附件', maxSizeMb: 0.001, types: ['pdf'], required: true }] };
    const v = await officer.request('POST', '/api/recognition-forms/qinglan', { spec: small });
    expect(v.statusCode, v.body).toBe(201);
    const draft = await apply((await newCall('qinglan', { formVersion: v.json<{ version: number }>().version })).id);
    const big = Buffer.concat([PDF, Buffer.alloc(2000, 0x20)]);
    const res = await upload(enterprise, draft.id, 'tiny', big, '大文件.pdf');
    expect(res.statusCode).toBe(413);
    expect((await upload(enterprise, draft.id, 'tiny', PDF, '小文件.pdf')).statusCode).toBe(201);
  });
});

describe('forms are versioned', () => {
  it('when a new form version is published after a draft was started, then the draft still validates and submits against its own version', async () => {
    const v1Call = await newCall('tech_sme');
    const draft = await apply(v1Call.id);
    expect(draft.formVersion).toBe(1);
    const spec1 = (await officer.request('GET', '/api/recognition-forms/tech_sme/1')).json<{ spec: Record<string, unknown> & { attachments: unknown[] } }>().spec;
    const spec2 = { ...spec1, attachments: [...spec1.attachments, { code: 'standardProof', name: '主导制定标准证明', maxSizeMb: 5, types: ['pdf'], required: true }] };
    expect((await enterprise.request('POST', '/api/recognition-forms/tech_sme', { spec: spec2 })).statusCode).toBe(403);
    const published = await officer.request('POST', '/api/recognition-forms/tech_sme', { spec: spec2 });
    expect(published.statusCode, published.body).toBe(201);
    const v2 = published.json<{ version: number }>().version;
    expect(v2).toBeGreaterThan(1);

    await save(draft.id, hnteData(registeredOn));
    for (const code of ['businessLicence', 'auditReport']) {
      expect((await upload(enterprise, draft.id, code, PDF, `${code}.pdf`)).statusCode).toBe(201);
    }
    const submitted = await enterprise.request('POST', `/api/recognition-applications/${draft.id}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<Detail>()).toMatchObject({ status: 'submitted', formVersion: 1 });

    const v2Draft = await apply((await newCall('tech_sme', { formVersion: v2 })).id);
    await save(v2Draft.id, hnteData(registeredOn));
    for (const code of ['businessLicence', 'auditReport']) {
      await upload(enterprise, v2Draft.id, code, PDF, `${code}.pdf`);
    }
    const refused = await enterprise.request('POST', `/api/recognition-applications/${v2Draft.id}/submit`, {});
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('attachments.standardProof');
  });
});

describe('review', () => {
  let id: number;

  beforeAll(async () => {
    const draft = await apply((await newCall('hnte')).id);
    id = draft.id;
    await save(id, hnteData(registeredOn));
    const uploads: [string, Buffer, string][] = [
      ['businessLicence', PNG, '营业执照.png'],
      ['auditReport', PDF, '审计.pdf'],
      ['rdAudit', PDF, '研发审计.pdf'],
      ['hightechRevenueAudit', PDF, '收入审计.pdf'],
      ['ipCertificates', ZIP, '证书.zip'],
    ];
    for (const [code, content, name] of uploads) {
      const r = await upload(enterprise, id, code, content, name);
      expect(r.statusCode, r.body).toBe(201);
    }
    const res = await enterprise.request('POST', `/api/recognition-applications/${id}/submit`, {});
    expect(res.statusCode, res.body).toBe(200);
  });

  it('when submitted, then the assessment and application date are stored and the applicant sees the next step and its deadline', async () => {
    const d = (await enterprise.request('GET', `/api/recognition-applications/${id}`)).json<Detail & { applicationDate: string }>();
    expect(d).toMatchObject({ status: 'submitted', nextStep: '区县科技局审核', applicationDate: today });
    expect(d.dueOn! > today).toBe(true);
    expect(d.assessment?.conditions.find((c) => c.code === 'rd_ratio')?.passed).toBe(true);
    expect(d.steps.map((s) => s.state)).toEqual(['done', 'current', 'waiting', 'waiting', 'waiting', 'waiting']);
    expect(d.data.profile.contactPhone).toBe('13812345678');
    const seenByOfficer = (await xihu.request('GET', `/api/recognition-applications/${id}`)).json<Detail>();
    expect(seenByOfficer.data.profile.contactPhone).toBe('138****5678');
    expect((await enterprise.request('PATCH', `/api/recognition-applications/${id}`, { data: {}, version: d.version })).statusCode).toBe(409);
  });

  it('when someone without the right role or scope reviews, then it is refused: enterprise 403, other district 404, city on a submitted one 409, admin 403, provider 404', async () => {
    expect((await enterprise.request('POST', `/api/recognition-applications/${id}/review`, { decision: 'pass' })).statusCode).toBe(403);
    expect((await binjiang.request('POST', `/api/recognition-applications/${id}/review`, { decision: 'pass' })).statusCode).toBe(404);
    expect((await binjiang.request('GET', `/api/recognition-applications/${id}`)).statusCode).toBe(404);
    // the city officer may only review what the district passed: not yet its step
    const early = await officer.request('POST', `/api/recognition-applications/${id}/review`, { decision: 'pass' });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { code: string } }>().error.code).toBe('invalid_state');
    expect((await admin.request('POST', `/api/recognition-applications/${id}/review`, { decision: 'pass' })).statusCode).toBe(403);
    expect((await provider.request('POST', `/api/recognition-applications/${id}/review`, { decision: 'pass' })).statusCode).toBe(404);
    const noComment = await xihu.request('POST', `/api/recognition-applications/${id}/review`, { decision: 'return' });
    expect(noComment.statusCode).toBe(400);
    expect((await enterprise.request('GET', `/api/recognition-applications/${id}`)).json<Detail>().status).toBe('submitted');
  });

  it('when the district returns, the enterprise resubmits, the district passes and the city passes, then each step is in the timeline', async () => {
    const ret = await xihu.request('POST', `/api/recognition-applications/${id}/review`, { decision: 'return', comment: '请补充研发费用明细' });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json<Detail>()).toMatchObject({ status: 'returned', nextStep: '企业按审核意见修改后重新提交' });
    expect((await enterprise.request('POST', `/api/recognition-applications/${id}/submit`, {})).statusCode).toBe(200);
    expect((await officer.request('POST', `/api/recognition-applications/${id}/review`, { decision: 'pass' })).statusCode).toBe(409);
    expect((await xihu.request('POST', `/api/recognition-applications/${id}/review`, { decision: 'pass' })).json<Detail>().status).toBe('district_passed');
    expect((await xihu.request('POST', `/api/recognition-applications/${id}/review`, { decision: 'pass' })).statusCode).toBe(409);
    const city = await officer.request('POST', `/api/recognition-applications/${id}/review`, { decision: 'pass', comment: '同意' });
    expect(city.statusCode, city.body).toBe(200);
    const d = city.json<Detail>();
    expect(d.status).toBe('city_passed');
    expect(d.events.map((e) => e.action)).toEqual(['create', 'submit', 'district_return', 'submit', 'district_pass', 'city_pass']);
    expect(d.events.find((e) => e.action === 'district_return')!.comment).toBe('请补充研发费用明细');
  });

  it('when the city rejects without a comment, then 400; with one, then rejected', async () => {
    expect((await officer.request('POST', `/api/recognition-applications/${id}/review`, { decision: 'reject' })).statusCode).toBe(400);
    const res = await officer.request('POST', `/api/recognition-applications/${id}/review`, { decision: 'reject', comment: '材料不实' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>()).toMatchObject({ status: 'rejected', nextStep: null });
  });
});

describe('officer lists, counts and export', () => {
  it('when each role lists applications, then each sees only its scope, filtered in the query', async () => {
    const all = async (s: Session, q = '') => {
      const items: { id: number; districtName: string; enterpriseId: number; type: string }[] = [];
      let cursor: string | null = null;
      do {
        const res = await s.request('GET', `/api/recognition-applications?limit=200${q}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json<{ items: typeof items; nextCursor: string | null }>();
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    };
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from cases where instrument = 'recognitions'`);
    expect((await all(officer)).length).toBe(n);
    const x = await all(xihu);
    expect(x.length).toBeGreaterThan(0);
    expect(new Set(x.map((i) => i.districtName))).toEqual(new Set(['西湖区']));
    expect(new Set((await all(binjiang)).map((i) => i.districtName))).toEqual(new Set(['滨江区']));
    expect(new Set((await all(enterprise)).map((i) => i.enterpriseId))).toEqual(new Set([ownEnterprise]));
    expect(await all(xihu, `&district=${encodeURIComponent('滨江区')}`)).toEqual([]);
    expect((await all(officer, '&type=tech_sme')).every((i) => i.type === 'tech_sme')).toBe(true);
    expect((await provider.request('GET', '/api/recognition-applications')).statusCode).toBe(403);
  });

  it('when counts are asked, then they match the scoped rows per status', async () => {
    const res = await xihu.request('GET', `/api/recognition-applications/counts?year=${thisYear}&type=hnte`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: { status: string; count: number }[]; total: number }>();
    const rows = await t.deps.database.rows<{ status: string; n: number }>(
      sql`select a.status, count(*)::int as n from cases a join districts d on d.id = a.district_id where a.instrument = 'recognitions' and d.name = '西湖区' and a.year = ${thisYear} and a.type = 'hnte' group by a.status`,
    );
    for (const r of rows) {
      expect(body.items.find((i) => i.status === r.status)!.count).toBe(r.n);
    }
    expect(body.total).toBe(rows.reduce((s, r) => s + r.n, 0));
    expect(body.items.find((i) => i.status === 'rejected')!.count).toBeGreaterThanOrEqual(1);
  });

  it('when the filtered list is exported, then the workbook has Chinese headers and the scoped rows', async () => {
    const res = await xihu.request('GET', `/api/recognition-applications/export.xlsx?year=${thisYear}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('申报编号');
    expect(ws.getRow(1).getCell(4).value).toBe('企业名称');
    const districtsInFile = new Set<string>();
    ws.eachRow((row, i) => {
      if (i > 1) {
        districtsInFile.add(String(row.getCell(6).value));
      }
    });
    expect(districtsInFile).toEqual(new Set(['西湖区']));
    expect(ws.rowCount - 1).toBe((await xihu.request('GET', `/api/recognition-applications/counts?year=${thisYear}`)).json<{ total: number }>().total);
  });
});
