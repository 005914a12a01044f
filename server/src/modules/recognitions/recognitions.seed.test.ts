import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { verifyAuditChain } from '../audit/index.js';
import { chinaToday } from '../rules/rules.service.js';
import { applicationData, completenessIssues } from './applications.form.js';
import { openData } from './applications.service.js';
import { loadForm } from './forms.service.js';
import { CERTIFICATE_PREFIX } from './register.js';
import { DEMO_EXPERT_NAME, FIGURES_DAY, TARGETS_2015 } from './recognitions.seed.js';
import { TRANSITIONS, type WorkflowAction } from './recognitions.status.js';

/** Recognition applications as one relation: the case and its detail row. */
const APPS = sql.raw(`(select c.*, d.form_version, d.data, d.assessment, d.application_date from cases c join recognition_applications d on d.id = c.id and c.instrument = 'recognitions')`);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const r = (await t.deps.database.db.execute(query)) as unknown;
  return Array.isArray(r) ? (r as T[]) : (r as { rows: T[] }).rows;
}

const typesOf = (type: string) => (type === 'hnte+tase' ? ['hnte', 'tase'] : [type]);

describe('recognitions demo data', () => {
  it.each(TARGETS_2015)('when the demo is loaded, then $type for 2015 counts to the published figure, from the register and from the rollup', async ({ type, valid, new: fresh }) => {
    const types = typesOf(type);
    const [direct] = await rows<{ valid: number; fresh: number }>(sql`
      select count(*) filter (where issued_on <= ${FIGURES_DAY} and (valid_until is null or valid_until >= ${FIGURES_DAY}) and (revoked_on is null or revoked_on > ${FIGURES_DAY}))::int as valid,
             count(*) filter (where issued_on between '2015-01-01' and ${FIGURES_DAY})::int as fresh
      from recognitions where type in ${types}`);
    const [rollup] = await rows<{ valid: number; fresh: number }>(sql`
      select (coalesce(sum(starts), 0) - coalesce(sum(ends), 0))::int as valid,
             coalesce(sum(starts) filter (where year = 2015), 0)::int as fresh
      from recognition_flows where type in ${types} and year <= 2015`);
    expect(direct.fresh).toBe(fresh);
    expect(rollup.fresh).toBe(fresh);
    if (valid !== null) {
      expect(direct.valid).toBe(valid);
    }
    expect(rollup.valid).toBe(direct.valid);
  });

  it('when the 2015 figures are counted, then valid differs from the cumulative count (expiries and revocations happened)', async () => {
    const [r] = await rows<{ cumulative: number; expired: number; revoked: number }>(sql`
      select count(*)::int as cumulative,
             count(*) filter (where valid_until < ${FIGURES_DAY})::int as expired,
             count(*) filter (where revoked_on <= ${FIGURES_DAY})::int as revoked
      from recognitions where issued_on <= ${FIGURES_DAY}`);
    expect(r.expired).toBeGreaterThan(1000);
    expect(r.revoked).toBeGreaterThan(300);
    const [withReason] = await rows<{ n: number }>(sql`select count(*)::int as n from recognitions where revoked_on is not null and (revoke_reason is null or revoked_by is null)`);
    expect(withReason.n).toBe(0);
  });

  it('when certificate numbers are listed, then they are unique and in the register format (prefix, issue year, 3301, 5-digit serial)', async () => {
    const certs = await rows<{ type: keyof typeof CERTIFICATE_PREFIX; certificate_no: string; issued_on: string }>(sql`select type, certificate_no, issued_on::text from recognitions`);
    expect(certs.length).toBeGreaterThan(15_000);
    expect(new Set(certs.map((c) => c.certificate_no)).size).toBe(certs.length);
    const bad = certs.filter((c) => !new RegExp(`^${CERTIFICATE_PREFIX[c.type]}${c.issued_on.slice(0, 4)}3301\\d{5}$`).test(c.certificate_no));
    expect(bad).toEqual([]);
  });

  it('when recognitions of the same type of an enterprise are compared, then none overlap', async () => {
    const [r] = await rows<{ n: number }>(sql`
      select count(*)::int as n from recognitions a join recognitions b
        on a.enterprise_id = b.enterprise_id and a.type = b.type and a.id < b.id
      where a.issued_on <= coalesce(least(b.valid_until, b.revoked_on - 1), '9999-12-31')
        and b.issued_on <= coalesce(least(a.valid_until, a.revoked_on - 1), '9999-12-31')`);
    expect(r.n).toBe(0);
  });

  it('when recognitions are attributed, then each is in its enterprise district and every district holds tech SMEs', async () => {
    const [r] = await rows<{ n: number }>(sql`select count(*)::int as n from recognitions r join enterprises e on e.id = r.enterprise_id where r.district_id <> e.district_id`);
    expect(r.n).toBe(0);
    const byDistrict = await rows<{ n: number }>(sql`select count(*)::int as n from recognitions where type = 'tech_sme' group by district_id`);
    expect(byDistrict).toHaveLength(13);
  });

  it("when the demo enterprise's register is read, then it holds a valid tech SME and municipal hte at the end of 2015 and no hnte", async () => {
    const held = await rows<{ type: string }>(sql`
      select r.type from recognitions r join organizations o on o.enterprise_id = r.enterprise_id join users u on u.organization_id = o.id
      where u.username = 'enterprise' and r.issued_on <= ${FIGURES_DAY} and (r.valid_until is null or r.valid_until >= ${FIGURES_DAY}) and r.revoked_on is null`);
    expect(held.map((h) => h.type).sort()).toEqual(['municipal_hte', 'tech_sme']);
    const [hnte] = await rows<{ n: number }>(sql`
      select count(*)::int as n from recognitions r join organizations o on o.enterprise_id = r.enterprise_id join users u on u.organization_id = o.id
      where u.username = 'enterprise' and r.type in ('hnte', 'tase')`);
    expect(hnte.n).toBe(0);
  });

  it('when the 2016 applications are listed, then every workflow state is present and the district officers have submissions', async () => {
    const statuses = await rows<{ status: string }>(sql`select distinct status from ${APPS} ra where year = 2016`);
    expect(statuses.map((s) => s.status).sort()).toEqual([...APPLICATION_STATUSES].sort());
    const queues = await rows<{ code: string; n: number }>(sql`
      select d.code, count(*)::int as n from ${APPS} a join districts d on d.id = a.district_id
      where a.status = 'submitted' group by d.code`);
    expect(queues.find((q) => q.code === '330106')?.n).toBeGreaterThanOrEqual(3);
    expect(queues.find((q) => q.code === '330108')?.n).toBeGreaterThanOrEqual(3);
  });

  it("when an application's events are replayed, then they follow the workflow table and end in its status", async () => {
    const apps = await rows<{ id: number; status: string }>(sql`select id, status from ${APPS} ra`);
    const events = await rows<{ application_id: number; action: WorkflowAction; from_status: string; to_status: string; comment: string | null; actor_label: string }>(
      sql`select case_id as application_id, action, from_status, to_status, comment, actor_label from case_events order by id`,
    );
    for (const app of apps) {
      let status = 'draft';
      for (const e of events.filter((x) => x.application_id === app.id)) {
        const tr = TRANSITIONS[e.action];
        expect(tr.from as readonly string[]).toContain(status);
        expect(e.from_status).toBe(status);
        expect(e.to_status).toBe(tr.to);
        expect(e.actor_label.length).toBeGreaterThan(0);
        if (tr.needsComment) {
          expect(e.comment).toBeTruthy();
        }
        status = e.to_status;
      }
      expect(status).toBe(app.status);
    }
  });

  it('when a submitted application is checked against its form version, then its data is complete and in the form shape', async () => {
    const apps = await rows<{ id: number; type: 'hnte'; status: string; data: unknown }>(sql`select id, type, status, data from ${APPS} ra where status <> 'draft'`);
    expect(apps.length).toBeGreaterThan(30);
    for (const app of apps) {
      const { spec } = await loadForm(t.deps.database.db, app.type, 1);
      // stored sealed (the contact phone encrypted), checked as the applicant sees it
      expect(app.data).not.toHaveProperty('profile.contactPhone');
      const data = openData(app.data, t.deps.pii, true);
      expect(applicationData.safeParse(data).success, `application ${app.id}`).toBe(true);
      expect(completenessIssues(data, spec), `application ${app.id}`).toEqual([]);
    }
  });

  it('when approved applications are read, then each has its 2016 certificate with a three-year validity', async () => {
    const approved = await rows<{ certificate_no: string | null; issued_on: string | null; valid_until: string | null }>(sql`
      select r.certificate_no, r.issued_on::text, r.valid_until::text from ${APPS} a left join recognitions r on r.application_id = a.id where a.status = 'approved'`);
    expect(approved.length).toBeGreaterThan(0);
    for (const r of approved) {
      expect(r.certificate_no).toMatch(/^GR20163301\d{5}$/);
      expect(Number(r.valid_until!.slice(0, 4)) - Number(r.issued_on!.slice(0, 4))).toBe(3);
    }
  });

  it('when the 2016 hnte approvals are read, then each went the live path: recommended after the notice, the provincial result recorded with its number', async () => {
    const approved = await rows<{ id: number; actions: string[]; result: string | null; result_doc_no: string | null; result_on: string | null; issued_on: string; linked: boolean; comment: string | null }>(sql`
      select a.id, array(select e.action from case_events e where e.case_id = a.id order by e.occurred_at, e.id) as actions,
             rr.result, rr.result_doc_no, rr.result_on::text, r.issued_on::text, rr.recognition_id = r.id as linked,
             (select e.comment from case_events e where e.case_id = a.id and e.action = 'record_recognised') as comment
      from ${APPS} a join recognitions r on r.application_id = a.id
      left join recognition_recommendations rr on rr.case_id = a.id
      where a.status = 'approved' and a.type = 'hnte' and a.year = 2016`);
    expect(approved.length).toBeGreaterThan(0);
    for (const a of approved) {
      expect(a.actions.slice(-3)).toEqual(['publish_notice', 'recommend', 'record_recognised']);
      expect(a.actions).not.toContain('approve');
      expect(a).toMatchObject({ result: 'recognised', linked: true, result_on: a.issued_on });
      expect(a.result_doc_no).toMatch(/^浙科发高〔2016〕\d+号$/);
      expect(a.comment).toContain(a.result_doc_no);
    }
  });

  it('when the demo expert signs in, then it is linked to its expert record and has a panel assignment to declare', async () => {
    const mine = await rows<{ name: string; status: string; app_status: string }>(sql`
      select x.name, m.status, a.status as app_status from users u join experts x on x.user_id = u.id
      join panel_members m on m.expert_id = x.id join ${APPS} a on a.id = m.case_id
      where u.username = 'expert'`);
    expect(mine.every((m) => m.name === DEMO_EXPERT_NAME)).toBe(true);
    expect(mine.some((m) => m.status === 'assigned' && m.app_status === 'expert_review')).toBe(true);
    const pool = await rows<{ category: string; n: number }>(sql`select category, count(*)::int as n from experts group by category`);
    const n = Object.fromEntries(pool.map((p) => [p.category, p.n]));
    expect(n.technical).toBeGreaterThanOrEqual(40);
    expect(n.finance).toBeGreaterThanOrEqual(8);
    expect(n.management).toBeGreaterThanOrEqual(5);
    const [draws] = await rows<{ missing: number }>(sql`
      select count(*)::int as missing from ${APPS} a where a.status in ('expert_review', 'scored', 'in_notice')
      and not exists (select 1 from panel_draws d where d.case_id = a.id)`);
    expect(draws.missing).toBe(0);
  });

  it('when the public notices are listed today, then the 2016 hnte notice is open with its items and one open objection', async () => {
    const today = chinaToday();
    const open = await rows<{ id: number; items: number; objections: number }>(sql`
      select n.id, (select count(*)::int from notice_items i where i.notice_id = n.id) as items,
             (select count(*)::int from objections o where o.notice_id = n.id and o.status = 'open') as objections
      from public_notices n where n.subject = 'hnte' and n.published_on <= ${today} and n.ends_on >= ${today}`);
    expect(open).toHaveLength(1);
    expect(open[0].items).toBe(5);
    expect(open[0].objections).toBe(1);
    const [inNotice] = await rows<{ n: number }>(sql`select count(*)::int as n from ${APPS} ra where status = 'in_notice' and notice_id = ${open[0].id}`);
    expect(inNotice.n).toBe(5);
  });

  it('when the notices are listed today, then one hnte notice has ended with 3 items awaiting the decision and no open objection', async () => {
    const today = chinaToday();
    const ended = await rows<{ id: number; waiting: number; objections: number }>(sql`
      select n.id,
             (select count(*)::int from ${APPS} a where a.notice_id = n.id and a.status = 'in_notice') as waiting,
             (select count(*)::int from objections o where o.notice_id = n.id and o.status = 'open') as objections
      from public_notices n where n.subject = 'hnte' and n.ends_on < ${today} and n.published_on > ${today}::date - 45`);
    expect(ended).toEqual([{ id: expect.any(Number), waiting: 3, objections: 0 }]);
  });

  it('when the 2016 calls are read, then hnte, tech SME and eagle are open today for the demo enterprise to apply', async () => {
    const today = chinaToday();
    const calls = await rows<{ type: string }>(sql`select type from calls where instrument = 'recognitions' and year = 2016 and opens_on <= ${today} and closes_on >= ${today}`);
    expect(calls.map((c) => c.type)).toEqual(expect.arrayContaining(['hnte', 'tech_sme', 'eagle']));
    const [closed2015] = await rows<{ n: number }>(sql`select count(*)::int as n from calls where instrument = 'recognitions' and year = 2015 and closes_on >= ${today}`);
    expect(closed2015.n).toBe(0);
  });

  it('when the audit chain is verified after the seed, then it is intact', async () => {
    const report = await verifyAuditChain({ db: t.deps.database.db });
    expect(report.intact).toBe(true);
  });
});
