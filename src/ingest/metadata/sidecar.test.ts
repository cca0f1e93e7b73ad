import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseColumnMap } from './column-map.ts';
import { loadSidecar } from './sidecar.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-sidecar-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

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
      '\uFEFFfile,caller,Operator\nsub/a.wav,+79161234567,MTS\nb.wav,+79031234567,\nb.wav,+79031234568,\nghost.wav,1,\n',
    );
    const index = loadSidecar(file, {});
    expect(index.lookup('sub/a.wav', 'a.wav')?.fields).toEqual({ caller: '+79161234567' });
    expect(index.lookup('sub/a.wav', 'a.wav')?.extra).toEqual({ Operator: 'MTS' });
    expect(index.lookup('x/a.wav', 'a.wav')?.origin).toBe('calls.csv line 2 (sub/a.wav)');
    // Two rows name b.wav: the basename alone is ambiguous, so it does not match.
    expect(index.lookup('other/b.wav', 'b.wav')).toBeUndefined();
    expect(index.unmatchedRows()).toEqual([
      'calls.csv line 3 (b.wav)',
      'calls.csv line 4 (b.wav)',
      'calls.csv line 5 (ghost.wav)',
    ]);
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
  it('refuses unparseable files and files without a file column', () => {
    expect(() => loadSidecar(write('bad.csv', 'file,caller\n"x.wav,1\n'), {})).toThrow(/not valid CSV/);
    expect(() => loadSidecar(write('cols.csv', 'file,caller\nx.wav,1,2\n'), {})).toThrow(/not valid CSV/);
    expect(() => loadSidecar(write('nofile.csv', 'name\nx.wav\n'), {})).toThrow(/no "file" column/);
    expect(() => loadSidecar(write('bad.json', '{"calls": 3}'), {})).toThrow(/array of call objects/);
    expect(() => loadSidecar(path.join(dir, 'absent.csv'), {})).toThrow(/cannot be read/);
  });
});
