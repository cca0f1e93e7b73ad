import { describe, expect, it } from 'vitest';
import { checkName } from './printable-name.ts';
import { entryNameCheck } from './zip-entries.ts';

const cp1251 = (text: string): Buffer => Buffer.from(encode1251(text));

// Russian letters а..я are 0xE0..0xFF in cp1251 and А..Я 0xC0..0xDF: enough for test names.
function encode1251(text: string): number[] {
  return [...text].map((ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (code < 0x80) return code;
    throw new Error(`no cp1251 byte for ${ch} in this test`);
  });
}

// cp866: А..п are 0x80..0xAF, р..я 0xE0..0xEF.
function encode866(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code >= 0x410 && code <= 0x43f) return code - 0x410 + 0x80;
      if (code >= 0x440 && code <= 0x44f) return code - 0x440 + 0xe0;
      if (code < 0x80) return code;
      throw new Error(`no cp866 byte for ${ch} in this test`);
    }),
  );
}

describe('checkName', () => {
  it('passes ordinary names, Cyrillic included, unchanged', () => {
    expect(checkName('звонок_маме.wav')).toEqual({
      printable: 'звонок_маме.wav',
      text: 'звонок_маме.wav',
      problem: null,
      guessedEncoding: null,
    });
  });
  it('escapes line breaks and terminal control characters', () => {
    expect(checkName('a\nb.wav')).toMatchObject({
      printable: 'a\\nb.wav',
      problem: 'the file name contains a line break',
    });
    expect(checkName('x\u001b[31m.wav').printable).toBe('x\\x1b[31m.wav');
    expect(checkName('x\u001b.wav').problem).toBe('the file name contains control characters');
  });
  it('keeps a backslash as a printable character, escaped so escapes stay unambiguous', () => {
    expect(checkName('calls\\2022\\x.wav')).toMatchObject({
      printable: 'calls\\\\2022\\\\x.wav',
      problem: null,
    });
    expect(checkName('a\\nb').printable).toBe('a\\\\nb');
  });
  it('decodes a cp1251 name, noting the guess and the raw bytes', () => {
    const raw = Buffer.concat([Buffer.from('/leak/Звонки/'), cp1251('звонок маме.wav')]);
    const name = checkName(raw);
    expect(name.problem).toBeNull();
    expect(name.guessedEncoding).toBe('windows-1251');
    expect(name.text).toBe('/leak/Звонки/звонок маме.wav');
    expect(name.printable).toBe(
      '/leak/Звонки/звонок маме.wav [windows-1251 name, bytes \\xe7\\xe2\\xee\\xed\\xee\\xea \\xec\\xe0\\xec\\xe5.wav]',
    );
  });
  it('tells cp866 from cp1251 by which reads as Russian', () => {
    const name = checkName(encode866('Разговор с Петром.wav'));
    expect(name.guessedEncoding).toBe('ibm866');
    expect(name.text).toBe('Разговор с Петром.wav');
    expect(checkName(cp1251('Разговор с Петром.wav')).text).toBe('Разговор с Петром.wav');
  });
  it('falls back to latin-1 (windows-1252) for western names', () => {
    const name = checkName(Buffer.from('café-Müller.wav', 'latin1'));
    expect(name).toMatchObject({
      text: 'café-Müller.wav',
      guessedEncoding: 'windows-1252',
      printable: 'café-Müller.wav [windows-1252 name, bytes caf\\xe9-M\\xfcller.wav]',
      problem: null,
    });
  });
  it('still refuses control characters inside a guessed name', () => {
    expect(checkName(Buffer.from('caf\xe9\n.wav', 'latin1')).problem).toBe(
      'the file name contains a line break',
    );
  });
});

describe('entryNameCheck (zip entry names)', () => {
  it('treats a backslash as a folder separator', () => {
    expect(entryNameCheck(Buffer.from('calls\\2022\\x.wav'))).toMatchObject({
      text: 'calls/2022/x.wav',
      problem: null,
    });
  });
  it('decodes cp866 names written without the UTF-8 flag', () => {
    const raw = Buffer.concat([Buffer.from('calls\\'), encode866('звонок.wav')]);
    expect(entryNameCheck(raw)).toMatchObject({ text: 'calls/звонок.wav', guessedEncoding: 'ibm866' });
  });
});
