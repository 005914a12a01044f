import { describe, expect, it } from 'vitest';
import { actionName, objectTypeName } from './labels';

describe('audit codes in words', () => {
  it('when an action code is known, then it reads subject · verb; an unknown one stays as it is', () => {
    expect(actionName('voucher.claim.approve')).toBe('创新券兑付 · 审核通过');
    expect(actionName('recognition.seed_import')).toBe('认定证书 · 导入历史数据');
    expect(actionName('recognition_application.district_pass')).toBe('认定申报 · 区县审核通过');
    expect(actionName('something.new')).toBe('something.new');
    expect(objectTypeName('voucher_settlement')).toBe('结算批次');
  });
});
