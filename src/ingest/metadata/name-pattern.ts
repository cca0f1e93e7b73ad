import { IngestUsageError } from '../errors.ts';
import { isCallField, type CallField, type RawCallRecord } from './fields.ts';

/**
 * File-name pattern language (`--name-pattern`), matched against the file name without its
 * extension:
 *
 *   {field}          any text up to the next literal part; fields: caller, callee, cell, location,
 *                    source, batch, duration, timezone (other names go to the extra metadata)
 *   {date:FORMAT}    a date; FORMAT uses YYYY, YY, MM, DD and literal characters (YYYYMMDD, DD.MM.YYYY)
 *   {time:FORMAT}    a time of day; FORMAT uses HH, mm, ss (HHmmss, HH-mm-ss)
 *   {*}              any text, ignored
 *   everything else  literal text that must be there
 *
 * Default: {date:YYYYMMDD}_{time:HHmmss}_{caller}_{callee}
 *   matches 20220314_153012_+79161234567_+380501234567.amr
 */
export const DEFAULT_NAME_PATTERN = '{date:YYYYMMDD}_{time:HHmmss}_{caller}_{callee}';

export interface NamePattern {
  source: string;
  match(basename: string): RawCallRecord | null;
}

const TOKENS: Record<string, string> = {
  YYYY: '\\d{4}',
  YY: '\\d{2}',
  MM: '\\d{2}',
  DD: '\\d{2}',
  HH: '\\d{2}',
  mm: '\\d{2}',
  ss: '\\d{2}',
};

interface Capture {
  name: string;
  format: string | null;
}

export function compileNamePattern(pattern: string): NamePattern {
  const captures: Capture[] = [];
  let regex = '^';
  let rest = pattern;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    if (open === -1) {
      regex += escapeRegex(rest);
      break;
    }
    regex += escapeRegex(rest.slice(0, open));
    const close = rest.indexOf('}', open);
    if (close === -1) throw new IngestUsageError(`--name-pattern: unclosed "{" in "${pattern}"`);
    const body = rest.slice(open + 1, close);
    rest = rest.slice(close + 1);
    if (body === '*') {
      regex += '.*?';
      continue;
    }
    const [name = '', format = null] = splitOnce(body, ':');
    if (!/^[a-z_][a-z0-9_]*$/i.test(name))
      throw new IngestUsageError(`--name-pattern: bad field name "{${body}}"`);
    if (captures.some((c) => c.name === name))
      throw new IngestUsageError(`--name-pattern: field "${name}" appears twice`);
    if ((name === 'date' || name === 'time') && !format) {
      throw new IngestUsageError(
        `--name-pattern: {${name}} needs a format, e.g. {date:YYYYMMDD} or {time:HHmmss}`,
      );
    }
    captures.push({ name, format });
    regex += `(${format ? formatRegex(format) : '.+?'})`;
  }
  const compiled = new RegExp(`${regex}$`, 'su');
  return {
    source: pattern,
    match(basename) {
      const stem = basename.replace(/\.[^.]*$/, '');
      const m = compiled.exec(stem);
      if (!m) return null;
      const record: RawCallRecord = { fields: {}, extra: {}, origin: `file name "${basename}"` };
      captures.forEach((capture, i) => {
        const value = m[i + 1] ?? '';
        if (capture.name === 'date') record.fields.date = normaliseDate(value, capture.format!);
        else if (capture.name === 'time') record.fields.time = normaliseTime(value, capture.format!);
        else if (isCallField(capture.name) && capture.name !== 'file')
          record.fields[capture.name as CallField] = value;
        else record.extra[capture.name] = value;
      });
      return record;
    },
  };
}

function formatRegex(format: string): string {
  let out = '';
  for (let i = 0; i < format.length;) {
    const token = ['YYYY', 'YY', 'MM', 'DD', 'HH', 'mm', 'ss'].find((t) => format.startsWith(t, i));
    if (token) {
      out += TOKENS[token];
      i += token.length;
    } else {
      out += escapeRegex(format[i]!);
      i += 1;
    }
  }
  return out;
}

/** Reads the tokens' positions out of the matched text and writes YYYY-MM-DD. */
function normaliseDate(value: string, format: string): string {
  const year =
    pick(value, format, 'YYYY') ?? (pick(value, format, 'YY') ? `20${pick(value, format, 'YY')}` : '');
  return `${year}-${pick(value, format, 'MM') ?? ''}-${pick(value, format, 'DD') ?? ''}`;
}

function normaliseTime(value: string, format: string): string {
  return `${pick(value, format, 'HH') ?? '00'}:${pick(value, format, 'mm') ?? '00'}:${pick(value, format, 'ss') ?? '00'}`;
}

function pick(value: string, format: string, token: string): string | undefined {
  // Formats are fixed width (every token is digits of a known length), so positions line up.
  const at = token === 'YY' && format.includes('YYYY') ? -1 : format.indexOf(token);
  return at === -1 ? undefined : value.slice(at, at + token.length);
}

function splitOnce(text: string, separator: string): [string, string | null] {
  const i = text.indexOf(separator);
  return i === -1 ? [text, null] : [text.slice(0, i), text.slice(i + 1)];
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
