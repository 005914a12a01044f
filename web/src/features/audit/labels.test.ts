import { describe, expect, it } from 'vitest';
import { translateFrom, type Lang } from '../../lib/i18n';
import { actionName, objectTypeName } from './labels';
import { auditMessages, type AuditT } from './messages';

const translator = (lang: Lang): AuditT => (key, vars) => translateFrom(auditMessages, lang, key, vars);

describe('audit codes in words', () => {
  it('when an action code is known, then it reads subject · verb; an unknown one stays as it is', () => {
    const t = translator('zh-CN');
    expect(actionName(t, 'voucher.claim.approve')).toBe('创新券兑付 · 审核通过');
    expect(actionName(t, 'recognition.seed_import')).toBe('认定证书 · 导入历史数据');
    expect(actionName(t, 'recognition_application.district_pass')).toBe('认定申报 · 区县审核通过');
    expect(actionName(t, 'something.new')).toBe('something.new');
    expect(objectTypeName(t, 'voucher_settlement')).toBe('结算批次');
  });

  it('when the language is English, then the same codes read in English', () => {
    const t = translator('en');
    expect(actionName(t, 'voucher.claim.approve')).toBe('Voucher claim · Approved');
    expect(actionName(t, 'auth.login_failed')).toBe('Account · Sign-in failed');
    expect(actionName(t, 'logout')).toBe('Signed out');
    expect(objectTypeName(t, 'voucher_settlement')).toBe('Settlement batch');
  });
});
