import { and, eq, like, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { recognitions, type RecognitionType } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import { addYears, type CriteriaType } from '../rules/index.js';
import { listCriteria, ruleSetInForce } from '../rules/index.js';
import { appendTimeline } from '../timeline/index.js';
import { addDays } from '../calendar/index.js';
import { applyFlows } from './flows.js';
import { TYPE_NAMES } from './recognitions.status.js';

export type RecognitionRow = typeof recognitions.$inferSelect;

/** Certificate number prefixes: GR is the national hnte certificate's own; the others are the bureau's. */
export const CERTIFICATE_PREFIX: Record<RecognitionType, string> = {
  hnte: 'GR',
  tase: 'JX',
  municipal_hte: 'HZGX',
  tech_sme: 'KXZ',
  eagle: 'CY',
  qinglan: 'QL',
  rd_center_provincial: 'SYF',
  rd_center_municipal: 'HZYF',
  research_institute_provincial: 'SYJY',
  research_institute_provincial_key: 'SZDY',
  agri_enterprise: 'HZNK',
  agri_social_rd_center: 'HZNS',
  leading_team: 'LJTD',
};

/** The certificate number's serial part is per type and year: GR2016330100023. */
export async function nextCertificateNo(tx: Tx, type: RecognitionType, year: number): Promise<string> {
  const prefix = `${CERTIFICATE_PREFIX[type]}${year}3301`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'certificate:' + prefix}))`);
  const [row] = await tx
    .select({ n: sql<string | null>`max(substring(${recognitions.certificateNo} from ${prefix.length + 1}::int)::int)` })
    .from(recognitions)
    .where(and(eq(recognitions.type, type), like(recognitions.certificateNo, `${prefix}%`)));
  const next = Number(row?.n ?? 0) + 1;
  return `${prefix}${String(next).padStart(5, '0')}`;
}

/** validUntil of a recognition issued on a date: validityYears later, the day before (3 years from 2016-12-01 → 2019-11-30); null when it does not expire. */
export function validUntilFor(issuedOn: string, validityYears: number | null): string | null {
  return validityYears ? addDays(addYears(issuedOn, validityYears), -1) : null;
}

export interface IssueInput {
  type: RecognitionType;
  enterpriseId: number;
  districtId: number;
  applicationId: number | null;
  issuedOn: string;
  validityYears: number | null;
  /** the upper body's own certificate number (recorded results); the bureau's serial otherwise */
  certificateNo?: string;
}

/** Issues a recognition with its certificate number, in the caller's transaction: rollup, audit and timeline included. */
export async function issueRecognition(tx: Tx, ctx: RequestContext, input: IssueInput): Promise<RecognitionRow> {
  const certificateNo = input.certificateNo ?? (await nextCertificateNo(tx, input.type, Number(input.issuedOn.slice(0, 4))));
  const [row] = await tx
    .insert(recognitions)
    .values({
      type: input.type,
      enterpriseId: input.enterpriseId,
      districtId: input.districtId,
      applicationId: input.applicationId,
      certificateNo,
      issuedOn: input.issuedOn,
      validUntil: validUntilFor(input.issuedOn, input.validityYears),
    })
    .returning();
  await applyFlows(tx, [row], 1);
  await recordAudit(tx, ctx, { action: 'recognition.issue', objectType: 'recognition', objectId: row.id, after: row });
  await appendTimeline(tx, [
    {
      enterpriseId: row.enterpriseId,
      module: 'recognitions',
      kind: 'issued',
      title: `认定为${TYPE_NAMES[row.type]}（证书编号 ${row.certificateNo}${row.validUntil ? `，有效期至 ${row.validUntil}` : ''}）`,
      refType: 'recognition',
      refId: row.id,
    },
  ]);
  return row;
}

/**
 * How many years a recognition of this type issued on a date stays valid (null: until revoked):
 * hnte from its rule set (3 years, RULES.md §1); tech_sme none (Zhejiang's provincial S&T SME
 * register is kept by dynamic management: a firm stays on it until removed, see
 * docs/recognitions.md); the other types from the criteria in force on the date, or their
 * earliest version for dates before it.
 */
export async function validityYearsOf(db: Executor, type: RecognitionType, on: string): Promise<number | null> {
  if (type === 'tech_sme') {
    return null;
  }
  if (type === 'hnte') {
    const row = (await ruleSetInForce(db, 'hnte', on)) ?? (await ruleSetInForce(db, 'hnte', '9999-12-31'));
    const years = (row?.params as { validityYears?: number } | undefined)?.validityYears;
    return typeof years === 'number' ? years : 3;
  }
  const criteriaType = (type === 'research_institute_provincial_key' ? 'research_institute_provincial' : type) as CriteriaType;
  const rows = (await listCriteria(db)).filter((r) => r.type === criteriaType);
  const row = rows.filter((r) => r.effectiveFrom <= on).at(-1) ?? rows[0];
  const years = (row?.spec as { validityYears?: number | null } | undefined)?.validityYears;
  return typeof years === 'number' ? years : null;
}
