import { registerInstrument } from '../cases/index.js';
import { defineBook } from '../ledger/index.js';

export const INSTRUMENT = 'interest_subsidy';
export const OBJECT_TYPE = 'interest_subsidy_case';

/**
 * The subsidy money (ledger book `interest_subsidies`): the year's appropriation funds the budget
 * (scope = the year), an approval commits the amount to the case (scope = case id), the payments
 * kernel moves it from committed to the enterprise's paid account.
 */
export const SUBSIDY_BOOK = defineBook({
  code: 'interest_subsidies',
  name: '雏鹰青蓝贷款贴息资金',
  accountKinds: {
    appropriation: { mayGoNegative: true, mayGoPositive: false },
    budget: {},
    committed: {},
    paid: { owner: 'enterprise' },
  },
  movementKinds: ['fund', 'commit', 'release', 'pay', 'clawback'],
});

export const interestSubsidyInstrument = registerInstrument({
  code: INSTRUMENT,
  name: '雏鹰青蓝贷款贴息',
  objectType: OBJECT_TYPE,
  types: { eagle: '雏鹰计划贷款贴息', qinglan: '青蓝计划贷款贴息' },
  statuses: {
    draft: { name: '草稿', next: '企业上传借款合同和利息凭证后提交' },
    returned: { name: '退回修改', next: '企业修改后重新提交', stepDays: 10 },
    submitted: { name: '待区县审核', next: '区县科技局审核', stepDays: 10 },
    district_passed: { name: '待市级核定', next: '市科委核定贴息金额', stepDays: 10 },
    approved: { name: '已核定待拨付', next: '计划财务处拨付', stepDays: 15 },
    paid: { name: '已拨付', next: null },
    rejected: { name: '不予贴息', next: null },
  },
  initialStatus: 'draft',
  transitions: {
    submit: { name: '提交申请', from: ['draft', 'returned'], to: 'submitted', roles: ['enterprise_user'] },
    district_pass: { name: '区县审核通过', from: ['submitted'], to: 'district_passed', roles: ['district_officer'] },
    district_return: { name: '区县退回修改', from: ['submitted'], to: 'returned', roles: ['district_officer'], needsComment: true },
    district_reject: { name: '区县审核不通过', from: ['submitted'], to: 'rejected', roles: ['district_officer'], needsComment: true },
    city_approve: { name: '核定贴息金额', from: ['district_passed'], to: 'approved', roles: ['city_officer'] },
    city_return: { name: '市级退回修改', from: ['district_passed'], to: 'returned', roles: ['city_officer'], needsComment: true },
    city_reject: { name: '不予贴息', from: ['district_passed'], to: 'rejected', roles: ['city_officer'], needsComment: true },
    paid: { name: '贴息资金到账', from: ['approved'], to: 'paid', roles: [], bySystem: true, systemLabel: '计划财务处' },
  },
  href: (c) => `/subsidies/applications/${c.id}`,
});
