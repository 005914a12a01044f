import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { districts, enterprises, organizations, users, RECOGNITION_TYPES, type RecognitionType } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import type { PiiCipher } from '../../lib/pii.js';
import { createRandom } from '../../lib/random.js';
import { recordAuditMany } from '../audit/index.js';
import { addDays } from '../calendar/index.js';
import { businessToday } from '../../lib/clock.js';
import { applyFlows } from './flows.js';
import { ensureForms } from './forms.service.js';
import { TYPE_NAMES } from './recognitions.status.js';
import { numberCertificates, planHistory } from './recognitions.seed.history.js';
import { seedWorkflow, type People } from './recognitions.seed.workflow.js';
import { validityYearsOf } from './register.js';

export { TARGETS_2015, FIGURES_DAY } from './recognitions.seed.history.js';
export { DEMO_EXPERT_NAME } from './recognitions.seed.experts.js';

const CHUNK = 2000;

/** The rows of tx.execute on either driver (PGlite: { rows }, postgres-js: the array itself). */
const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []));
const chinaMorning = (day: string) => new Date(`${day}T09:00:00+08:00`);

/**
 * The recognitions demo: the historical register 2011–2015 calibrated to the 2015 figures
 * (TARGETS_2015) with expiries and revocations, the version-1 forms, the 2015/2016 calls, the
 * expert pool, and the 2016 applications in every workflow state (recognitions.seed.workflow.ts).
 * Every recognition goes into the recognition_flows rollup (one applyFlows call), is audited
 * (one row each) and appears on its enterprise's timeline; expiries that have passed are recorded
 * as the expiry job would (timeline, audit, expiry_recorded_at).
 */
