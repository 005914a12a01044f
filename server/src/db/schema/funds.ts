import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { enterprises } from './enterprises.js';
import { ledgerMovements } from './ledger.js';
import { districts, organizations, users } from './orgs.js';

/** The bureau's two fund programmes: 创投引导基金 and 蒲公英天使投资引导基金. */
export const FUND_PROGRAMMES = ['guidance', 'angel'] as const;
export type FundProgramme = (typeof FUND_PROGRAMMES)[number];
/** 设立中 / 存续 / 退出 */
export const FUND_STATUSES = ['setting_up', 'active', 'exited'] as const;
export type FundStatus = (typeof FUND_STATUSES)[number];
/** 实缴出资 (capital call) / 分配或退出回款 (distribution) */
export const FUND_MOVEMENT_KINDS = ['call', 'distribution'] as const;
export type FundMovementKind = (typeof FUND_MOVEMENT_KINDS)[number];
export const FUND_MOVEMENT_STATUSES = ['pending', 'posted', 'rejected'] as const;
export type FundMovementStatus = (typeof FUND_MOVEMENT_STATUSES)[number];

/** A partner fund (合作基金) in which the bureau takes stage equity (阶段参股), run by a fund-management organisation. */
export const partnerFunds = pgTable(
  'partner_funds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programme: text('programme').$type<FundProgramme>().notNull(),
    name: text('name').notNull(),
    managerOrgId: integer('manager_org_id')
      .notNull()
      .references(() => organizations.id),
    /** the fund entity's registration (统一社会信用代码 or 备案编码) */
    registrationNo: text('registration_no'),
    districtId: integer('district_id').references(() => districts.id),
    /** 认缴规模 */
    scaleFen: bigint('scale_fen', { mode: 'number' }).notNull(),
    /** the bureau's stage-equity commitment (引导基金认缴出资) */
    commitmentFen: bigint('commitment_fen', { mode: 'number' }).notNull(),
    setUpOn: date('set_up_on', { mode: 'string' }).notNull(),
    status: text('status').$type<FundStatus>().notNull(),
    exitedOn: date('exited_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('partner_funds_name_uq').on(t.name),
    unique('partner_funds_registration_uq').on(t.registrationNo),
    index('partner_funds_programme_idx').on(t.programme, t.setUpOn),
    index('partner_funds_manager_idx').on(t.managerOrgId),
    check('partner_funds_programme_check', sql`${t.programme} in ('guidance','angel')`),
    check('partner_funds_status_check', sql`${t.status} in ('setting_up','active','exited')`),
    check('partner_funds_amounts', sql`${t.scaleFen} > 0 and ${t.commitmentFen} > 0 and ${t.commitmentFen} <= ${t.scaleFen}`),
    check('partner_funds_exit', sql`(${t.status} = 'exited') = (${t.exitedOn} is not null) and (${t.exitedOn} is null or ${t.exitedOn} >= ${t.setUpOn})`),
  ],
);

/**
 * A request to move the bureau's money for a partner fund (a capital call or a distribution received),
 * made by one officer and posted on the ledger only when another officer approves it (maker-checker).
 */
export const fundMovements = pgTable(
  'fund_movements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fundId: integer('fund_id')
      .notNull()
      .references(() => partnerFunds.id),
    kind: text('kind').$type<FundMovementKind>().notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    valueDate: date('value_date', { mode: 'string' }).notNull(),
    memo: text('memo'),
    status: text('status').$type<FundMovementStatus>().notNull(),
    requestedBy: integer('requested_by').references(() => users.id),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewComment: text('review_comment'),
    ledgerMovementId: bigint('ledger_movement_id', { mode: 'number' }).references(() => ledgerMovements.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    index('fund_movements_fund_idx').on(t.fundId, t.id),
    index('fund_movements_status_idx').on(t.status, t.id),
    check('fund_movements_kind_check', sql`${t.kind} in ('call','distribution')`),
    check('fund_movements_status_check', sql`${t.status} in ('pending','posted','rejected')`),
    check('fund_movements_amount', sql`${t.amountFen} > 0`),
    check('fund_movements_four_eyes', sql`${t.requestedBy} is null or ${t.reviewedBy} is null or ${t.requestedBy} <> ${t.reviewedBy}`),
    check('fund_movements_posted', sql`(${t.status} = 'posted') = (${t.ledgerMovementId} is not null)`),
  ],
);

