import { describe, expect, it } from 'vitest';
// app.js imports every module, so every instrument is registered
import '../app.js';
import { HANGZHOU_DISTRICTS } from '../db/seed/districts.js';
import * as allocations from '../modules/allocations/allocations.schema.js';
import { MATCHING_LEVELS } from '../modules/allocations/matching.schema.js';
import * as awards from '../modules/awards/awards.schema.js';
import { BUILTIN_CALENDAR } from '../modules/calendar/calendar.data.js';
import { instruments } from '../modules/cases/instruments.js';
import * as carrierRules from '../modules/carriers/carriers.rules.js';
import { PARK_KIND_NAMES } from '../modules/carriers/carriers.service.js';
import { evaluateCriteria } from '../modules/carriers/criteria.js';
import { NATIONAL_NAMES } from '../modules/carriers/national.js';
import { STAT_LABELS } from '../modules/carriers/stats.service.js';
import { INDUSTRIES, SIZE_NAMES } from '../modules/enterprises/enterprises.schema.js';
import * as experts from '../modules/experts/experts.schema.js';
import { TOTAL_ITEM } from '../modules/experts/scoring.js';
import * as funds from '../modules/funds/funds.schema.js';
import { FLAG_NAMES as INDICATOR_FLAG_NAMES } from '../modules/indicators/indicators.export.js';
import { MODULE_NAMES } from '../modules/indicators/indicators.service.js';
import { NOTICE_STATE_NAMES } from '../modules/notices/notices.schema.js';
import { NOTICE_EVENT_NAMES, OBJECTION_STATUS_NAMES, OUTCOME_NAMES } from '../modules/notices/objections.service.js';
import { ORG_KIND_NAMES, ROLE_NAMES } from '../modules/orgs/orgs.policy.js';
import { PAYMENTS_INBOX } from '../modules/payments/payments.inbox.js';
import { DIRECTION_NAMES, STATUS_NAMES as PAYMENT_STATUS_NAMES } from '../modules/payments/payments.service.js';
import { CITATION_TYPE_NAMES, POLICY_STATUS_NAMES } from '../modules/policies/policies.schema.js';
import { ATTACHMENT_CODES as PROGRAMME_ATTACHMENTS } from '../modules/programmes/attachments.js';
import { BUDGET_CATEGORIES, KPI_KINDS } from '../modules/programmes/form.js';
import { PROJECT_TYPES } from '../modules/programmes/instrument.js';
import { DEFAULT_SCORE_ITEMS, SELECTION_NAMES } from '../modules/programmes/programmes.service.js';
import { RESULT_NAMES as ACCEPTANCE_RESULT_NAMES, acceptanceSheet } from '../modules/projects/acceptance-review.js';
import { IP_KIND_NAMES } from '../modules/recognitions/applications.form.js';
import { CERTIFICATE_TITLES } from '../modules/recognitions/certificate.js';
import { BUILTIN_FORMS } from '../modules/recognitions/forms.service.js';
import * as recognitionStatus from '../modules/recognitions/recognitions.status.js';
import { STATUS_LABELS as REGISTER_STATUS_LABELS } from '../modules/recognitions/register.service.js';
import { BUILTIN_CRITERIA } from '../modules/rules/rules.data.js';
import { RULE_SET_NAMES } from '../modules/rules/rules.params.js';
import * as subsidies from '../modules/subsidies/subsidies.schema.js';
import {
  AUCTION_PHASE_NAMES,
  CONTRACT_GROUP,
  CONTRACT_TYPE_NAMES,
  LISTING_STATUS_NAMES,
  REGISTRATION_STATUS_NAMES,
  TECH_DOMAINS,
} from '../modules/techmarket/techmarket.schema.js';
import { CLAIM_FILE_NAMES } from '../modules/vouchers/claim-files.service.js';
import * as vouchers from '../modules/vouchers/vouchers.schema.js';
import { NAMES_EN, NAMES_EN_PARTS } from './names-en.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
const values = (map: Readonly<Record<string, string | null | undefined>>) => Object.values(map).filter((v): v is string => typeof v === 'string');
const labels = (items: readonly { label?: string; name?: string; group?: string | null }[]) =>
  items.flatMap((i) => [i.label, i.name, i.group]).filter((v): v is string => typeof v === 'string');

/** Every name the server can produce from an instrument: its name, statuses (name, next), types and transitions (name, system label). */
function instrumentNames(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of instruments()) {
    out[`instrument ${d.name}`] = [
      d.name,
      ...Object.values(d.statuses).flatMap((s) => [s.name, s.next]),
      ...values(d.types),
      ...Object.values(d.transitions).flatMap((t) => [t.name, t.systemLabel]),
    ].filter((v): v is string => typeof v === 'string');
  }
  return out;
}

