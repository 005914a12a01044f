/// <reference types="vite/client" />
/**
 * The authorization matrix: every route of the OpenAPI document × every demo role × own/other
 * district or organisation. A route missing from MATRIX fails the suite, so each new route must
 * be classified here or in its module's `authz/<module>.matrix.ts` (public or not, and who may succeed)
 * before it can be merged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { enterpriseInput, multipartFile, uniqueUscc, xlsxOf } from './factories.js';
import { createTestApp, loginAs, TEST_PASSWORD, type Session, type TestApp } from './harness.js';
import { COLUMNS } from '../modules/enterprises/enterprises.excel.js';

import { ACCEPTS, CITY_READERS, DISTRICT_AND_UP, everyone, only, ROLES, row, type Entry, type Method, type Req, type Role } from './authz/kit.js';

let t: TestApp;
const s = {} as Record<Role, Session>;
const f = {} as {
  ownEnterprise: number; // 西湖区: the enterprise user's own, in xihu's district
  otherEnterprise: number; // 滨江区
  targetUser: number;
  targetOrg: number;
  targetDistrict: number;
  orgOf: Record<Role, number>;
  tokenOf: Partial<Record<Role, number>>;
};
let serial = 0;
const next = () => ++serial;

async function as(role: Role, method: Method, url: string, payload?: unknown) {
  const res = await s[role].request(method as 'GET', url, payload);
  expect(res.statusCode, `${role} ${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

const version = async (url: string) => (await as('admin', 'GET', url)).version as number;
const enterpriseVersion = async (id: number) => (await as('officer', 'GET', `/api/enterprises/${id}`)).version as number;
const userVersion = async (id: number) => ((await as('admin', 'GET', '/api/users')).items as { id: number; version: number }[]).find((u) => u.id === id)!.version;

async function importFile(district: string): Promise<Pick<Req, 'payload' | 'headers'>> {
  const values: Record<string, string> = { uscc: uniqueUscc(district === '西湖区' ? '330106' : '330108'), name: `杭州矩阵导入${next()}有限公司`, district, registeredOn: '2015-05-05', industry: '电子信息' };
  return multipartFile(await xlsxOf(COLUMNS.map((c) => c.title), [COLUMNS.map((c) => values[c.field] ?? null)]));
}

const enterpriseId = (which: 'own' | 'other') => (which === 'own' ? f.ownEnterprise : f.otherEnterprise);

const CORE_MATRIX: Record<string, Entry> = {
  // ---- system and auth ---------------------------------------------------------------------------
  'GET /healthz': { public: true, cases: [{ name: '-', expect: everyone('ok'), build: () => ({ method: 'GET', url: '/healthz' }) }] },
  'GET /readyz': { public: true, cases: [{ name: '-', expect: everyone('ok'), build: () => ({ method: 'GET', url: '/readyz' }) }] },
  'GET /api/clock': { public: true, cases: [{ name: '-', expect: everyone('ok'), build: () => ({ method: 'GET', url: '/api/clock' }) }] },
  'POST /api/auth/login': {
    public: true,
    cases: [{ name: '-', expect: everyone('ok'), build: (r) => ({ method: 'POST', url: '/api/auth/login', payload: { username: r, password: TEST_PASSWORD } }) }],
  },
  'POST /api/auth/logout': {
    selfService: true,
    cases: [{ name: 'own session', expect: everyone('ok'), build: async (r) => ({ method: 'POST', url: '/api/auth/logout', as: await loginAs(t.app, r) }) }],
  },
  'GET /api/auth/me': { selfService: true, cases: [{ name: '-', expect: everyone('ok'), build: () => ({ method: 'GET', url: '/api/auth/me' }) }] },
  'POST /api/auth/password': {
    selfService: true,
    cases: [
      {
        name: 'own password',
        expect: everyone('ok'),
        build: (r) => ({
          method: 'POST',
          url: '/api/auth/password',
          payload: { currentPassword: TEST_PASSWORD, newPassword: 'Matrix#Temp2026' },
          undo: async () => {
            await as(r, 'POST', '/api/auth/password', { currentPassword: 'Matrix#Temp2026', newPassword: TEST_PASSWORD });
          },
        }),
      },
    ],
  },
  'GET /api/auth/tokens': { selfService: true, cases: [{ name: '-', expect: everyone('ok'), build: () => ({ method: 'GET', url: '/api/auth/tokens' }) }] },
  'POST /api/auth/tokens': { selfService: true, cases: [{ name: '-', expect: everyone('ok'), build: () => ({ method: 'POST', url: '/api/auth/tokens', payload: { name: '矩阵测试' } }) }] },
  'DELETE /api/auth/tokens/{id}': {
    selfService: true,
    cases: [
      { name: 'own token', expect: everyone('ok'), build: async (r) => ({ method: 'DELETE', url: `/api/auth/tokens/${(await as(r, 'POST', '/api/auth/tokens', { name: '自己的' })).id}` }) },
      { name: "another user's token", expect: everyone('hidden'), build: (r) => ({ method: 'DELETE', url: `/api/auth/tokens/${f.tokenOf[r === 'admin' ? 'officer' : 'admin']}` }) },
    ],
  },

  // ---- users, organisations, districts: the city admin only -------------------------------------
  'GET /api/districts': { public: true, cases: [{ name: '-', expect: everyone('ok'), build: () => ({ method: 'GET', url: '/api/districts' }) }] },
  'POST /api/districts': {
    cases: [{ name: '-', expect: only(['admin']), build: () => ({ method: 'POST', url: '/api/districts', payload: { code: `3399${String(next()).padStart(2, '0')}`, name: `矩阵区${serial}` } }) }],
  },
  'PATCH /api/districts/{id}': {
    cases: [{ name: '-', expect: only(['admin']), build: () => ({ method: 'PATCH', url: `/api/districts/${f.targetDistrict}`, payload: { name: `矩阵改名区${next()}` } }) }],
  },
  'DELETE /api/districts/{id}': {
    cases: [
      {
        name: 'unused district',
        expect: only(['admin']),
        build: async () => {
          const d = await as('admin', 'POST', '/api/districts', { code: `3398${String(next()).padStart(2, '0')}`, name: `待删矩阵区${serial}` });
          return { method: 'DELETE', url: `/api/districts/${d.id}` };
        },
      },
    ],
  },
  'GET /api/roles': { cases: [{ name: '-', expect: everyone('ok'), build: () => ({ method: 'GET', url: '/api/roles' }) }] },
  'GET /api/organizations': { cases: [{ name: '-', expect: only(CITY_READERS), build: () => ({ method: 'GET', url: '/api/organizations' }) }] },
  'GET /api/organizations/{id}': {
    cases: [
      { name: 'own organisation', expect: only(CITY_READERS), build: (r) => ({ method: 'GET', url: `/api/organizations/${f.orgOf[r]}` }) },
      { name: 'other organisation', expect: only(CITY_READERS), build: (r) => ({ method: 'GET', url: `/api/organizations/${f.orgOf[r === 'binjiang' ? 'xihu' : 'binjiang']}` }) },
    ],
  },
  'POST /api/organizations': {
    cases: [{ name: '-', expect: only(['admin']), build: () => ({ method: 'POST', url: '/api/organizations', payload: { name: `矩阵服务机构${next()}`, kind: 'provider' } }) }],
  },
  'PATCH /api/organizations/{id}': {
    cases: [
      {
        name: 'own organisation',
        expect: only(['admin']),
        build: async (r) => {
          const org = await as('admin', 'GET', `/api/organizations/${f.orgOf[r]}`);
          return { method: 'PATCH', url: `/api/organizations/${org.id}`, payload: { version: org.version, name: org.name } };
        },
      },
      {
        name: 'other organisation',
        expect: only(['admin']),
        build: async () => ({ method: 'PATCH', url: `/api/organizations/${f.targetOrg}`, payload: { version: await version(`/api/organizations/${f.targetOrg}`), name: `矩阵改名机构${next()}` } }),
      },
    ],
  },
  'GET /api/users': { cases: [{ name: '-', expect: only(CITY_READERS), build: () => ({ method: 'GET', url: '/api/users' }) }] },
  'POST /api/users': {
    cases: [
      {
        name: '-',
        expect: only(['admin']),
        build: () => ({ method: 'POST', url: '/api/users', payload: { username: `matrix${next()}`, displayName: '矩阵用户', organizationId: f.orgOf.officer, roles: ['city_officer'], password: 'Matrix#User2026' } }),
      },
    ],
  },
  'PATCH /api/users/{id}': {
    cases: [
      {
        name: 'own user',
        expect: only(['admin']),
        build: async (r) => ({ method: 'PATCH', url: `/api/users/${s[r].userId}`, payload: { version: await userVersion(s[r].userId), displayName: `矩阵${r}` } }),
      },
      {
        name: 'other user',
        expect: only(['admin']),
        build: async () => ({ method: 'PATCH', url: `/api/users/${f.targetUser}`, payload: { version: await userVersion(f.targetUser), displayName: `矩阵目标${next()}` } }),
      },
    ],
  },
  'POST /api/users/{id}/password': {
    cases: [{ name: 'other user', expect: only(['admin']), build: () => ({ method: 'POST', url: `/api/users/${f.targetUser}/password`, payload: { password: `Matrix#Reset${next()}` } }) }],
  },

  // ---- audit: auditor and city admin read ---------------------------------------------------------
  'GET /api/audit': { cases: [{ name: '-', expect: only(['admin', 'auditor']), build: () => ({ method: 'GET', url: '/api/audit' }) }] },
  'GET /api/audit/verify': { cases: [{ name: '-', expect: only(['admin', 'auditor']), build: () => ({ method: 'GET', url: '/api/audit/verify' }) }] },
  'GET /api/audit/checkpoint': { cases: [{ name: '-', expect: only(['admin', 'auditor']), build: () => ({ method: 'GET', url: '/api/audit/checkpoint' }) }] },
  'GET /api/audit/export': { cases: [{ name: '-', expect: only(['admin', 'auditor']), build: () => ({ method: 'GET', url: '/api/audit/export?objectType=none' }) }] },

  // ---- enterprise registry: scoped reads; officers register; the admin does no business -----------
  'GET /api/enterprises': { cases: [{ name: 'scoped list', expect: row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'denied', 'denied'), build: () => ({ method: 'GET', url: '/api/enterprises' }) }] },
  'GET /api/enterprises/export': {
    cases: [{ name: 'scoped export', expect: row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'denied', 'denied'), build: () => ({ method: 'GET', url: '/api/enterprises/export?size=large' }) }],
  },
  'GET /api/enterprises/import-template': { cases: [{ name: '-', expect: only(['officer', 'xihu', 'binjiang']), build: () => ({ method: 'GET', url: '/api/enterprises/import-template' }) }] },
  // The import answers 202 with a job once the role allows it; the district scope of the rows is
  // checked by the job (a 滨江区 row in 西湖区's file fails the job: enterprises.existence.test.ts).
  'POST /api/enterprises/import': {
    cases: [
      { name: '西湖区 rows', expect: row('denied', 'ok', 'ok', 'ok', 'denied', 'denied', 'denied', 'denied'), build: async () => ({ method: 'POST', url: '/api/enterprises/import', ...(await importFile('西湖区')) }) },
      { name: '滨江区 rows', expect: row('denied', 'ok', 'ok', 'ok', 'denied', 'denied', 'denied', 'denied'), build: async () => ({ method: 'POST', url: '/api/enterprises/import', ...(await importFile('滨江区')) }) },
    ],
  },
  'POST /api/enterprises': {
    cases: [
      { name: 'in 西湖区', expect: row('denied', 'ok', 'ok', 'denied', 'denied', 'denied', 'denied', 'denied'), build: () => ({ method: 'POST', url: '/api/enterprises', payload: enterpriseInput({ district: '西湖区' }) }) },
      { name: 'in 滨江区', expect: row('denied', 'ok', 'denied', 'ok', 'denied', 'denied', 'denied', 'denied'), build: () => ({ method: 'POST', url: '/api/enterprises', payload: enterpriseInput({ district: '滨江区', uscc: uniqueUscc('330108') }) }) },
    ],
  },
  'GET /api/enterprises/{id}': {
    cases: [
      { name: 'own (西湖区, the enterprise user’s)', expect: row('ok', 'ok', 'ok', 'hidden', 'ok', 'ok', 'denied', 'denied'), build: () => ({ method: 'GET', url: `/api/enterprises/${enterpriseId('own')}` }) },
      { name: 'other (滨江区)', expect: row('ok', 'ok', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied'), build: () => ({ method: 'GET', url: `/api/enterprises/${enterpriseId('other')}` }) },
    ],
  },
  'PATCH /api/enterprises/{id}': {
    cases: (['own', 'other'] as const).map((which) => ({
      name: which === 'own' ? 'own (西湖区, the enterprise user’s)' : 'other (滨江区)',
      expect: which === 'own' ? row('denied', 'ok', 'ok', 'hidden', 'denied', 'ok', 'denied', 'denied') : row('denied', 'ok', 'hidden', 'ok', 'denied', 'hidden', 'denied', 'denied'),
      build: async () => {
        const id = enterpriseId(which);
        return { method: 'PATCH' as const, url: `/api/enterprises/${id}`, payload: { version: await enterpriseVersion(id), address: `杭州市矩阵路${next()}号` } };
      },
    })),
  },

  // ---- other domains: classified here; probed with every role that may not succeed ----------------
  'POST /api/rules/hnte/evaluate': { public: true, allow: 'all' },
  'POST /api/rules/tech-sme/evaluate': { public: true, allow: 'all' },
  'GET /api/rules/rule-sets': { public: true, allow: 'all' },
  'PUT /api/rules/rule-sets/{type}/{effectiveFrom}': { allow: ['officer'] },
  'GET /api/rules/criteria': { public: true, allow: 'all' },
  'GET /api/rules/criteria/{type}': { public: true, allow: 'all' },
  'PUT /api/rules/criteria/{type}/{effectiveFrom}': { allow: ['officer'] },
  'GET /api/calendar/working-days': { public: true, allow: 'all' },
  'GET /api/calendar/days/{date}': { public: true, allow: 'all' },
  'GET /api/calendar/years': { public: true, allow: 'all' },
  'GET /api/calendar/years/{year}': { public: true, allow: 'all' },
  'PUT /api/calendar/years/{year}': { allow: ['admin'] },
  'GET /api/vouchers/policies': { allow: 'all' },
  'POST /api/vouchers/policies': { allow: ['officer'] },
  'GET /api/vouchers/policies/{id}': { allow: 'all' },
  'PATCH /api/vouchers/policies/{id}': { allow: ['officer'] },
  'POST /api/vouchers/policies/{id}/expire': { allow: ['officer'] },
  'POST /api/vouchers/issuances': { allow: ['officer'] },
  'GET /api/vouchers/issuances/template': { allow: ['officer'] },
  'POST /api/vouchers/issuances/import': { allow: ['officer'] },
  'GET /api/vouchers/holders': { allow: ['admin', 'officer', 'auditor', 'xihu', 'binjiang', 'enterprise'] },
  'POST /api/vouchers/holders': { allow: ['officer', 'xihu', 'binjiang', 'enterprise'] },
  'GET /api/vouchers/holders/{holderId}/balance': { allow: ['admin', 'officer', 'auditor', 'xihu', 'binjiang', 'enterprise'] },
  'GET /api/vouchers/providers': { allow: 'all' },
  'POST /api/vouchers/providers': { allow: ['officer', 'provider'] },
  'GET /api/vouchers/providers/me': { allow: ['provider'] },
  'GET /api/vouchers/providers/{id}': { allow: 'all' },
  'POST /api/vouchers/providers/{id}/status': { allow: ['officer'] },
  'POST /api/vouchers/providers/{id}/services': { allow: ['officer', 'provider'] },
  'POST /api/vouchers/bookings': { allow: ['officer', 'enterprise'] },
  'GET /api/vouchers/bookings': { allow: ['admin', 'officer', 'auditor', 'xihu', 'binjiang', 'enterprise', 'provider'] },
  'GET /api/vouchers/bookings/{id}': { allow: ['admin', 'officer', 'auditor', 'xihu', 'binjiang', 'enterprise', 'provider'] },
  'POST /api/vouchers/bookings/{id}/cancel': { allow: ['officer', 'enterprise'] },
  'POST /api/vouchers/claims': { allow: ['enterprise', 'provider'] },
  'GET /api/vouchers/claims': { allow: ['admin', 'officer', 'auditor', 'xihu', 'binjiang', 'enterprise', 'provider'] },
  'GET /api/vouchers/claims/{id}': { allow: ['admin', 'officer', 'auditor', 'xihu', 'binjiang', 'enterprise', 'provider'] },
  'POST /api/vouchers/claims/{id}/approve': { allow: ['officer'] },
  'POST /api/vouchers/claims/{id}/reject': { allow: ['officer'] },
  'POST /api/vouchers/claims/{id}/reverse': { allow: ['officer'] },
  'POST /api/vouchers/settlements': { allow: ['officer'] },
  'GET /api/vouchers/settlements': { allow: [...CITY_READERS, 'provider'] },
  'GET /api/vouchers/settlements/{id}': { allow: [...CITY_READERS, 'provider'] },
  'GET /api/vouchers/settlements/{id}/export': { allow: [...CITY_READERS, 'provider'] },
  'POST /api/vouchers/settlements/{id}/pay': { allow: ['officer'] },
  'GET /api/vouchers/statistics': { allow: DISTRICT_AND_UP },
  'GET /api/vouchers/flags': { allow: DISTRICT_AND_UP },
  'POST /api/vouchers/flags/scan': { allow: ['officer'] },
  'POST /api/vouchers/flags/{id}/resolve': { allow: ['officer'] },
  'GET /api/vouchers/ledger/check': { allow: CITY_READERS },
  'GET /api/techmarket/listings': { public: true, allow: 'all' },
  'POST /api/techmarket/listings': { allow: ['enterprise'] },
  'GET /api/techmarket/listings/{id}': { public: true, allow: 'all' },
  'PATCH /api/techmarket/listings/{id}': { allow: ['enterprise'] },
  'POST /api/techmarket/listings/{id}/withdraw': { allow: ['enterprise'] },
  'POST /api/techmarket/listings/{id}/approve': { allow: ['officer'] },
  'POST /api/techmarket/listings/{id}/reject': { allow: ['officer'] },
  'GET /api/techmarket/listings/{id}/matches': { allow: 'all' },
  'GET /api/techmarket/my/listings': { allow: 'all' },
  'GET /api/techmarket/moderation': { allow: DISTRICT_AND_UP },
  'GET /api/techmarket/subscriptions': { selfService: true, allow: 'all' },
  'POST /api/techmarket/subscriptions': { selfService: true, allow: 'all' },
  'DELETE /api/techmarket/subscriptions/{id}': { selfService: true, allow: 'all' },
  'GET /api/techmarket/notifications': { selfService: true, allow: 'all' },
  'POST /api/techmarket/notifications/{id}/read': { selfService: true, allow: 'all' },
  'GET /api/techmarket/deals': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'POST /api/techmarket/deals': { allow: ['officer', 'enterprise'] },
  'GET /api/techmarket/deals/{id}': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'POST /api/techmarket/deals/{id}/registration': { allow: ['officer', 'enterprise'] },
  'GET /api/techmarket/registrations': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'GET /api/techmarket/registrations/{id}': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'GET /api/techmarket/registrations/{id}/certificate.docx': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'POST /api/techmarket/registrations/{id}/register': { allow: ['officer'] },
  'POST /api/techmarket/registrations/{id}/return': { allow: ['officer'] },
  'GET /api/techmarket/registration-rules': { allow: 'all' },
  'POST /api/techmarket/registration-rules': { allow: ['officer'] },
  'GET /api/techmarket/auctions': { public: true, allow: 'all' },
  'POST /api/techmarket/auctions': { allow: ['officer'] },
  'GET /api/techmarket/auctions/{id}': { public: true, allow: 'all' },
  'POST /api/techmarket/auctions/{id}/bids': { allow: ['enterprise'] },
  'POST /api/techmarket/auctions/{id}/close': { allow: ['officer'] },
  'GET /api/techmarket/stats': { allow: DISTRICT_AND_UP },
  'GET /api/indicators': { allow: DISTRICT_AND_UP },
  'GET /api/indicators/catalogue': { allow: DISTRICT_AND_UP },
  'GET /api/indicators/export': { allow: DISTRICT_AND_UP },
  'GET /api/indicators/targets': { allow: DISTRICT_AND_UP },
  'PUT /api/indicators/targets': { allow: ['officer'] },
  'GET /api/indicators/imports/{kind}/template': { allow: ['officer'] },
  'POST /api/indicators/imports/{kind}': { allow: ['officer'] },
  'GET /api/indicators/{code}/records': { allow: DISTRICT_AND_UP },
  'GET /api/indicators/{code}/records/export': { allow: DISTRICT_AND_UP },
  'GET /api/indicators/{code}/series': { allow: DISTRICT_AND_UP },
  'GET /api/indicators/{code}/districts': { allow: DISTRICT_AND_UP },
  'GET /api/recognitions': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'GET /api/recognitions/counts': { allow: DISTRICT_AND_UP },
  'GET /api/recognitions/export.xlsx': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'GET /api/recognitions/{id}': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'GET /api/recognitions/{id}/certificate.docx': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'POST /api/recognitions/{id}/revoke': { allow: ['officer'] },
  // recognition calls, forms and applications: the enterprise applies, the district then the city reviews
  'GET /api/recognition-calls': { public: true, allow: 'all' },
  'POST /api/recognition-calls': { allow: ['officer'] },
  'PATCH /api/recognition-calls/{id}': { allow: ['officer'] },
  'GET /api/recognition-forms/{type}/{version}': { allow: 'all' },
  'POST /api/recognition-forms/{type}': { allow: ['officer'] },
  'GET /api/recognition-applications': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'GET /api/recognition-applications/counts': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'GET /api/recognition-applications/export.xlsx': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'POST /api/recognition-applications': { allow: ['enterprise'] },
  'GET /api/recognition-applications/{id}': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'PATCH /api/recognition-applications/{id}': { allow: ['enterprise'] },
  'POST /api/recognition-applications/{id}/assess': { allow: ['admin', 'officer', 'xihu', 'binjiang', 'enterprise'] },
  'POST /api/recognition-applications/{id}/submit': { allow: ['enterprise'] },
  'POST /api/recognition-applications/{id}/review': { allow: ['officer', 'xihu', 'binjiang'] },
  'POST /api/recognition-applications/{id}/attachments': { allow: ['enterprise'] },
  'GET /api/recognition-applications/{id}/attachments/{attachmentId}': { allow: [...DISTRICT_AND_UP, 'enterprise'] },
  'DELETE /api/recognition-applications/{id}/attachments/{attachmentId}': { allow: ['enterprise'] },
  'POST /api/reports/annual': { allow: ['officer'] },
  'GET /api/reports/jobs/{id}': { allow: CITY_READERS },
  'GET /api/reports/jobs/{id}/download': { allow: CITY_READERS },
  'GET /api/notices': { public: true, allow: 'all' },
  'GET /api/notices/{id}': { public: true, allow: 'all' },
  'POST /api/notices/{id}/objections': { public: true, allow: 'all' },
  'GET /api/notices/candidates': { allow: CITY_READERS },
  'POST /api/notices': { allow: ['officer'] },
  'GET /api/notices/{id}/items': { allow: CITY_READERS },
  'POST /api/notices/{id}/approve-all': { allow: ['officer'] },
  'POST /api/recognition-applications/{id}/decision': { allow: ['officer'] },
  'GET /api/objections': { allow: DISTRICT_AND_UP },
  'GET /api/objections/{id}': { allow: DISTRICT_AND_UP },
  'GET /api/objections/{id}/evidence': { allow: DISTRICT_AND_UP },
  'POST /api/objections/{id}/resolve': { allow: ['officer'] },
  // experts: the pool is the city officer's; a panel is drawn by the officer; experts see only their own seats
  'GET /api/experts': { allow: CITY_READERS },
  'POST /api/experts': { allow: ['officer'] },
  'GET /api/experts/{id}': { allow: CITY_READERS },
  'PATCH /api/experts/{id}': { allow: ['officer'] },
  'POST /api/experts/{id}/links': { allow: ['officer'] },
  'DELETE /api/experts/{id}/links/{linkId}': { allow: ['officer'] },
  'GET /api/expert/me/links': { allow: ['expert'] },
  'POST /api/expert/me/links': { allow: ['expert'] },
  'GET /api/recognition-applications/{id}/panel': { allow: CITY_READERS },
  'POST /api/recognition-applications/{id}/panel': { allow: ['officer'] },
  'POST /api/recognition-applications/{id}/panel/redraw': { allow: ['officer'] },
  // the inbox: every signed-in user reads its own scope (district, enterprise, seats, organisation)
  'GET /api/expert/assignments': { allow: ['expert'] },
  'GET /api/expert/assignments/{memberId}': { allow: ['expert'] },
  'POST /api/expert/assignments/{memberId}/declaration': { allow: ['expert'] },
  'POST /api/expert/assignments/{memberId}/score': { allow: ['expert'] },
};

/** Each module's own entries (`authz/<module>.matrix.ts`, exporting MATRIX); a route classified twice fails here. */
const MODULE_MATRICES = import.meta.glob<{ MATRIX: Record<string, Entry> }>('./authz/*.matrix.ts', { eager: true });
const MATRIX: Record<string, Entry> = { ...CORE_MATRIX };
for (const [file, mod] of Object.entries(MODULE_MATRICES)) {
  for (const [key, entry] of Object.entries(mod.MATRIX)) {
    if (key in MATRIX) {
      throw new Error(`${file}: ${key} is classified twice`);
    }
    MATRIX[key] = entry;
  }
}

