import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/context.js';
import { caseActions } from './case-view.js';
import type { InstrumentDef } from './instruments.js';

const def = {
  code: 'view_test',
  transitions: {
    submit: { name: '提交申请', from: ['draft'], to: 'submitted', roles: ['enterprise_user'] },
    withdraw: { name: '撤回', from: ['submitted'], to: 'draft', roles: ['enterprise_user'] },
    pass: { name: '审核通过', from: ['submitted'], to: 'passed', roles: ['city_officer'] },
    return: { name: '退回修改', from: ['submitted'], to: 'draft', roles: ['city_officer'], needsComment: true },
    scored: { name: '评审完成', from: ['submitted'], to: 'scored', roles: [], bySystem: true },
  },
} as unknown as InstrumentDef;

function actor(roles: Actor['roles'], enterpriseId: number | null = null): Actor {
  return { userId: 1, username: 'u', displayName: 'u', roles, organizationId: 1, organizationName: 'o', organizationKind: 'k', districtId: null, districtCode: null, districtName: null, enterpriseId, via: 'session' } as Actor;
}

describe('caseActions', () => {
  it('when an officer views a submitted case, then its steps show with the comment rule, system steps never', () => {
    expect(caseActions(actor(['city_officer']), def, { status: 'submitted', enterpriseId: 5 })).toEqual([
      { action: 'pass', name: '审核通过', needsComment: false },
      { action: 'return', name: '退回修改', needsComment: true },
    ]);
  });

  it('when an enterprise views a case, then its steps show only on its own case', () => {
    expect(caseActions(actor(['enterprise_user'], 5), def, { status: 'submitted', enterpriseId: 5 }).map((a) => a.action)).toEqual(['withdraw']);
    expect(caseActions(actor(['enterprise_user'], 6), def, { status: 'submitted', enterpriseId: 5 })).toEqual([]);
  });

  it('when a page offers only a part of the workflow, then only and hide narrow the steps', () => {
    const officer = actor(['city_officer']);
    expect(caseActions(officer, def, { status: 'submitted', enterpriseId: 5 }, { only: ['return'] }).map((a) => a.action)).toEqual(['return']);
    expect(caseActions(officer, def, { status: 'submitted', enterpriseId: 5 }, { hide: ['return'] }).map((a) => a.action)).toEqual(['pass']);
  });
});
