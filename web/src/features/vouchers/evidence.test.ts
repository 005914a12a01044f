import { describe, expect, it } from 'vitest';
import { describeEvidence } from './evidence';

describe('risk signal evidence in words', () => {
  it('when the evidence is a shareholding, then the share is a percentage and no record id shows', () => {
    expect(describeEvidence({ shareBp: 3500, investee: '19', shareholder: '7' })).toBe('持股比例 35.00%');
  });

  it('when the evidence holds amounts and dates, then amounts read in 元', () => {
    expect(describeEvidence({ bookingId: 12, validUntil: '2016-12-31', daysLeft: 5, amount: 20000 })).toBe('预约号 12；创新券有效期至 2016-12-31；距到期 5 天；金额 20,000.00 元');
  });

  it('when the user reads English, then the same evidence reads in English', () => {
    expect(describeEvidence({ bookings: [1, 2, 3], shareBp: 3500 }, 'en')).toBe('Bookings of the same amount 3 times; Shareholding 35.00%');
  });
});
