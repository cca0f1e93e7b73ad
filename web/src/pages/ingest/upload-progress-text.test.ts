import { describe, expect, it } from 'vitest';
import { uploadProgressText } from './upload-progress-text.ts';

describe('uploadProgressText', () => {
  it('counts bytes sent, then says the server is checking, hashing and storing', () => {
    expect(uploadProgressText(0, 96_460)).toMatch(/^0 B of [\d.]+ KiB sent \(0%\)$/);
    expect(uploadProgressText(48_230, 96_460)).toMatch(/sent \(50%\)$/);
    expect(uploadProgressText(96_460, 96_460)).toBe('Uploaded; checking, hashing and storing the files…');
    expect(uploadProgressText(0, 0)).toMatch(/\(0%\)$/);
  });
});
