import { describe, expect, it } from 'vitest';
import { phoneFilterOf } from './batch-search.ts';

describe('phoneFilterOf', () => {
  it('reads a full international number, separators and all, as an exact number', () => {
    expect(phoneFilterOf('+7 (916) 123-45-67')).toEqual({ phoneExact: '+79161234567' });
    expect(phoneFilterOf('+380.50.173.44.82')).toEqual({ phoneExact: '+380501734482' });
  });

  it('reads six or more digits as digits of a number', () => {
    expect(phoneFilterOf('916 123 45')).toEqual({ phoneDigits: '91612345' });
  });

  it('takes names, short numbers and words with digits for no number', () => {
    expect(phoneFilterOf('Петренко')).toBeUndefined();
    expect(phoneFilterOf('200')).toBeUndefined();
    expect(phoneFilterOf('груз 200')).toBeUndefined();
    expect(phoneFilterOf('+')).toBeUndefined();
  });
});
