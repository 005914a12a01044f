import { registerInstrument } from '../cases/index.js';
import { defineBook } from '../ledger/index.js';

export const BRIDGE = 'bridge_loan';
export const GUARANTEE = 'guarantee';
export const BRIDGE_OBJECT = 'bridge_loan_case';
export const GUARANTEE_OBJECT = 'guarantee_case';

/**
 * The bridge-loan revolving pool (融资周转金): capital contributed to the pool (contra), the pool's
 * cash (never negative: the database refuses a disbursement it cannot cover, under any concurrency),
 * and what each loan (scope = case id) owes.
 */
export const BRIDGE_BOOK = defineBook({
  code: 'bridge_loans',
  name: '融资周转金资金池',
  accountKinds: {
    capital: { mayGoNegative: true, mayGoPositive: false },
    pool: {},
    loan: { owner: 'enterprise' },
    /** the turnover of loans lent and repaid before the platform (history, one movement pair a year) */
    settled: {},
  },
  movementKinds: ['fund', 'lend', 'repay'],
});

/**
 * Policy guarantees and 助保贷: the risk pool that compensates banks for defaulted loans (代偿,
 * scope = case id, never over-drawn), and the guarantee-fee subsidy budget paid to enterprises.
 */
export const GUARANTEE_BOOK = defineBook({
  code: 'guarantee_pool',
  name: '政策性担保风险池',
  accountKinds: {
    capital: { mayGoNegative: true, mayGoPositive: false },
    risk_pool: {},
    compensation: { owner: 'enterprise' },
    fee_budget: {},
    fee_subsidy: { owner: 'enterprise' },
    /** fee subsidies paid before the platform (history, one movement a year) */
    fee_subsidy_settled: {},
  },
  movementKinds: ['fund', 'compensate', 'recover', 'fee_subsidy'],
});

export const bridgeLoanInstrument = registerInstrument({
  code: BRIDGE,
  name: '融资周转金',
  objectType: BRIDGE_OBJECT,
  types: { bridge: '融资周转金' },
  statuses: {
    draft: { name: '草稿', next: '企业提交申请' },
    returned: { name: '退回修改', next: '企业修改后重新提交', stepDays: 5 },
    submitted: { name: '待区县审核', next: '区县科技局审核', stepDays: 3 },
    district_passed: { name: '待市级审批', next: '市科委审批', stepDays: 3 },
    approved: { name: '已批准待放款', next: '市科委从资金池放款', stepDays: 2 },
    disbursed: { name: '已放款待归还', next: '企业到期归还（市科委登记）' },
    repaid: { name: '已按期归还', next: null },
    repaid_late: { name: '逾期后归还', next: null },
    rejected: { name: '未获批准', next: null },
  },
  initialStatus: 'draft',
  transitions: {
    submit: { name: '提交申请', from: ['draft', 'returned'], to: 'submitted', roles: ['enterprise_user'] },
    district_pass: { name: '区县审核通过', from: ['submitted'], to: 'district_passed', roles: ['district_officer'] },
    district_return: { name: '区县退回修改', from: ['submitted'], to: 'returned', roles: ['district_officer'], needsComment: true },
    district_reject: { name: '区县审核不通过', from: ['submitted'], to: 'rejected', roles: ['district_officer'], needsComment: true },
    approve: { name: '批准使用周转金', from: ['district_passed'], to: 'approved', roles: ['city_officer'] },
    reject: { name: '不予批准', from: ['district_passed'], to: 'rejected', roles: ['city_officer'], needsComment: true },
    disburse: { name: '放款', from: ['approved'], to: 'disbursed', roles: ['city_officer'] },
    repay: { name: '登记按期归还', from: ['disbursed'], to: 'repaid', roles: ['city_officer'] },
    repay_late: { name: '登记逾期归还', from: ['disbursed'], to: 'repaid_late', roles: ['city_officer'] },
  },
  href: (c) => `/loans/bridge/${c.id}`,
});

export const guaranteeInstrument = registerInstrument({
  code: GUARANTEE,
  name: '政策性担保与助保贷',
  objectType: GUARANTEE_OBJECT,
  types: { policy: '政策性担保', zhubaodai: '助保贷' },
  statuses: {
    draft: { name: '草稿', next: '企业提交申请' },
    returned: { name: '退回修改', next: '企业修改后重新提交', stepDays: 5 },
    submitted: { name: '待区县审核', next: '区县科技局审核', stepDays: 5 },
    district_passed: { name: '待市级审批', next: '市科委审批担保', stepDays: 5 },
    guaranteed: { name: '在保', next: '贷款到期解保或逾期代偿' },
    released: { name: '已解保', next: null },
    defaulted: { name: '逾期待代偿', next: '市科委从风险池代偿', stepDays: 10 },
    compensated: { name: '已代偿', next: null },
    rejected: { name: '未获批准', next: null },
  },
  initialStatus: 'draft',
  transitions: {
    submit: { name: '提交申请', from: ['draft', 'returned'], to: 'submitted', roles: ['enterprise_user'] },
    district_pass: { name: '区县审核通过', from: ['submitted'], to: 'district_passed', roles: ['district_officer'] },
    district_return: { name: '区县退回修改', from: ['submitted'], to: 'returned', roles: ['district_officer'], needsComment: true },
    district_reject: { name: '区县审核不通过', from: ['submitted'], to: 'rejected', roles: ['district_officer'], needsComment: true },
    approve: { name: '批准担保（贷款发放）', from: ['district_passed'], to: 'guaranteed', roles: ['city_officer'] },
    reject: { name: '不予担保', from: ['district_passed'], to: 'rejected', roles: ['city_officer'], needsComment: true },
    release: { name: '到期还款解保', from: ['guaranteed'], to: 'released', roles: ['city_officer'] },
    default: { name: '登记逾期违约', from: ['guaranteed'], to: 'defaulted', roles: ['city_officer'], needsComment: true },
    compensate: { name: '风险池代偿', from: ['defaulted'], to: 'compensated', roles: ['city_officer'] },
  },
  href: (c) => `/loans/guarantees/${c.id}`,
});
