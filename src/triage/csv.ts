import { stringify } from 'csv-stringify/sync';

/**
 * CSV for people who open it in Excel or LibreOffice: UTF-8 with a byte-order mark (without it
 * Excel reads Cyrillic as mojibake), CRLF line ends, and formula injection defused: a cell that
 * starts with = + - or @ gets a leading apostrophe (csv-stringify's escape_formulas, per OWASP),
 * so a transcript line or a file name such as `=HYPERLINK(...)` is shown, never run. A phone
 * number therefore reads '+79161234567 in the cell: the text, not a number Excel would reformat.
 */
export function toSpreadsheetCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([header, ...rows], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: {
      date: (value) => value.toISOString(),
      boolean: (value) => (value ? 'yes' : 'no'),
    },
  });
}

/** A Content-Disposition value for a download, with an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
