import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, toSpreadsheetCsv } from './csv.ts';

describe('toSpreadsheetCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const csv = toSpreadsheetCsv(['a', 'b'], [['груз', 200]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe('\ufeffa,b\r\nгруз,200\r\n');
  });

  it('defuses cells that a spreadsheet would run as formulas', () => {
    const cells = ['=HYPERLINK("http://x")', '+79161234567', '-2+3', '@SUM(A1)', 'plain'];
    const csv = toSpreadsheetCsv(
      ['cell'],
      cells.map((c) => [c]),
    );
    const read: string[][] = parse(csv, { bom: true });
    expect(read.slice(1).map((r) => r[0])).toEqual([
      `'=HYPERLINK("http://x")`,
      "'+79161234567",
      "'-2+3",
      "'@SUM(A1)",
      'plain',
    ]);
  });

  it('quotes commas, quotes and line breaks so that every row reads back whole', () => {
    const text = 'он сказал, "двести"\nи ушёл';
    const csv = toSpreadsheetCsv(
      ['text', 'n'],
      [
        [text, -3],
        [null, true],
      ],
    );
    const read: string[][] = parse(csv, { bom: true });
    expect(read).toEqual([
      ['text', 'n'],
      [text, '-3'],
      ['', 'yes'],
    ]);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII name and the UTF-8 one', () => {
    expect(attachmentDisposition('звонки.csv')).toBe(
      `attachment; filename="______.csv"; filename*=UTF-8''${encodeURIComponent('звонки.csv')}`,
    );
  });
});
