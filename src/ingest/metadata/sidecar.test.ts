import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseColumnMap } from './column-map.ts';
import { loadSidecar } from './sidecar.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-sidecar-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

// "Имя файла;Кто звонил;Примечание\nx.wav;89161234567;звонок Петру\n" in code pages that
// TextEncoder cannot write: built from the letters' positions in each code page.
const CSV_TEXT = 'Имя файла;Кто звонил;Примечание\nx.wav;89161234567;звонок Петру, Ёлкин\n';
function encodeCyrillic(text: string, page: 'cp1251' | 'cp866'): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80) return code;
      if (ch === 'Ё') return page === 'cp1251' ? 0xa8 : 0xf0;
      const i = code - 0x410; // 0..63: А..Я then а..я
      if (page === 'cp1251') return 0xc0 + i;
      return i < 48 ? 0x80 + i : 0xe0 + (i - 48);
    }),
  );
}

describe('sidecar encodings', () => {
  const map = { file: 'Имя файла', caller: 'Кто звонил' };
  const cases: [string, Buffer, string, string | null][] = [
    ['utf8.csv', Buffer.from(CSV_TEXT), 'utf-8', null],
    [
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV_TEXT)]),
      'utf-8 with BOM',
      null,
    ],
    [
      'le.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV_TEXT, 'utf16le')]),
      'utf-16le',
      null,
    ],
    [
      'be.csv',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(CSV_TEXT, 'utf16le').swap16()]),
      'utf-16be',
      null,
    ],
    [
      'ansi.csv',
      encodeCyrillic(CSV_TEXT, 'cp1251'),
      'windows-1251',
      'ansi.csv is not UTF-8: read as windows-1251',
    ],
    ['oem.csv', encodeCyrillic(CSV_TEXT, 'cp866'), 'ibm866', 'oem.csv is not UTF-8: read as ibm866'],
  ];
  it.each(cases)('reads %s as %s without replacement characters', (name, bytes, encoding, warning) => {
    const index = loadSidecar(write(name, bytes), map);
    expect(index.encoding).toBe(encoding);
    const record = index.lookup('x.wav', 'x.wav');
    expect(record?.fields.caller).toBe('89161234567');
    expect(record?.extra).toEqual({ Примечание: 'звонок Петру, Ёлкин' });
    if (warning) expect(index.warnings[0]).toContain(warning);
    else expect(index.warnings).toEqual([]);
  });
  it('refuses a UTF-16 file that is damaged rather than storing U+FFFD', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(CSV_TEXT, 'utf16le'),
      Buffer.from([0x00, 0xd8]),
    ]);
    expect(() => loadSidecar(write('broken16.csv', bytes), map)).toThrow(/not valid UTF-16LE/);
  });
});

describe('parseColumnMap', () => {
  it('parses quoted column names with commas', () => {
    expect(parseColumnMap(['caller="Calling, Number",callee=B', 'start=Start'])).toEqual({
      caller: 'Calling, Number',
      callee: 'B',
      start: 'Start',
    });
  });
  it('refuses unknown fields and malformed pairs', () => {
    expect(() => parseColumnMap(['who=A'])).toThrow(/unknown field "who"/);
    expect(() => parseColumnMap(['caller'])).toThrow(/field=column/);
    expect(() => parseColumnMap(['caller="A'])).toThrow(/unclosed quote/);
  });
});

