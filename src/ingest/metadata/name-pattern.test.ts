import { describe, expect, it } from 'vitest';
import { IngestUsageError } from '../errors.ts';
import { DEFAULT_NAME_PATTERN, compileNamePattern } from './name-pattern.ts';

describe('name patterns', () => {
  it('reads the default pattern', () => {
    const record = compileNamePattern(DEFAULT_NAME_PATTERN).match(
      '20220314_153012_+79161234567_+380501234567.amr',
    );
    expect(record?.fields).toEqual({
      date: '2022-03-14',
      time: '15:30:12',
      caller: '+79161234567',
      callee: '+380501234567',
    });
    expect(record?.origin).toBe('file name "20220314_153012_+79161234567_+380501234567.amr"');
  });
  it('supports other date and time layouts, ignored parts and extra fields', () => {
    const pattern = compileNamePattern('{*}-{caller}-{callee}-{date:DD.MM.YYYY}_{time:HH-mm-ss}-{unit}');
    const record = pattern.match('rec-89161234567-89031234567-14.03.2022_15-30-12-в-ч-123.mp3');
    expect(record?.fields).toEqual({
      caller: '89161234567',
      callee: '89031234567',
      date: '2022-03-14',
      time: '15:30:12',
    });
    expect(record?.extra).toEqual({ unit: 'в-ч-123' });
  });
  it('returns null for names that do not fit', () => {
    expect(compileNamePattern(DEFAULT_NAME_PATTERN).match('holiday.wav')).toBeNull();
    expect(compileNamePattern(DEFAULT_NAME_PATTERN).match('2022031_153012_a_b.wav')).toBeNull();
  });
  it('treats regex characters in literal parts literally', () => {
    const record = compileNamePattern('call({caller}).{cell}').match('call(+7916).25001.wav');
    expect(record?.fields).toEqual({ caller: '+7916', cell: '25001' });
  });
  it('refuses broken patterns with a usage error', () => {
    expect(() => compileNamePattern('{date}_{caller}')).toThrow(IngestUsageError);
    expect(() => compileNamePattern('{caller')).toThrow(/unclosed/);
    expect(() => compileNamePattern('{caller}_{caller}')).toThrow(/twice/);
  });
});
