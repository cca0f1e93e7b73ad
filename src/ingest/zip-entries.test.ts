import { describe, expect, it } from 'vitest';
import { unsafeEntryPath } from './zip-entries.ts';

describe('unsafeEntryPath', () => {
  it('accepts relative paths inside the archive', () => {
    expect(unsafeEntryPath('calls/2022/a.wav')).toBeNull();
    expect(unsafeEntryPath('a..b.wav')).toBeNull();
  });
  it('refuses absolute, drive-qualified and climbing paths', () => {
    expect(unsafeEntryPath('/etc/passwd')).toMatch(/absolute/);
    expect(unsafeEntryPath('C:/Windows/x.wav')).toMatch(/drive/);
    expect(unsafeEntryPath('calls/../../x.wav')).toMatch(/\.\./);
    expect(unsafeEntryPath('calls\\..\\x.wav')).toMatch(/\.\./);
  });
});