export async function seedRecognitions(opts: { tx: Tx; ctx: RequestContext; pii: PiiCipher }): Promise<{ recognitions: number; applications: number }> {
  const { tx, ctx } = opts;
  const rnd = createRandom(2016_0301);
  await ensureForms(tx);

  const ds = await tx.select().from(districts);
  const ents = await tx
    .select({ id: enterprises.id, name: enterprises.name, districtId: enterprises.districtId, registeredOn: enterprises.registeredOn, industry: enterprises.industry, contactName: enterprises.contactName, employees: enterprises.employees })
    .from(enterprises)
    .orderBy(asc(enterprises.id));
  const userRows = await tx
    .select({ id: users.id, username: users.username, displayName: users.displayName, org: organizations.name, districtId: organizations.districtId, enterpriseId: organizations.enterpriseId })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId));
  const user = (username: string) => userRows.find((u) => u.username === username)!;
  const asActor = (username: string) => ({ id: user(username).id, label: `${user(username).displayName}（${user(username).org}）` });
  const demoEnterpriseId = user('enterprise').enterpriseId!;
  const people: People = {
    enterpriseUser: asActor('enterprise'),
    officer: asActor('officer'),
    expertUserId: user('expert').id,
    districtOfficers: new Map(['xihu', 'binjiang'].map((u) => [user(u).districtId!, asActor(u)])),
    districtNames: new Map(ds.map((d) => [d.id, d.name])),
  };

  // validity per type and year, as the register decides it
  const validity = new Map<string, number | null>();
  for (const type of RECOGNITION_TYPES) {
    for (let y = 2011; y <= 2016; y++) {
      validity.set(`${type}|${y}`, await validityYearsOf(tx, type, `${y}-06-30`));
    }
  }
  const validityOf = (type: RecognitionType, year: number) => validity.get(`${type}|${year}`) ?? null;

  const history = planHistory({ rnd, enterprises: ents, validity: validityOf, demoEnterpriseId, revokedBy: people.officer.id });
  const xihu = ds.find((d) => d.code === '330106')!.id;
  const binjiang = ds.find((d) => d.code === '330108')!.id;
  const { granted, applications } = await seedWorkflow({
    tx,
    ctx,
    pii: opts.pii,
    rnd,
    people,
    applicants: { all: ents, demo: ents.find((e) => e.id === demoEnterpriseId)!, xihuId: xihu, binjiangId: binjiang },
    history,
    validity: validityOf,
  });

  // ── the register: bulk inserts through jsonb_to_recordset (one parameter per chunk) ──
  const rows = numberCertificates([...history, ...granted]);
  const today = businessToday();
  const seededAt = new Date().toISOString();
  const inserted: { id: number; certificateNo: string }[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => ({
      type: r.type,
      enterprise_id: r.enterpriseId,
      district_id: r.districtId,
      application_id: r.applicationId,
      certificate_no: r.certificateNo,
      issued_on: r.issuedOn,
      valid_until: r.validUntil,
      revoked_on: r.revokedOn,
      revoke_reason: r.revokeReason,
      revoked_by: r.revokedBy,
      // an expiry that has passed is recorded below, as the expiry job would have
      expiry_recorded_at: r.validUntil && r.validUntil < today ? seededAt : null,
      created_at: chinaMorning(r.issuedOn).toISOString(),
    }));
    const out = await tx.execute(sql`
      insert into recognitions (type, enterprise_id, district_id, application_id, certificate_no, issued_on, valid_until, revoked_on, revoke_reason, revoked_by, expiry_recorded_at, created_at)
      select type, enterprise_id, district_id, application_id, certificate_no, issued_on, valid_until, revoked_on, revoke_reason, revoked_by, expiry_recorded_at, created_at
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(type text, enterprise_id int, district_id int, application_id int, certificate_no text, issued_on date, valid_until date, revoked_on date, revoke_reason text, revoked_by int, expiry_recorded_at timestamptz, created_at timestamptz)
      returning id, certificate_no`);
    const ids = rowsOf<{ id: number; certificate_no: string }>(out).map((o) => ({ id: Number(o.id), certificateNo: o.certificate_no }));
    inserted.push(...ids);
    // one audit row per chunk listing its recognitions: one row per recognition (~18,500 chained
    // rows) measured ~9 s of the first start on PGlite under load, this one ~0.1 s
    await recordAuditMany(tx, ctx, [
      {
        action: 'recognition.seed_import',
        objectType: 'recognition_import',
        objectId: `${ids[0].id}-${ids[ids.length - 1].id}`,
        after: { count: ids.length, source: '历史认定数据（2011—2016年）导入', recognitions: ids.map((x) => [x.id, x.certificateNo]) },
      },
    ]);
  }
  const idOf = new Map(inserted.map((x) => [x.certificateNo, x.id]));
  // the recorded upper-body results point at the recognitions they issued (as recordResult links them)
  await tx.execute(sql`
    update recognition_recommendations rr set recognition_id = r.id
    from recognitions r where r.application_id = rr.case_id and rr.result = 'recognised' and rr.recognition_id is null`);
  const timeline: Record<string, unknown>[] = [];
  const entry = (r: (typeof rows)[number], kind: string, title: string, occurredAt: Date) =>
    timeline.push({ enterprise_id: r.enterpriseId, occurred_at: occurredAt.toISOString(), module: 'recognitions', kind, title, ref_type: 'recognition', ref_id: String(idOf.get(r.certificateNo)) });
  for (const r of rows) {
    entry(r, 'issued', `认定为${TYPE_NAMES[r.type]}（证书编号 ${r.certificateNo}${r.validUntil ? `，有效期至 ${r.validUntil}` : ''}）`, chinaMorning(r.issuedOn));
    if (r.revokedOn) {
      entry(r, 'revoked', `撤销${TYPE_NAMES[r.type]}认定（证书编号 ${r.certificateNo}），自 ${r.revokedOn} 起失效。原因：${r.revokeReason}`, chinaMorning(r.revokedOn));
    } else if (r.validUntil && r.validUntil < today) {
      entry(r, 'expired', `${TYPE_NAMES[r.type]}认定有效期届满（证书编号 ${r.certificateNo}，有效期至 ${r.validUntil}）`, new Date(`${addDays(r.validUntil, 1)}T00:00:00+08:00`));
    }
  }
  for (let j = 0; j < timeline.length; j += 2 * CHUNK) {
    await tx.execute(sql`
      insert into timeline_events (enterprise_id, occurred_at, module, kind, title, ref_type, ref_id)
      select enterprise_id, occurred_at, module, kind, title, ref_type, ref_id
      from jsonb_to_recordset(${JSON.stringify(timeline.slice(j, j + 2 * CHUNK))}::jsonb) as x(enterprise_id int, occurred_at timestamptz, module text, kind text, title text, ref_type text, ref_id text)`);
  }
  await applyFlows(tx, rows, 1);
  return { recognitions: rows.length, applications };
}
