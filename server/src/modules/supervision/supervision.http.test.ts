import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { drawSample } from './spotchecks.service.js';

let t: TestApp;
let officer: Session, xihu: Session, enterprise: Session, auditor: Session;
type Draw = { id: number; seed: string; population: number; drawn: number; reproducible: boolean; strata: { districtId: number; population: number; drawn: number }[]; items: { id: number; recognitionId: number; enterpriseId: number; districtName: string; finding: string | null; caseId: number | null; caseStatusName: string | null }[] };
const rows = <T>(q: ReturnType<typeof sql>) => t.deps.database.rows<T>(q);

beforeAll(async () => {
  t = await createTestApp();
  [officer, xihu, enterprise, auditor] = await Promise.all(['officer', 'xihu', 'enterprise', 'auditor'].map((u) => loginAs(t.app, u)));
});
afterAll(async () => {
  await t.close();
});

describe('spot checks', () => {
  it('when the same strata, rate and seed are drawn twice, then the selection is the same, each stratum gets ⌈rate × N⌉ (at least one) and another seed differs', () => {
    const strata = [
      { districtId: 2, districtName: '乙', population: 250, ids: Array.from({ length: 250 }, (_, i) => 1000 + i) },
      { districtId: 1, districtName: '甲', population: 3, ids: [7, 3, 5] },
      { districtId: 3, districtName: '丙', population: 0, ids: [] },
    ];
    const a = drawSample(strata, 0.02, 42);
    expect(a).toEqual(drawSample(strata, 0.02, 42));
    expect(a.strata.map((s) => [s.districtId, s.drawn])).toEqual([[1, 1], [2, 5], [3, 0]]);
    expect(new Set(a.selected).size).toBe(6);
    expect(drawSample(strata, 0.02, 43).selected).not.toEqual(a.selected);
  });

  it('when the officer draws a spot check, then it is stratified by district, logged with its seed, reproducible, and a district officer sees only its own items', async () => {
    const body = { year: 2016, title: '2016年度第二批高新技术企业抽查', types: ['hnte'], rate: 0.02 };
    expect((await xihu.request('POST', '/api/spot-checks', body)).statusCode).toBe(403);
    expect((await auditor.request('POST', '/api/spot-checks', body)).statusCode).toBe(403);
    expect((await officer.request('POST', '/api/spot-checks', { ...body, rate: 0 })).statusCode).toBe(400);
    const res = await officer.request('POST', '/api/spot-checks', body);
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Draw>();
    expect(d.reproducible).toBe(true);
    expect(d.strata.every((s) => s.drawn === Math.max(1, Math.ceil(0.02 * s.population - 1e-9)))).toBe(true);
    expect(d.items).toHaveLength(d.strata.reduce((n, s) => n + s.drawn, 0));
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from recognitions where type = 'hnte' and issued_on <= '2016-09-12' and (valid_until is null or valid_until >= '2016-09-12') and (revoked_on is null or revoked_on > '2016-09-12')`);
    expect(d.population).toBe(n);
    const [audit] = await rows<{ after: { seed: number } }>(sql`select after from audit_log where action = 'spot_check.draw' and object_id = ${String(d.id)}`);
    expect(String(audit.after.seed)).toBe(d.seed);
    const mine = (await xihu.request('GET', `/api/spot-checks/${d.id}`)).json<Draw>();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.districtName === '西湖区')).toBe(true);
    expect((await enterprise.request('GET', `/api/spot-checks/${d.id}`)).statusCode).toBe(403);
    const listed = (await officer.request('GET', '/api/spot-checks')).json<{ items: { id: number; drawn: number; checked: number }[] }>().items.find((x) => x.id === d.id)!;
    expect(listed).toMatchObject({ drawn: d.items.length, checked: 0 });
  });

  it('when a finding asks for rectification, then a case opens, the enterprise reports and the officer accepts; a revocation finding revokes the recognition through the recognitions module', async () => {
    const d = (await officer.request('POST', '/api/spot-checks', { year: 2016, title: '2016年度雏鹰计划企业抽查', types: ['eagle'], rate: 0.05 })).json<Draw>();
    const [first, second] = d.items;
    const finding = (id: number, body: Record<string, unknown>) => officer.request('POST', `/api/spot-check-items/${id}/finding`, body);
    const noReq = await finding(first.id, { finding: 'rectify', note: '研发费用未设辅助账', checkedOn: '2016-09-01', rectifyBy: '2016-10-31' });
    expect(noReq.json().error.details.fields[0].field).toBe('requirement');
    const r = await finding(first.id, { finding: 'rectify', note: '研发费用未设辅助账', checkedOn: '2016-09-01', requirement: '设置研发费用辅助账并提交整改报告', rectifyBy: '2016-10-31' });
    expect(r.statusCode, r.body).toBe(200);
    const item = r.json<Draw>().items.find((i) => i.id === first.id)!;
    expect(item).toMatchObject({ finding: 'rectify', caseStatusName: '整改中' });
    expect((await finding(first.id, { finding: 'compliant', note: '再次登记', checkedOn: '2016-09-01' })).statusCode).toBe(409);

    // the enterprise of the case reports (as the firm's user would), the officer accepts
    const caseId = item.caseId!;
    const [own] = await rows<{ id: number }>(sql`select o.id from organizations o where o.enterprise_id = ${first.enterpriseId}`);
    let firm: Session | null = null;
    if (own) {
      const admin = await loginAs(t.app, 'admin');
      const u = await admin.request('POST', '/api/users', { username: `firm${caseId}`, displayName: '整改企业联系人', organizationId: own.id, roles: ['enterprise_user'], password: 'Firm#Report2026' });
      expect(u.statusCode, u.body).toBe(201);
      firm = await loginAs(t.app, `firm${caseId}`, 'Firm#Report2026');
    } else {
      const admin = await loginAs(t.app, 'admin');
      const org = (await admin.request('POST', '/api/organizations', { name: `整改企业${caseId}`, kind: 'enterprise', enterpriseId: first.enterpriseId })).json<{ id: number }>();
      const u = await admin.request('POST', '/api/users', { username: `firm${caseId}`, displayName: '整改企业联系人', organizationId: org.id, roles: ['enterprise_user'], password: 'Firm#Report2026' });
      expect(u.statusCode, u.body).toBe(201);
      firm = await loginAs(t.app, `firm${caseId}`, 'Firm#Report2026');
    }
    expect((await enterprise.request('GET', `/api/supervision-cases/${caseId}`)).statusCode).toBe(404);
    const view = (await firm.request('GET', `/api/supervision-cases/${caseId}`)).json<{ actions: { action: string }[]; requirement: string }>();
    expect(view.actions.map((a) => a.action)).toEqual(['submit_report']);
    expect((await firm.request('POST', `/api/supervision-cases/${caseId}/actions`, { action: 'submit_report' })).json().error.details.fields[0].field).toBe('report');
    expect((await firm.request('POST', `/api/supervision-cases/${caseId}/actions`, { action: 'submit_report', report: '已按要求设置研发费用辅助账，补充了科技人员聘用合同。' })).statusCode).toBe(200);
    expect((await firm.request('POST', `/api/supervision-cases/${caseId}/actions`, { action: 'accept_report' })).statusCode).toBe(403);
    const accepted = await officer.request('POST', `/api/supervision-cases/${caseId}/actions`, { action: 'accept_report', comment: '整改到位' });
    expect(accepted.json()).toMatchObject({ statusName: '整改完成' });

    // revocation: proposed by the finding, revoked by the officer; the register shows it revoked
    const rv = await finding(second.id, { finding: 'revoke', note: '企业提供虚假申报材料', checkedOn: '2016-09-02' });
    const revCase = rv.json<Draw>().items.find((i) => i.id === second.id)!.caseId!;
    expect([403, 404]).toContain((await xihu.request('POST', `/api/supervision-cases/${revCase}/actions`, { action: 'revoke' })).statusCode);
    const revoked = await officer.request('POST', `/api/supervision-cases/${revCase}/actions`, { action: 'revoke', effectiveOn: '2016-09-10' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ statusName: '已撤销认定', revokedOn: '2016-09-10' });
    const reg = (await officer.request('GET', `/api/recognitions/${second.recognitionId}`)).json<{ revocation: { effectiveOn: string; reason: string } }>();
    expect(reg.revocation.effectiveOn).toBe('2016-09-10');
    expect(reg.revocation.reason).toContain('虚假申报材料');
  });
});

describe('annual reports', () => {
  it('when the demo enterprise files its 2015 report, then the district reviews it (returning needs a reason), the firm re-files and the city accepts', async () => {
    const due = (await enterprise.request('GET', '/api/annual-reports/due')).json<{ year: number; items: { recognitionId: number; report: unknown }[] }>();
    expect(due.year).toBe(2015);
    let recognitionId = due.items.find((i) => i.report === null)?.recognitionId;
    if (!recognitionId) {
      // the demo firm holds no reported type in 2015: give it one, as the register would
      const me = (await enterprise.request('GET', '/api/auth/me')).json<{ organization: { enterpriseId: number } }>();
      const [{ id }] = await rows<{ id: number }>(
        sql`insert into recognitions (type, enterprise_id, district_id, certificate_no, issued_on, valid_until) select 'municipal_hte', e.id, e.district_id, 'HZGX2014330199999', '2014-06-01', '2017-05-31' from enterprises e where e.id = ${me.organization.enterpriseId} returning id`,
      );
      recognitionId = id;
    }
    const data = { revenue: 50_000_000, highTechRevenue: 36_000_000, rdExpenses: 3_000_000, employees: 120, stEmployees: 30, ipCount: 8 };
    const bad = await enterprise.request('POST', '/api/annual-reports', { recognitionId, year: 2015, data: { ...data, stEmployees: 200 } });
    expect(bad.json().error.details.fields[0].field).toBe('data.stEmployees');
    expect((await enterprise.request('POST', '/api/annual-reports', { recognitionId, year: 2016, data })).statusCode).toBe(400);
    const filed = await enterprise.request('POST', '/api/annual-reports', { recognitionId, year: 2015, data });
    expect(filed.statusCode, filed.body).toBe(201);
    const rep = filed.json<{ id: number; statusName: string; ratios: { rdRatio: number; highTechShare: number; stShare: number } }>();
    expect(rep).toMatchObject({ statusName: '已提交，待审核', ratios: { rdRatio: 0.06, highTechShare: 0.72, stShare: 0.25 } });
    expect((await enterprise.request('POST', '/api/annual-reports', { recognitionId, year: 2015, data })).statusCode).toBe(409);
    expect((await enterprise.request('POST', `/api/annual-reports/${rep.id}/review`, { accept: true })).statusCode).toBe(403);
    expect((await xihu.request('POST', `/api/annual-reports/${rep.id}/review`, { accept: false })).statusCode).toBe(400);
    const returned = await xihu.request('POST', `/api/annual-reports/${rep.id}/review`, { accept: false, comment: '研发费用与审计报告不符' });
    expect(returned.json()).toMatchObject({ statusName: '退回修改' });
    expect((await enterprise.request('POST', '/api/annual-reports', { recognitionId, year: 2015, data: { ...data, rdExpenses: 3_200_000 } })).statusCode).toBe(201);
    const ok = await officer.request('POST', `/api/annual-reports/${rep.id}/review`, { accept: true });
    expect(ok.json()).toMatchObject({ statusName: '审核通过', data: { rdExpenses: 3_200_000 } });
    const list = (await xihu.request('GET', '/api/annual-reports?year=2015')).json<{ items: { districtName: string }[] }>();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i) => i.districtName === '西湖区')).toBe(true);
  });
});
