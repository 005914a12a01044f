import { registerInstrument } from '../cases/index.js';

export const INSTRUMENT = 'supervision';

/**
 * Supervision after recognition (instrument `supervision`): a spot-check finding opens a case —
 * rectification (限期整改: the enterprise reports, the bureau accepts or returns it) or revocation
 * (拟撤销 → 撤销认定 through the recognitions module, or dropped with a reason).
 */
export const supervisionInstrument = registerInstrument({
  code: INSTRUMENT,
  name: '认定后监管',
  objectType: 'supervision_case',
  types: { rectification: '限期整改', revocation: '撤销认定' },
  statuses: {
    opened: { name: '已立案', next: '市科委下达处理意见' },
    rectifying: { name: '整改中', next: '企业提交整改报告', stepDays: 20 },
    reported: { name: '整改报告待复核', next: '市科委复核整改情况', stepDays: 10 },
    rectified: { name: '整改完成', next: null },
    revocation_proposed: { name: '拟撤销认定', next: '市科委作出撤销决定', stepDays: 10 },
    revoked: { name: '已撤销认定', next: null },
    closed: { name: '不予撤销，结案', next: null },
  },
  initialStatus: 'opened',
  transitions: {
    order_rectification: { name: '下达整改通知', from: ['opened'], to: 'rectifying', roles: ['city_officer'] },
    propose_revocation: { name: '提出撤销意见', from: ['opened', 'rectifying', 'reported'], to: 'revocation_proposed', roles: ['city_officer'], needsComment: true },
    submit_report: { name: '提交整改报告', from: ['rectifying'], to: 'reported', roles: ['enterprise_user'] },
    accept_report: { name: '整改验收通过', from: ['reported'], to: 'rectified', roles: ['city_officer'] },
    return_report: { name: '整改不到位，退回继续整改', from: ['reported'], to: 'rectifying', roles: ['city_officer'], needsComment: true },
    revoke: { name: '撤销认定', from: ['revocation_proposed'], to: 'revoked', roles: ['city_officer'] },
    drop_revocation: { name: '不予撤销', from: ['revocation_proposed'], to: 'closed', roles: ['city_officer'], needsComment: true },
  },
  href: (c) => `/supervision/cases/${c.id}`,
});

export type SupervisionAction = 'submit_report' | 'accept_report' | 'return_report' | 'propose_revocation' | 'revoke' | 'drop_revocation';
