import { IngestUsageError } from '../errors.ts';
import { CALL_FIELDS, isCallField, type CallField } from './fields.ts';

export type ColumnMap = Partial<Record<CallField, string>>;

/**
 * Parses `caller="Calling Number",callee=B,start=Started` (the `--map` option; repeatable) into a
 * field → column name map. Quotes allow commas and '=' inside column names.
 */
export function parseColumnMap(specs: string[]): ColumnMap {
  const map: ColumnMap = {};
  for (const spec of specs) {
    for (const pair of splitPairs(spec)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new IngestUsageError(`--map expects field=column pairs, got "${pair}"`);
      const field = pair.slice(0, eq).trim();
      const column = unquote(pair.slice(eq + 1).trim());
      if (!isCallField(field)) {
        throw new IngestUsageError(`--map: unknown field "${field}" (known: ${CALL_FIELDS.join(', ')})`);
      }
      if (!column) throw new IngestUsageError(`--map: no column name given for "${field}"`);
      map[field] = column;
    }
  }
  return map;
}

function splitPairs(spec: string): string[] {
  const pairs: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of spec) {
    if (quote) {
      if (ch === quote) quote = null;
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ',') {
      pairs.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (quote) throw new IngestUsageError(`--map: unclosed quote in "${spec}"`);
  pairs.push(current);
  return pairs.map((p) => p.trim()).filter((p) => p.length > 0);
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/s.exec(value);
  return m ? m[2]! : value;
}

/**
 * Column names that call-record exports commonly use for a field, tried after the field's own
 * name when no --map is given for it (case and separators are ignored).
 */
const COMMON_COLUMN_NAMES: Partial<Record<CallField, string[]>> = {
  caller: ['caller_number', 'calling_number', 'a_number', 'from', 'msisdn_a'],
  callee: ['callee_number', 'called_number', 'b_number', 'to', 'msisdn_b'],
  start: ['start_time', 'started_at', 'call_start', 'datetime', 'timestamp'],
  duration: ['duration_s', 'duration_seconds', 'call_duration', 'duration_sec'],
  cell: ['cell_id', 'cellid', 'cell_identity', 'lac_cid'],
  location: ['location_text', 'place', 'address'],
  timezone: ['tz', 'time_zone'],
};

function normaliseColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

/**
 * Finds, for every field, the header that holds it: the mapped name if --map names one, else the
 * field's own name, else a common export name for it.
 */
export function resolveColumns(headers: string[], map: ColumnMap): Map<CallField, string> {
  const byName = new Map(headers.map((h) => [normaliseColumnName(h), h] as const));
  const resolved = new Map<CallField, string>();
  for (const field of CALL_FIELDS) {
    const mapped = map[field];
    const candidates = mapped !== undefined ? [mapped] : [field, ...(COMMON_COLUMN_NAMES[field] ?? [])];
    const header = candidates.map((c) => byName.get(normaliseColumnName(c))).find((h) => h !== undefined);
    if (header !== undefined) resolved.set(field, header);
  }
  return resolved;
}
