import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { RecognitionType } from '../../db/schema/index.js';
import { assessHnte, assessTechSme } from '../rules/index.js';
import { hnteInput, techSmeInput } from '../rules/index.js';
import { completenessIssues, ipCountsOf, netAssetsOf, type FieldIssueLike, type FormSpec, type IpKind } from './applications.form.js';

/** One condition of the self-assessment (same shape as the rule engines' conditions). */
export interface AssessedCondition {
  code: string;
  label: string;
  passed: boolean;
  status: 'passed' | 'failed' | 'pending' | 'waived';
  value: unknown;
  threshold: unknown;
  note: string | null;
}

export interface Assessment {
  type: RecognitionType;
  /** every field the form version requires is filled in */
  complete: boolean;
  /** what is missing or invalid (paths from data.) */
  issues: FieldIssueLike[];
  /** null while incomplete; for hnte false while the expert score is pending */
  eligible: boolean | null;
  pending: string[];
  conditions: AssessedCondition[];
  /** the engine's full answer (hnte: growth/bands, tech SME: score) */
  detail: unknown;
  assessedOn: string;
}

type Data = Record<string, unknown> & {
  profile?: Record<string, unknown>;
  financials?: Record<string, unknown>[];
  lastYear?: Record<string, unknown>;
  ipList?: { kind?: IpKind | null }[];
  conversions?: (number | null)[];
  direct?: Record<string, unknown>;
  fields?: Record<string, number | null>;
};

const PROFILE_KEYS = new Set(['registeredOn', 'domain', 'employees', 'stEmployees', 'majorIncident', 'registeredInChina', 'restrictedIndustry', 'seriousDishonesty']);

function mapIssues(err: z.ZodError, where: (path: (string | number)[]) => string): FieldIssueLike[] {
  return err.issues.map((i) => ({ field: where(i.path as (string | number)[]), message: i.message }));
}

const OPS: Record<FormSpec['thresholds'][number]['op'], (a: number, b: number) => boolean> = {
  gte: (a, b) => a >= b,
  gt: (a, b) => a > b,
  lte: (a, b) => a <= b,
  lt: (a, b) => a < b,
  eq: (a, b) => a === b,
};

/** The hnte engine's input from an application's data, before validation (self-assessment and expert scoring both read it so). */
export function hnteRawInput(raw: unknown, applicationDate: string, innovationScore: number | null): Record<string, unknown> {
  const data = (raw ?? {}) as Data;
  const profile = data.profile ?? {};
  return {
    applicationDate,
    registeredOn: profile.registeredOn,
    domain: profile.domain,
    employees: profile.employees,
    stEmployees: profile.stEmployees,
    years: (data.financials ?? []).map((y) => ({
      year: y.year,
      salesRevenue: y.salesRevenue,
      netAssets: typeof y.totalAssets === 'number' && typeof y.totalLiabilities === 'number' ? netAssetsOf({ totalAssets: y.totalAssets, totalLiabilities: y.totalLiabilities }) : undefined,
      rdExpenses: y.rdExpenses,
      rdDomestic: y.rdDomestic,
    })),
    lastYear: data.lastYear ?? {},
    ip: ipCountsOf(data.ipList ?? []),
    conversions: (data.conversions ?? []).filter((c): c is number => typeof c === 'number'),
    majorIncident: profile.majorIncident,
    innovationScore,
  };
}

/**
 * The self-assessment of an application's data on a date: hnte and tech SME by the rule engines
 * (rules in force on that date), the other types by the thresholds of their form's criteria.
 * Never throws for incomplete data: it says what is missing instead.
 */
export async function assessData(db: Executor, type: RecognitionType, spec: FormSpec, raw: unknown, on: string): Promise<Assessment> {
  const data = (raw ?? {}) as Data;
  const issues = completenessIssues(data, spec);
  const base = { type, issues, assessedOn: on };
  const incomplete = (more: FieldIssueLike[] = []): Assessment => ({ ...base, issues: [...issues, ...more], complete: false, eligible: null, pending: [], conditions: [], detail: null });
  const profile = data.profile ?? {};
  const financials = data.financials ?? [];

  if (type === 'hnte') {
    const parsed = hnteInput.safeParse(hnteRawInput(data, on, null));
    if (!parsed.success || issues.length) {
      const more = parsed.success
        ? []
        : mapIssues(parsed.error, ([head, ...rest]) => {
            if (head === 'years') {
              const [i, key] = rest;
              return `data.financials.${i}${key === 'netAssets' ? '.totalAssets' : key !== undefined ? `.${key}` : ''}`;
            }
            if (head === 'ip') {
              return 'data.ipList';
            }
            if (head === 'lastYear' || head === 'conversions') {
              return ['data', head, ...rest].join('.');
            }
            return PROFILE_KEYS.has(String(head)) ? `data.profile.${String(head)}` : String(head);
          }).filter((m) => !issues.some((i) => i.field === m.field));
      return incomplete(more);
    }
    const r = await assessHnte({ db, input: parsed.data });
    return { ...base, complete: true, eligible: r.eligible, pending: r.pending, conditions: r.conditions, detail: r };
  }

  if (type === 'tech_sme') {
    const last = financials.length - 1;
    const latest = financials[last] ?? {};
    const direct = data.direct ?? {};
    const parsed = techSmeInput.safeParse({
      evaluationDate: on,
      registeredInChina: profile.registeredInChina,
      employees: profile.employees,
      stEmployees: profile.stEmployees,
      salesRevenue: latest.salesRevenue,
      totalAssets: latest.totalAssets,
      rdExpenses: latest.rdExpenses,
      totalCostExpenses: latest.totalCostExpenses,
      ip: ipCountsOf(data.ipList ?? []),
      restrictedIndustry: profile.restrictedIndustry,
      majorIncident: profile.majorIncident,
      seriousDishonesty: profile.seriousDishonesty,
      direct: {
        validHnte: direct.validHnte === true,
        nationalAwardTop3: direct.nationalAwardTop3 === true,
        provincialRdInstitution: direct.provincialRdInstitution === true,
        ledStandard: direct.ledStandard === true,
      },
    });
    if (!parsed.success || issues.length) {
      const more = parsed.success
        ? []
        : mapIssues(parsed.error, ([head]) => {
            const key = String(head);
            if (PROFILE_KEYS.has(key)) {
              return `data.profile.${key}`;
            }
            if (key === 'ip') {
              return 'data.ipList';
            }
            return `data.financials.${Math.max(last, 0)}.${key}`;
          }).filter((m) => !issues.some((i) => i.field === m.field));
      return incomplete(more);
    }
    const r = await assessTechSme({ db, input: parsed.data });
    return { ...base, complete: true, eligible: r.eligible, pending: [], conditions: r.conditions, detail: r };
  }

  // criteria types: the thresholds of the form version over the type-specific fields
  const fields = data.fields ?? {};
  const conditions: AssessedCondition[] = spec.thresholds.map((t) => {
    const v = fields[t.field];
    const known = typeof v === 'number' && Number.isFinite(v);
    const passed = known && OPS[t.op](v, t.value);
    return { code: t.code, label: t.label, passed, status: known ? (passed ? 'passed' : 'failed') : 'pending', value: known ? v : null, threshold: t.value, note: null };
  });
  const complete = issues.length === 0;
  return {
    ...base,
    complete,
    eligible: complete ? conditions.every((c) => c.passed) : null,
    pending: conditions.filter((c) => c.status === 'pending').map((c) => c.code),
    conditions,
    detail: null,
  };
}