/** A request that reaches the route whatever it needs: placeholder path parameters, an empty body. */
function probe(key: string): Req {
  const [method, path] = key.split(' ') as [Method, string];
  const placeholders: Record<string, string> = { type: 'hnte', effectiveFrom: '2026-01-01', date: '2026-10-01', year: '2026' };
  const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => placeholders[name] ?? '1');
  return { method, url, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) };
}

async function send(role: Role | null, req: Req): Promise<LightMyRequestResponse> {
  const session = req.as ?? (role ? s[role] : undefined);
  const auth: Record<string, string> = session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
  return t.app.inject({ method: req.method, url: req.url, headers: { ...auth, ...req.headers }, ...(req.payload !== undefined ? { payload: req.payload as object } : {}) });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const r of ROLES) {
    s[r] = await loginAs(t.app, r);
  }
  const rows = <T>(q: ReturnType<typeof sql>) => t.deps.database.rows<T>(q);
  const me = async (r: Role) => (await as(r, 'GET', '/api/auth/me')).organization as { id: number; enterpriseId: number | null };
  f.orgOf = {} as Record<Role, number>;
  for (const r of ROLES) {
    f.orgOf[r] = (await me(r)).id;
  }
  f.ownEnterprise = (await me('enterprise')).enterpriseId!;
  [{ id: f.otherEnterprise }] = await rows<{ id: number }>(sql`select e.id from enterprises e join districts d on d.id = e.district_id where d.name = '滨江区' order by e.id limit 1`);
  f.targetUser = (await as('admin', 'POST', '/api/users', { username: 'matrix.target', displayName: '矩阵目标', organizationId: f.orgOf.officer, roles: ['city_officer'], password: 'Matrix#User2026' })).id;
  f.targetOrg = (await as('admin', 'POST', '/api/organizations', { name: '矩阵目标机构', kind: 'carrier' })).id;
  f.targetDistrict = (await as('admin', 'POST', '/api/districts', { code: '339700', name: '矩阵目标区' })).id;
  f.tokenOf = { admin: (await as('admin', 'POST', '/api/auth/tokens', { name: 'admin' })).id, officer: (await as('officer', 'POST', '/api/auth/tokens', { name: 'officer' })).id };
});
afterAll(async () => {
  await t.close();
});

