import { describe, expect, it } from 'vitest';
import { literalTestMatcher, testIdentity } from '../../../test/helpers/literal-test-matcher.ts';
import { coarsenMetadata, monthOf, regionOf } from './coarse-metadata.ts';

describe('coarse call metadata', () => {
  it('finds the oblast of the demo calls’ locations through the gazetteer', () => {
    expect(regionOf('Kharkiv oblast, Ruska Lozova')).toBe('Kharkiv Oblast');
    expect(regionOf('Donetsk oblast, Bakhmut (Artemivsk)')).toBe('Donetsk Oblast');
    expect(regionOf('Rostov oblast, Shakhty')).toBe('Rostov Oblast');
    expect(regionOf('Mariupol')).toBe('Donetsk Oblast');
    expect(regionOf('Харьковская область')).toBe('Kharkiv Oblast');
    expect(regionOf('Lviv oblast')).toBe('Lviv Oblast');
  });

  it('says unknown for no location or one it does not know', () => {
    expect(regionOf(null)).toBe('unknown');
    expect(regionOf('  ')).toBe('unknown');
    expect(regionOf('grid square 37U DQ 1234')).toBe('unknown');
  });

  it('gives the month in the call’s own time zone', () => {
    // 23:30 UTC on 31 March is already April in Moscow (+03:00).
    const started = new Date('2022-03-31T23:30:00Z');
    expect(monthOf(started, '+03:00')).toBe('2022-04');
    expect(monthOf(started, 'Europe/Moscow')).toBe('2022-04');
    expect(monthOf(started, null)).toBe('2022-03');
    expect(monthOf(null, '+03:00')).toBeNull();
  });

  it('keeps month and region only, and withholds a region that is itself protected', () => {
    const call = {
      call_started_at: new Date('2022-03-06T16:42:11Z'),
      call_timezone: '+03:00',
      location_text: 'Kharkiv oblast, Ruska Lozova',
    };
    const coarse = coarsenMetadata(call);
    expect(coarse).toEqual({ month: '2022-03', region: 'Kharkiv Oblast' });
    expect(Object.keys(coarse)).toEqual(['month', 'region']);
    const kharkiv = testIdentity('place', 'Kharkiv', 'Town 2');
    const matcher = literalTestMatcher([{ identity: kharkiv, forms: ['Kharkiv'] }]);
    expect(coarsenMetadata(call, matcher)).toEqual({ month: '2022-03', region: 'withheld' });
  });
});
