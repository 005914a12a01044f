import { registerInstrument } from '../cases/index.js';

/** A fund manager's quarterly portfolio report as a case of the kernel: filed, reviewed by a city officer, returned or accepted. */
export const FUND_REPORTS = 'fund_reports';

export const fundReportsInstrument = registerInstrument({
  code: FUND_REPORTS,
  name: '基金季度投资报告',
  objectType: 'fund_report',
  types: { quarterly: '季度投资报告' },
  statuses: {
    draft: { name: '草稿', next: '基金管理人提交' },
    submitted: { name: '待审核', next: '市科委审核', stepDays: 10 },
    returned: { name: '退回修改', next: '基金管理人修改后重新提交', stepDays: 10 },
    accepted: { name: '已接受', next: null },
  },
  initialStatus: 'draft',
  transitions: {
    submit: { name: '提交报告', from: ['draft', 'returned'], to: 'submitted', roles: ['fund_manager'] },
    return: { name: '退回修改', from: ['submitted'], to: 'returned', roles: ['city_officer'], needsComment: true },
    accept: { name: '审核接受', from: ['submitted'], to: 'accepted', roles: ['city_officer'] },
  },
  href: (c) => `/funds/reports/${c.id}`,
});
