import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';

/**
 * The bridge-loan detail of a case (instrument `bridge_loan`, 融资周转金): a short loan from the
 * revolving pool (ledger book bridge_loans) to repay a bank loan until the bank lends again.
 * Business dates throughout; the case's due date is the repayment date while the loan is out.
 */
export const bridgeLoans = pgTable(
  'bridge_loans',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    bank: text('bank').notNull(),
    /** the bank loan the bridge repays (contract number) */
    bankLoanNo: text('bank_loan_no').notNull(),
    requestedFen: bigint('requested_fen', { mode: 'number' }).notNull(),
    termDays: integer('term_days').notNull(),
    purpose: text('purpose'),
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    /** the daily fee rate of use (‰ per day), as the pool charges */
    feeRatePerMille: numeric('fee_rate_per_mille', { precision: 6, scale: 4 }),
    disbursedOn: date('disbursed_on', { mode: 'string' }),
    dueOn: date('due_on', { mode: 'string' }),
    repaidOn: date('repaid_on', { mode: 'string' }),
    repaidFen: bigint('repaid_fen', { mode: 'number' }),
    overdueDays: integer('overdue_days'),
  },
  (t) => [
    index('bridge_loans_disbursed_idx').on(t.disbursedOn),
    check('bridge_loans_amounts', sql`${t.requestedFen} > 0 and ${t.termDays} > 0 and ${t.termDays} <= 366 and (${t.approvedFen} is null or ${t.approvedFen} > 0)`),
    check('bridge_loans_dates', sql`(${t.disbursedOn} is null) = (${t.dueOn} is null) and (${t.repaidOn} is null or ${t.disbursedOn} is not null)`),
  ],
);

/**
 * The guarantee detail of a case (instrument `guarantee`; cases.type is `policy` 政策性担保 or
 * `zhubaodai` 助保贷): the guaranteed bank loan, the fee and its subsidy, and how it ended —
 * repaid, or defaulted and compensated (代偿) from the risk pool (ledger book guarantee_pool).
 */
export const guarantees = pgTable(
  'guarantees',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    bank: text('bank').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    termMonths: integer('term_months').notNull(),
    /** guarantee fee, percent of the amount per year */
    feeRate: numeric('fee_rate', { precision: 6, scale: 4 }).notNull(),
    feeFen: bigint('fee_fen', { mode: 'number' }),
    feeSubsidyFen: bigint('fee_subsidy_fen', { mode: 'number' }),
    /** business dates: the loan's start (the guarantee counts in its year) and end */
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    repaidOn: date('repaid_on', { mode: 'string' }),
    defaultedOn: date('defaulted_on', { mode: 'string' }),
    compensatedFen: bigint('compensated_fen', { mode: 'number' }),
    compensatedOn: date('compensated_on', { mode: 'string' }),
  },
  (t) => [
    index('guarantees_starts_idx').on(t.startsOn),
    check('guarantees_amounts', sql`${t.amountFen} > 0 and ${t.termMonths} between 1 and 60 and ${t.feeRate} >= 0 and ${t.feeRate} <= 10`),
    check('guarantees_fee_subsidy', sql`${t.feeSubsidyFen} is null or (${t.feeSubsidyFen} >= 0 and ${t.feeSubsidyFen} <= coalesce(${t.feeFen}, 0))`),
    check('guarantees_compensation', sql`${t.compensatedFen} is null or (${t.compensatedFen} > 0 and ${t.compensatedFen} <= ${t.amountFen})`),
  ],
);
