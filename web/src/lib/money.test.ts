import { describe, expect, it } from 'vitest';
import { formatMoney, groupDigits, parseGrouped } from './money';

describe('money display and input', () => {
  it('when an amount is shown in 元, then it has thousands separators and two decimals', () => {
    expect(formatMoney(58163000)).toBe('58,163,000.00 元');
    expect(formatMoney(11500)).toBe('11,500.00 元');
    expect(formatMoney(0.5)).toBe('0.50 元');
    expect(formatMoney(null)).toBe('—');
  });

  it('when an amount is shown in 万元, then it is divided by 10,000 and grouped', () => {
    expect(formatMoney(58163000, 'wan')).toBe('5,816.30 万元');
    expect(formatMoney(12345, 'wan')).toBe('1.23 万元');
  });

  it('when an input shows a typed amount, then only the integer part is grouped and it reads back unchanged', () => {
    expect(groupDigits('1234567.8')).toBe('1,234,567.8');
    expect(groupDigits('12000')).toBe('12,000');
    expect(groupDigits('999')).toBe('999');
    for (const typed of ['58163000.00', '12000', '0.01', '1234567.8']) {
      expect(parseGrouped(groupDigits(typed))).toBe(typed);
    }
    expect(parseGrouped('12，000 元')).toBe('12000');
  });
});