/** The name maps and built-in label lists the modules export, by source. */
const MAPS: Record<string, readonly string[]> = {
  'allocations PLAN_KINDS': values(allocations.PLAN_KINDS),
  'allocations PLAN_STATUSES': values(allocations.PLAN_STATUSES),
  'allocations MATCHING_LEVELS': values(MATCHING_LEVELS),
  'awards GRADES': values(awards.GRADES),
  'awards RECORD_GRADES': values(awards.RECORD_GRADES),
  'awards LEVELS': values(awards.LEVELS),
  'awards CATEGORIES': values(awards.CATEGORIES),
  'carriers KIND_NAMES': values(carrierRules.KIND_NAMES),
  'carriers LEVEL_NAMES': values(carrierRules.LEVEL_NAMES),
  'carriers GRADE_NAMES': values(carrierRules.GRADE_NAMES),
  'carriers SCORE_ITEMS': labels([...carrierRules.SCORE_ITEMS, ...carrierRules.PLATFORM_SCORE_ITEMS, ...carrierRules.PLATFORM_ACCEPTANCE_ITEMS]),
  'carriers PARK_KIND_NAMES': values(PARK_KIND_NAMES),
  'carriers NATIONAL_NAMES': values(NATIONAL_NAMES),
  'carriers STAT_LABELS': values(STAT_LABELS),
  'carriers evaluateCriteria': labels(
    evaluateCriteria('makerspace', { areaM2: 1, publicAreaM2: 2, firms: 0, mentors: 0, services: [] } as unknown as Parameters<typeof evaluateCriteria>[1]),
  ),
  'enterprises SIZE_NAMES': values(SIZE_NAMES),
  'enterprises INDUSTRIES': INDUSTRIES,
  'experts CATEGORY_NAMES': values(experts.CATEGORY_NAMES),
  'experts LINK_KIND_NAMES': values(experts.LINK_KIND_NAMES),
  'experts MEMBER_STATUS_NAMES': values(experts.MEMBER_STATUS_NAMES),
  'experts TOTAL_ITEM': labels([TOTAL_ITEM]),
  'funds PROGRAMME_NAMES': values(funds.PROGRAMME_NAMES),
  'funds FUND_STATUS_NAMES': values(funds.FUND_STATUS_NAMES),
  'funds MOVEMENT_KIND_NAMES': values(funds.MOVEMENT_KIND_NAMES),
  'funds MOVEMENT_STATUS_NAMES': values(funds.MOVEMENT_STATUS_NAMES),
  'funds INDUSTRIES, ROUNDS, EXIT_METHODS': [...funds.INDUSTRIES, ...funds.ROUNDS, ...funds.EXIT_METHODS].filter((v) => CJK.test(v)),
  'indicators FLAG_NAMES': values(INDICATOR_FLAG_NAMES),
  'indicators MODULE_NAMES': values(MODULE_NAMES),
  'notices NOTICE_EVENT_NAMES': values(NOTICE_EVENT_NAMES),
  'notices OUTCOME_NAMES': values(OUTCOME_NAMES),
  'notices NOTICE_STATE_NAMES': values(NOTICE_STATE_NAMES),
  'notices OBJECTION_STATUS_NAMES': values(OBJECTION_STATUS_NAMES),
  'orgs ORG_KIND_NAMES': values(ORG_KIND_NAMES),
  'orgs ROLE_NAMES': values(ROLE_NAMES),
  'payments STATUS_NAMES': values(PAYMENT_STATUS_NAMES),
  'payments DIRECTION_NAMES': values(DIRECTION_NAMES),
  'payments PAYMENTS_INBOX': [PAYMENTS_INBOX.instrumentName],
  'policies POLICY_STATUS_NAMES': values(POLICY_STATUS_NAMES),
  'policies CITATION_TYPE_NAMES': values(CITATION_TYPE_NAMES),
  'programmes ATTACHMENT_CODES': values(PROGRAMME_ATTACHMENTS),
  'programmes BUDGET_CATEGORIES': values(BUDGET_CATEGORIES),
  'programmes KPI_KINDS': labels(Object.values(KPI_KINDS)),
  'programmes PROJECT_TYPES': values(PROJECT_TYPES),
  'programmes SELECTION_NAMES': values(SELECTION_NAMES),
  'programmes DEFAULT_SCORE_ITEMS': labels(DEFAULT_SCORE_ITEMS),
  'projects RESULT_NAMES': values(ACCEPTANCE_RESULT_NAMES),
  'projects acceptanceSheet': labels(acceptanceSheet({ kpis: [] } as unknown as Parameters<typeof acceptanceSheet>[0]).items),
  'recognitions IP_KIND_NAMES': values(IP_KIND_NAMES),
  'recognitions CERTIFICATE_TITLES': values(CERTIFICATE_TITLES),
  'recognitions TYPE_NAMES': values(recognitionStatus.TYPE_NAMES),
  'recognitions STATUS_NAMES': values(recognitionStatus.STATUS_NAMES),
  'recognitions ACTION_NAMES': values(recognitionStatus.ACTION_NAMES),
  'recognitions NEXT_STEP': values(recognitionStatus.NEXT_STEP),
  'recognitions UPPER_BODY': values(recognitionStatus.UPPER_BODY),
  'recognitions STATUS_LABELS': values(REGISTER_STATUS_LABELS),
  'recognitions BUILTIN_FORMS': Object.values(BUILTIN_FORMS).flatMap((f) => labels(f.attachments)),
  'rules RULE_SET_NAMES': values(RULE_SET_NAMES),
  'rules BUILTIN_CRITERIA': BUILTIN_CRITERIA.flatMap(({ spec }) => [spec.name, ...labels(spec.requiredFields), ...labels(spec.thresholds), ...labels(spec.requiredAttachments)]),
  'subsidies PROGRAMME_NAMES': values(subsidies.PROGRAMME_NAMES),
  'subsidies ATTACHMENT_CODES': values(subsidies.ATTACHMENT_CODES),
  'subsidies GRADE_NAMES': values(subsidies.GRADE_NAMES),
  'techmarket CONTRACT_TYPE_NAMES': values(CONTRACT_TYPE_NAMES),
  'techmarket CONTRACT_GROUP': values(CONTRACT_GROUP),
  'techmarket TECH_DOMAINS': TECH_DOMAINS,
  'techmarket LISTING_STATUS_NAMES': values(LISTING_STATUS_NAMES),
  'techmarket REGISTRATION_STATUS_NAMES': values(REGISTRATION_STATUS_NAMES),
  'techmarket AUCTION_PHASE_NAMES': values(AUCTION_PHASE_NAMES),
  'vouchers CATEGORY_NAMES': values(vouchers.CATEGORY_NAMES),
  'vouchers FLAG_NAMES': values(vouchers.FLAG_NAMES),
  'vouchers POLICY_STATUS_NAMES': values(vouchers.POLICY_STATUS_NAMES),
  'vouchers PROVIDER_STATUS_NAMES': values(vouchers.PROVIDER_STATUS_NAMES),
  'vouchers BOOKING_STATUS_NAMES': values(vouchers.BOOKING_STATUS_NAMES),
  'vouchers CLAIM_STATUS_NAMES': values(vouchers.CLAIM_STATUS_NAMES),
  'vouchers SETTLEMENT_STATUS_NAMES': values(vouchers.SETTLEMENT_STATUS_NAMES),
  'vouchers FLAG_STATUS_NAMES': values(vouchers.FLAG_STATUS_NAMES),
  'vouchers MODE_NAMES': values(vouchers.MODE_NAMES),
  'vouchers CLAIM_FILE_NAMES': values(CLAIM_FILE_NAMES),
  'seed HANGZHOU_DISTRICTS': HANGZHOU_DISTRICTS.map((d) => d.name),
  'calendar BUILTIN_CALENDAR': BUILTIN_CALENDAR.flatMap((y) => [...y.holidays, ...y.workdays].map((d) => d.name)),
};