/** A fund manager's quarterly portfolio report: the detail of a case of instrument `fund_reports`. */
export const fundReports = pgTable(
  'fund_reports',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    fundId: integer('fund_id')
      .notNull()
      .references(() => partnerFunds.id),
    year: smallint('year').notNull(),
    quarter: smallint('quarter').notNull(),
    /** the fund's net asset value at the quarter's end (the manager's valuation) */
    navFen: bigint('nav_fen', { mode: 'number' }),
    note: text('note'),
  },
  (t) => [unique('fund_reports_fund_quarter_uq').on(t.fundId, t.year, t.quarter), check('fund_reports_quarter', sql`${t.quarter} between 1 and 4`)],
);

/** One investment reported in a quarter (accepted ones count in the indicators and go on the enterprise's timeline). */
export const fundInvestments = pgTable(
  'fund_investments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => fundReports.id),
    fundId: integer('fund_id')
      .notNull()
      .references(() => partnerFunds.id),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    companyName: text('company_name').notNull(),
    uscc: text('uscc'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    round: text('round').notNull(),
    investedOn: date('invested_on', { mode: 'string' }).notNull(),
    districtId: integer('district_id').references(() => districts.id),
    industry: text('industry').notNull(),
  },
  (t) => [
    unique('fund_investments_once').on(t.fundId, t.companyName, t.round, t.investedOn),
    index('fund_investments_report_idx').on(t.reportId),
    index('fund_investments_date_idx').on(t.investedOn),
    index('fund_investments_enterprise_idx').on(t.enterpriseId),
    check('fund_investments_amount', sql`${t.amountFen} > 0`),
  ],
);

/** The manager's valuation of one holding at the quarter's end. */
export const fundValuations = pgTable(
  'fund_valuations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => fundReports.id),
    companyName: text('company_name').notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
  },
  (t) => [unique('fund_valuations_once').on(t.reportId, t.companyName), check('fund_valuations_value', sql`${t.valueFen} > 0`)],
);

/** An exit from a holding during the quarter. */
export const fundExits = pgTable(
  'fund_exits',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => fundReports.id),
    companyName: text('company_name').notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    exitedOn: date('exited_on', { mode: 'string' }).notNull(),
    method: text('method').notNull(),
    proceedsFen: bigint('proceeds_fen', { mode: 'number' }).notNull(),
  },
  (t) => [unique('fund_exits_once').on(t.reportId, t.companyName), check('fund_exits_proceeds', sql`${t.proceedsFen} > 0`)],
);

/** An overseas project invested by the Silicon Valley incubator and fund (杭州美国硅谷孵化器), and its return to Hangzhou. */
export const overseasProjects = pgTable(
  'overseas_projects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    country: text('country').notNull(),
    city: text('city'),
    field: text('field').notNull(),
    investedOn: date('invested_on', { mode: 'string' }).notNull(),
    /** the incubator fund's investment (yuan equivalent at the investment date) */
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    returnedOn: date('returned_on', { mode: 'string' }),
    /** the Hangzhou company it became, linked to the registry when registered */
    returnedEnterpriseId: integer('returned_enterprise_id').references(() => enterprises.id),
    returnedName: text('returned_name'),
    returnedDistrictId: integer('returned_district_id').references(() => districts.id),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('overseas_projects_name_uq').on(t.name),
    index('overseas_projects_invested_idx').on(t.investedOn),
    check('overseas_projects_amount', sql`${t.amountFen} > 0`),
    check('overseas_projects_return', sql`${t.returnedOn} is null or (${t.returnedOn} >= ${t.investedOn} and ${t.returnedName} is not null)`),
  ],
);
