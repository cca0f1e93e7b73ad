import { describe, expect, it } from 'vitest';
import { parseCallStart, parseDuration, parseOffset } from './call-time.ts';

describe('call start times', () => {
  it('keeps an explicit offset and records it as the zone', () => {
    const r = parseCallStart({ start: '2022-03-14T15:30:12+03:00' }, 'UTC');
    expect(r).toEqual({ ok: true, instant: new Date('2022-03-14T12:30:12Z'), zone: '+03:00' });
  });
  it('reads wall-clock times in an IANA zone, with daylight saving time', () => {
    const winter = parseCallStart({ date: '2022-01-10', time: '12:00:00' }, 'Europe/Kyiv');
    const summer = parseCallStart({ date: '2022-07-10', time: '12:00:00' }, 'Europe/Kyiv');
    expect(winter?.ok && winter.instant.toISOString()).toBe('2022-01-10T10:00:00.000Z');
    expect(summer?.ok && summer.instant.toISOString()).toBe('2022-07-10T09:00:00.000Z');
  });
  it('reads Russian dotted dates and compact dates', () => {
    const dotted = parseCallStart({ start: '14.03.2022 15:30' }, '+03:00');
    expect(dotted?.ok && dotted.instant.toISOString()).toBe('2022-03-14T12:30:00.000Z');
    const compact = parseCallStart({ start: '20220314153012' }, 'UTC');
    expect(compact?.ok && compact.instant.toISOString()).toBe('2022-03-14T15:30:12.000Z');
  });
  it('says why a date cannot be read', () => {
    expect(parseCallStart({ start: '2022-02-30 10:00' }, 'UTC')).toEqual({
      ok: false,
      problem: 'start time "2022-02-30 10:00": day 30 does not exist in 2022-02',
    });
    expect(parseCallStart({ start: 'yesterday' }, 'UTC')).toMatchObject({ ok: false });
    expect(parseCallStart({ start: '2022-03-14 10:00' }, 'Mars/Olympus')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not known/) as unknown,
    });
    expect(parseCallStart({}, 'UTC')).toBeNull();
  });
  it('parses offsets and durations', () => {
    expect(parseOffset('+0300')).toBe(180);
    expect(parseOffset('UTC-5')).toBe(-300);
    expect(parseOffset('Europe/Moscow')).toBeNull();
    expect(parseDuration('93')).toBe(93);
    expect(parseDuration('01:33')).toBe(93);
    expect(parseDuration('1:02:03')).toBe(3723);
    expect(parseDuration('1:75')).toBeNull();
    expect(parseDuration('long')).toBeNull();
  });
});