describe('loadSidecar', () => {
  it('matches rows by relative path first, then by a unique basename, and reports unmatched rows', () => {
    const file = write(
      'calls.csv',
      '\uFEFFfile,caller,Operator\nsub/a.wav,+79161234567,MTS\nc/b.wav,+79031234567,\nd/b.wav,+79031234568,\nghost.wav,1,\n',
    );
    const index = loadSidecar(file, {});
    expect(index.encoding).toBe('utf-8 with BOM');
    expect(index.lookup('sub/a.wav', 'a.wav')?.fields).toEqual({ caller: '+79161234567' });
    expect(index.lookup('sub/a.wav', 'a.wav')?.extra).toEqual({ Operator: 'MTS' });
    expect(index.lookup('x/a.wav', 'a.wav')?.origin).toBe('calls.csv line 2 (sub/a.wav)');
    // Two rows name a b.wav: the basename alone is ambiguous, so it does not match.
    expect(index.lookup('other/b.wav', 'b.wav')).toBeUndefined();
    expect(index.unmatchedRows()).toEqual([
      'calls.csv line 3 (c/b.wav)',
      'calls.csv line 4 (d/b.wav)',
      'calls.csv line 5 (ghost.wav)',
    ]);
    expect(index.warnings).toEqual([]);
  });
  it('warns about two rows for the same file, naming both lines, and uses the first', () => {
    const index = loadSidecar(write('dup.csv', 'file,caller\nb.wav,111\nb.wav,222\n'), {});
    expect(index.warnings).toEqual([
      'dup.csv line 2 and line 3 both describe "b.wav": line 2 is used, line 3 ignored',
    ]);
    expect(index.lookup('b.wav', 'b.wav')?.fields.caller).toBe('111');
    expect(index.unmatchedRows()).toEqual([]);
  });
  it('warns about a column named twice and keeps both columns values', () => {
    const index = loadSidecar(write('dupcol.csv', 'file,caller,note,caller\nb.wav,111,x,222\n'), {});
    expect(index.warnings).toEqual([
      'dupcol.csv header: column "caller" appears twice (columns 2 and 4): column 2 is used, column 4 kept as "caller (column 4)"',
    ]);
    expect(index.lookup('b.wav', 'b.wav')).toMatchObject({
      fields: { caller: '111' },
      extra: { note: 'x', 'caller (column 4)': '222' },
    });
  });
  it('reads semicolon-separated CSV and mapped columns', () => {
    const file = write('semi.csv', 'Имя файла;Кто звонил\nx.wav;89161234567\n');
    const index = loadSidecar(file, { file: 'Имя файла', caller: 'Кто звонил' });
    expect(index.lookup('x.wav', 'x.wav')?.fields.caller).toBe('89161234567');
  });
  it('reads JSON arrays and {"calls": [...]}', () => {
    expect(
      loadSidecar(write('a.json', '[{"file":"x.wav","duration":93}]'), {}).lookup('x.wav', 'x.wav')?.fields
        .duration,
    ).toBe('93');
    expect(loadSidecar(write('b.json', '{"calls":[{"file":"y.wav"}]}'), {}).rowCount).toBe(1);
  });
  it('warns about a key written twice in one JSON object, naming both lines, and reads the last', () => {
    const text = [
      '[',
      '  {"file": "a.wav", "caller": "111",',
      '   "caller": "222"},',
      '  {"file": "b.wav", "caller": "333", "extra": {"k": 1, "k": 2}}',
      ']',
    ].join('\n');
    const index = loadSidecar(write('dupkey.json', text), {});
    expect(index.warnings).toEqual([
      'dupkey.json: key "caller" appears twice in one object (lines 2 and 3): line 3 is used, line 2 ignored',
      'dupkey.json: key "k" appears twice in one object (lines 4 and 4): line 4 is used, line 4 ignored',
    ]);
    expect(index.lookup('a.wav', 'a.wav')?.fields.caller).toBe('222');
    // The same key in two different objects is not a duplicate.
    expect(index.lookup('b.wav', 'b.wav')?.fields.caller).toBe('333');
  });
  it.each([
    [
      'le.json',
      (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
      'utf-16le',
    ],
    [
      'be.json',
      (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]),
      'utf-16be',
    ],
  ] as const)('reads a UTF-16 JSON sidecar with a BOM (%s)', (name, encode, encoding) => {
    const index = loadSidecar(write(name, encode('[{"file":"x.wav","Кто звонил":"Пётр"}]')), {});
    expect(index.encoding).toBe(encoding);
    expect(index.warnings).toEqual([]);
    expect(index.lookup('x.wav', 'x.wav')?.extra).toEqual({ 'Кто звонил': 'Пётр' });
  });
  it('refuses unparseable files and files without a file column', () => {
    expect(() => loadSidecar(write('bad.csv', 'file,caller\n"x.wav,1\n'), {})).toThrow(/not valid CSV/);
    expect(() => loadSidecar(write('cols.csv', 'file,caller\nx.wav,1,2\n'), {})).toThrow(/not valid CSV/);
    expect(() => loadSidecar(write('nofile.csv', 'name\nx.wav\n'), {})).toThrow(/no "file" column/);
    expect(() => loadSidecar(write('bad.json', '{"calls": 3}'), {})).toThrow(/array of call objects/);
    expect(() => loadSidecar(path.join(dir, 'absent.csv'), {})).toThrow(/cannot be read/);
  });
});
