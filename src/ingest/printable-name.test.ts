import { describe, expect, it } from 'vitest';
import { checkName } from './printable-name.ts';

describe('checkName', () => {
  it('passes ordinary names, Cyrillic included, unchanged', () => {
    expect(checkName('звонок_маме.wav')).toEqual({ printable: 'звонок_маме.wav', problem: null });
  });
  it('escapes line breaks and terminal control characters', () => {
    expect(checkName('a\nb.wav')).toEqual({
      printable: 'a\\nb.wav',
      problem: 'the file name contains a line break',
    });
    expect(checkName('x\u001b[31m.wav').printable).toBe('x\\x1b[31m.wav');
    expect(checkName('x\u001b.wav').problem).toBe('the file name contains control characters');
  });
  it('escapes backslashes so escaped names cannot be confused with real ones', () => {
    expect(checkName('a\\nb').printable).toBe('a\\\\nb');
  });
  it('writes invalid UTF-8 bytes as \\xNN and keeps the valid parts', () => {
    const raw = Buffer.concat([Buffer.from('звонок-'), Buffer.from([0xff, 0xc3]), Buffer.from('.wav')]);
    expect(checkName(raw)).toEqual({
      printable: 'звонок-\\xff\\xc3.wav',
      problem: 'the file name is not valid UTF-8',
    });
  });
});
