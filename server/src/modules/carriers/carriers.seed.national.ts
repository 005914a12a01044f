import { and, asc, eq, gte, isNull, notExists, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { carrierNationalCases, carrierRecognitions, carriers, caseEvents, cases } from '../../db/schema/index.js';
import { addDays } from '../calendar/index.js';
import { NATIONAL_BODY, NATIONAL_NAMES } from './national.js';

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
/** the 2016 round: recommended in July, 科技部's result not yet in on the demo date */
const PENDING_ON = '2016-07-08';

interface Subject {
  carrierId: number;
  kind: 'incubator' | 'makerspace';
  name: string;
  organizationId: number;
  districtId: number;
  recommendedOn: string;
  recommendDocNo: string;
  result: { recognitionId: number; docNo: string; on: string } | null;
}

/**
 * National status as the live path records it ("recommend, then record"): each national
 * recognition of 2015 is the result of a recommendation case (recommended about four months
 * earlier, the result recorded with 科技部's document number on the recognition date); three
 * recognised municipal carriers were recommended in July 2016 and wait for the result. Earlier
 * national recognitions (before the platform) stay records without a case.
 */
export async function seedNationalCases(tx: Tx, officer: { id: number; label: string }) {
  const recognised = await tx
    .select({ r: carrierRecognitions, c: carriers })
    .from(carrierRecognitions)
    .innerJoin(carriers, eq(carriers.id, carrierRecognitions.carrierId))
    .where(and(eq(carrierRecognitions.level, 'national'), gte(carrierRecognitions.recognisedOn, '2015-01-01')))
    .orderBy(asc(carrierRecognitions.recognisedOn), asc(carrierRecognitions.id));
  const municipalOn = async (carrierId: number) =>
    (await tx.select({ on: carrierRecognitions.recognisedOn }).from(carrierRecognitions).where(and(eq(carrierRecognitions.carrierId, carrierId), eq(carrierRecognitions.level, 'municipal'))))[0]?.on ?? null;
  const subjects: Subject[] = [];
  let letter = 31;
  for (const { r, c } of recognised) {
    const since = await municipalOn(c.id);
    const candidate = addDays(r.recognisedOn, -120);
    subjects.push({
      carrierId: c.id,
      kind: c.kind as Subject['kind'],
      name: c.name,
      organizationId: c.organizationId,
      districtId: c.districtId,
      recommendedOn: since && since > candidate ? since : candidate,
      recommendDocNo: `杭科高〔2015〕${letter++}号`,
      result: { recognitionId: r.id, docNo: r.reference, on: r.recognisedOn },
    });
  }
  const noNational = notExists(
    tx
      .select({ one: sql`1` })
      .from(carrierRecognitions)
      .where(and(eq(carrierRecognitions.carrierId, carriers.id), eq(carrierRecognitions.level, 'national'))),
  );
  for (const [kind, n] of [['incubator', 2], ['makerspace', 1]] as const) {
    const waiting = await tx
      .select({ c: carriers })
      .from(carriers)
      .innerJoin(carrierRecognitions, and(eq(carrierRecognitions.carrierId, carriers.id), eq(carrierRecognitions.level, 'municipal'), isNull(carrierRecognitions.revokedOn)))
      .where(and(eq(carriers.kind, kind), isNull(carriers.exitedOn), noNational, sql`${carrierRecognitions.recognisedOn} <= '2015-12-31'`))
      .orderBy(asc(carriers.id))
      .limit(n);
    for (const { c } of waiting) {
      subjects.push({ carrierId: c.id, kind, name: c.name, organizationId: c.organizationId, districtId: c.districtId, recommendedOn: PENDING_ON, recommendDocNo: `杭科高〔2016〕${letter++}号`, result: null });
    }
  }
  if (!subjects.length) {
    return [];
  }
  const rows = await tx
    .insert(cases)
    .values(
      subjects.map((s) => ({
        instrument: 'carrier_national',
        type: s.kind,
        year: Number(s.recommendedOn.slice(0, 4)),
        title: `推荐${s.name}为${NATIONAL_NAMES[s.kind]}`,
        organizationId: s.organizationId,
        districtId: s.districtId,
        status: s.result ? 'recognised' : 'recommended',
        createdBy: officer.id,
        decidedAt: s.result ? at(s.result.on, 16) : null,
        createdAt: at(s.recommendedOn, 10),
        updatedAt: at(s.result?.on ?? s.recommendedOn, 16),
      })),
    )
    .returning({ id: cases.id });
  const ids = rows.map((r) => r.id);
  await tx.insert(carrierNationalCases).values(
    subjects.map((s, i) => ({ id: ids[i], carrierId: s.carrierId, recommendedOn: s.recommendedOn, recommendDocNo: s.recommendDocNo, resultDocNo: s.result?.docNo ?? null, resultOn: s.result?.on ?? null, resultIssuer: s.result ? NATIONAL_BODY : null })),
  );
  await tx.insert(caseEvents).values(
    subjects.flatMap((s, i) => [
      { caseId: ids[i], action: 'create', fromStatus: null, toStatus: 'recommended', comment: `推荐上报（${s.recommendDocNo}）`, actorId: officer.id, actorLabel: officer.label, dueOn: null, occurredAt: at(s.recommendedOn, 10) },
      ...(s.result
        ? [{ caseId: ids[i], action: 'record_recognised', fromStatus: 'recommended', toStatus: 'recognised', comment: `${NATIONAL_BODY}认定（${s.result.docNo}，${s.result.on}）`, actorId: officer.id, actorLabel: officer.label, dueOn: null, occurredAt: at(s.result.on, 16) }]
        : []),
    ]),
  );
  for (const [i, s] of subjects.entries()) {
    if (s.result) {
      await tx.update(carrierRecognitions).set({ caseId: ids[i] }).where(eq(carrierRecognitions.id, s.result.recognitionId));
    }
  }
  return ids;
}
