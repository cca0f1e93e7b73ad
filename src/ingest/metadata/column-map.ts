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

/** Finds, for every field, the header that holds it: the mapped name, else the field's own name. */
export function resolveColumns(headers: string[], map: ColumnMap): Map<CallField, string> {
  const byLower = new Map(headers.map((h) => [h.trim().toLowerCase(), h] as const));
  const resolved = new Map<CallField, string>();
  for (const field of CALL_FIELDS) {
    const wanted = map[field] ?? field;
    const header = byLower.get(wanted.trim().toLowerCase());
    if (header !== undefined) resolved.set(field, header);
  }
  return resolved;
}