describe('the matrix covers the OpenAPI document', () => {
  it('when the document lists its routes, then each one has a matrix entry and each entry a route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.filter((k) => !(k in MATRIX)), 'routes without a matrix entry: classify them in authz-matrix.test.ts or authz/<module>.matrix.ts').toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !documented.includes(k)), 'matrix entries without a route').toEqual([]);
  });

  it('when a route is public in the matrix, then the document says it needs no credential, and vice versa', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>();
    const open = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => Array.isArray(op.security) && op.security.length === 0)
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    expect(open.sort()).toEqual(Object.keys(MATRIX).filter((k) => MATRIX[k].public).sort());
  });

  it('when the matrix is read, then it keeps the rules: no 2xx for the auditor on writes, registry closed to providers and experts, only the admin administers', () => {
    for (const [key, entry] of Object.entries(MATRIX)) {
      const [method, path] = key.split(' ');
      const oks = (role: Role) => ('cases' in entry ? entry.cases.some((c) => c.expect[role] === 'ok') : entry.allow === 'all' || entry.allow.includes(role));
      if (method !== 'GET' && !entry.public && !entry.selfService) {
        expect(oks('auditor'), `${key}: the auditor must not write`).toBe(false);
      }
      if (path.startsWith('/api/enterprises')) {
        expect(oks('provider') || oks('expert'), `${key}: the registry is closed to providers and experts`).toBe(false);
      }
      if (method !== 'GET' && /^\/api\/(users|organizations|districts)/.test(path)) {
        expect(ROLES.filter(oks), `${key}: only the admin administers`).toEqual(['admin']);
      }
    }
  });
});