describe('NAMES_EN', () => {
  it('has an English for every instrument name, status, next step, type, action and system label', () => {
    const missing = Object.entries(instrumentNames()).flatMap(([source, names]) => names.filter((n) => !(n in NAMES_EN)).map((n) => `${source}: ${n}`));
    expect(missing).toEqual([]);
  });

  it('has an English for every name of the modules’ exported name maps and label lists', () => {
    for (const [source, names] of Object.entries(MAPS)) {expect(names.length, source).toBeGreaterThan(0);}
    const missing = Object.entries(MAPS).flatMap(([source, names]) => names.filter((n) => !(n in NAMES_EN)).map((n) => `${source}: ${n}`));
    expect([...new Set(missing)]).toEqual([]);
  });

  it('gives non-empty English, without Chinese characters, for Chinese keys', () => {
    const bad = Object.entries(NAMES_EN).filter(([zh, en]) => !CJK.test(zh) || en.trim() === '' || en !== en.trim() || CJK.test(en));
    expect(bad).toEqual([]);
  });

  it('gives a name the same English in every part of the catalogue', () => {
    const conflicts = NAMES_EN_PARTS.flatMap((part) => Object.entries(part).filter(([zh, en]) => NAMES_EN[zh] !== en)).map(([zh, en]) => `${zh}: ${en} ≠ ${NAMES_EN[zh]}`);
    expect(conflicts).toEqual([]);
  });
});
