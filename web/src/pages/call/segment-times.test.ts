import { describe, expect, it } from 'vitest';
import { editedSeconds, shownSeconds } from './segment-times.ts';

describe('segment times in the editor', () => {
  it('keeps the stored time exactly when the field is left as shown', () => {
    const stored = 12.347;
    expect(editedSeconds(stored, shownSeconds(stored))).toBe(12.347);
  });

  it('takes the time as typed when someone changed it', () => {
    expect(editedSeconds(12.347, '12.5')).toBe(12.5);
    expect(editedSeconds(12.347, '12.34')).toBe(12.34);
  });
});