describe('anonymous requests', () => {
  it('when nobody is signed in, then every non-public route answers 401 before looking at the input, and public ones never do', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const wrong: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const m of Object.keys(ops)) {
        const key = `${m.toUpperCase()} ${path}`;
        const res = await send(null, probe(key));
        if (MATRIX[key]?.public ? res.statusCode === 401 : res.statusCode !== 401) {
          wrong.push(`${key} → ${res.statusCode}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    for (const url of ['/api/openapi.json', '/api/docs']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBeLessThan(400);
    }
  });
});

describe('every role × own/other', () => {
  it.each(Object.keys(MATRIX))('when %s is called by each role, then each gets its expected answer', async (key) => {
    const entry = MATRIX[key];
    const wrong: string[] = [];
    for (const role of ROLES) {
      if ('cases' in entry) {
        for (const c of entry.cases) {
          const req = await c.build(role);
          const res = await send(role, req);
          if (!ACCEPTS[c.expect[role]](res.statusCode)) {
            wrong.push(`${role} (${c.name}): expected ${c.expect[role]}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
          }
          if (res.statusCode < 300 && req.undo) {
            await req.undo();
          }
        }
      } else if (entry.allow !== 'all' && !entry.allow.includes(role)) {
        const res = await send(role, probe(key));
        if (res.statusCode < 300 || res.statusCode === 401) {
          wrong.push(`${role}: may not succeed, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('data scopes', () => {
  const walk = async (role: Role) => {
    const items: { id: number; districtName: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await as(role, 'GET', `/api/enterprises?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  it('when a district officer lists the registry, then it holds exactly its own district', async () => {
    const items = await walk('xihu');
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from enterprises e join districts d on d.id = e.district_id where d.name = '西湖区'`);
    expect(items).toHaveLength(n);
    expect(new Set(items.map((i) => i.districtName))).toEqual(new Set(['西湖区']));
    expect((await as('xihu', 'GET', `/api/enterprises?district=${encodeURIComponent('滨江区')}`)).items).toEqual([]);
  });

  it('when the enterprise user lists the registry, then it sees only its own enterprise, and not a neighbour in the same district', async () => {
    expect((await walk('enterprise')).map((i) => i.id)).toEqual([f.ownEnterprise]);
    const [{ id: neighbour }] = await t.deps.database.rows<{ id: number }>(
      sql`select e.id from enterprises e join districts d on d.id = e.district_id where d.name = '西湖区' and e.id <> ${f.ownEnterprise} limit 1`,
    );
    expect((await s.enterprise.request('GET', `/api/enterprises/${neighbour}`)).statusCode).toBe(404);
  });

  it('when the enterprise user edits an identity field of its own record, then 403', async () => {
    const res = await s.enterprise.request('PATCH', `/api/enterprises/${f.ownEnterprise}`, { version: await enterpriseVersion(f.ownEnterprise), name: '杭州改名科技有限公司' });
    expect(res.statusCode).toBe(403);
  });
});
