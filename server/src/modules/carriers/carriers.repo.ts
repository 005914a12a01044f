import { and, asc, desc, eq, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { carrierApplications, carrierAssessments, carrierFirms, carrierRecognitions, carriers, cases, districts, organizations, parks } from '../../db/schema/index.js';

/** A carrier's row with its district, park and operator names, and the dates of its live recognitions. */
export const summaryColumns = {
  id: carriers.id,
  kind: carriers.kind,
  name: carriers.name,
  districtId: carriers.districtId,
  districtName: districts.name,
  parkId: carriers.parkId,
  parkName: parks.name,
  areaM2: carriers.areaM2,
  operatorName: organizations.name,
  organizationId: carriers.organizationId,
  address: carriers.address,
  services: carriers.services,
  exitedOn: carriers.exitedOn,
  municipalSince: sql<string | null>`(select min(r.recognised_on)::text from carrier_recognitions r where r.carrier_id = ${carriers.id} and r.level = 'municipal' and r.revoked_on is null)`,
  nationalSince: sql<string | null>`(select min(r.recognised_on)::text from carrier_recognitions r where r.carrier_id = ${carriers.id} and r.level = 'national' and r.revoked_on is null)`,
  municipalReference: sql<string | null>`(select min(r.reference) from carrier_recognitions r where r.carrier_id = ${carriers.id} and r.level = 'municipal' and r.revoked_on is null)`,
  nationalReference: sql<string | null>`(select min(r.reference) from carrier_recognitions r where r.carrier_id = ${carriers.id} and r.level = 'national' and r.revoked_on is null)`,
};

export async function listCarriers(db: Executor, where: (SQL | undefined)[], limit = 500) {
  return db
    .select(summaryColumns)
    .from(carriers)
    .innerJoin(districts, eq(districts.id, carriers.districtId))
    .innerJoin(organizations, eq(organizations.id, carriers.organizationId))
    .leftJoin(parks, eq(parks.id, carriers.parkId))
    .where(and(...where))
    .orderBy(asc(districts.sortOrder), asc(carriers.kind), asc(carriers.id))
    .limit(limit);
}

export const nameLike = (q: string) => ilike(carriers.name, `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);

/** Carriers holding a live recognition (the public list). */
export const recognisedNow = sql`exists (select 1 from carrier_recognitions r where r.carrier_id = ${carriers.id} and r.revoked_on is null)`;

export async function findCarrier(db: Executor, id: number, forUpdate = false) {
  const q = db.select().from(carriers).where(eq(carriers.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function carrierSummary(db: Executor, id: number) {
  const [row] = await listCarriers(db, [eq(carriers.id, id)], 1);
  return row;
}

export async function recognitionsOf(db: Executor, carrierId: number) {
  return db.select().from(carrierRecognitions).where(eq(carrierRecognitions.carrierId, carrierId)).orderBy(asc(carrierRecognitions.recognisedOn), asc(carrierRecognitions.id));
}

export async function firmCounts(db: Executor, carrierId: number) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      graduated: sql<number>`count(*) filter (where ${carrierFirms.graduatedOn} is not null)::int`,
      exited: sql<number>`count(*) filter (where ${carrierFirms.exitedOn} is not null)::int`,
    })
    .from(carrierFirms)
    .where(eq(carrierFirms.carrierId, carrierId));
  return { ...row, inIncubation: row.total - row.graduated - row.exited };
}

export async function firmsOf(db: Executor, carrierId: number) {
  return db.select().from(carrierFirms).where(eq(carrierFirms.carrierId, carrierId)).orderBy(desc(carrierFirms.enteredOn), desc(carrierFirms.id)).limit(2000);
}

export async function casesOfCarrier(db: Executor, carrierId: number) {
  const apps = await db
    .select({ id: cases.id, year: cases.year, status: cases.status, instrument: cases.instrument, certificateNo: carrierApplications.certificateNo })
    .from(carrierApplications)
    .innerJoin(cases, eq(cases.id, carrierApplications.id))
    .where(eq(carrierApplications.carrierId, carrierId))
    .orderBy(desc(cases.id));
  const stats = await db
    .select({ id: cases.id, year: cases.year, status: cases.status, instrument: cases.instrument })
    .from(cases)
    .where(and(eq(cases.instrument, 'carrier_stats'), sql`${cases.id} in (select id from carrier_stats where carrier_id = ${carrierId})`))
    .orderBy(desc(cases.year));
  return { apps, stats };
}

export async function assessmentsWhere(db: Executor, where: SQL | undefined) {
  return db
    .select({ a: carrierAssessments, carrierName: carriers.name, exitedOn: carriers.exitedOn })
    .from(carrierAssessments)
    .innerJoin(carriers, eq(carriers.id, carrierAssessments.carrierId))
    .where(where)
    .orderBy(desc(carrierAssessments.year), asc(carrierAssessments.carrierId))
    .limit(1000);
}

export async function listParks(db: Executor) {
  return db
    .select({ id: parks.id, code: parks.code, name: parks.name, kind: parks.kind, districtId: parks.districtId, districtName: districts.name })
    .from(parks)
    .leftJoin(districts, eq(districts.id, parks.districtId))
    .orderBy(asc(parks.sortOrder), asc(parks.id));
}

export async function parkExists(db: Executor, id: number) {
  const [row] = await db.select({ id: parks.id }).from(parks).where(eq(parks.id, id));
  return Boolean(row);
}

export async function districtExists(db: Executor, id: number) {
  const [row] = await db.select({ id: districts.id }).from(districts).where(eq(districts.id, id));
  return Boolean(row);
}

export async function liveMunicipal(db: Executor, carrierId: number) {
  return db
    .select({ id: carrierRecognitions.id })
    .from(carrierRecognitions)
    .where(and(eq(carrierRecognitions.carrierId, carrierId), eq(carrierRecognitions.level, 'municipal'), isNull(carrierRecognitions.revokedOn)));
}

