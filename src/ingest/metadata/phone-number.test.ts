import { describe, expect, it } from 'vitest';
import { normalisePhoneNumber } from './phone-number.ts';

describe('normalisePhoneNumber', () => {
  it.each([
    ['+7 (916) 123-45-67', '+79161234567'],
    ['8 916 123 45 67', '+79161234567'],
    ['79161234567', '+79161234567'],
    ['380501234567', '+380501234567'],
    ['00380501234567', '+380501234567'],
  ])('reads %s in region RU as %s', (raw, e164) => {
    expect(normalisePhoneNumber(raw, 'RU')).toEqual({ e164, problem: null });
  });
  it('reads national numbers in the given region', () => {
    expect(normalisePhoneNumber('050 123 4567', 'UA').e164).toBe('+380501234567');
  });
  it('says when text is not a phone number', () => {
    expect(normalisePhoneNumber('unknown', 'RU')).toEqual({
      e164: null,
      problem: '"unknown" is not a phone number',
    });
    expect(normalisePhoneNumber('12', 'RU').problem).toMatch(/not a valid phone number/);
  });
});
