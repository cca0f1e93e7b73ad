import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { visit } from 'jsonc-parser';
import { IngestUsageError } from '../errors.ts';
import { resolveColumns, type ColumnMap } from './column-map.ts';
import type { CallField, RawCallRecord } from './fields.ts';
import { decodeSidecar, type SidecarEncoding } from './sidecar-encoding.ts';

const MAX_SIDECAR_BYTES = 256 * 1024 * 1024;

/** Call records from a sidecar CSV/JSON, looked up by a file's relative path or basename. */
export interface SidecarIndex {
  file: string;
  rowCount: number;
  /** The bytes read, exactly: stored in the content store as evidence. */
  bytes: Buffer;
  /** How the file's bytes were read, recorded with the batch. */
  encoding: SidecarEncoding;
  /** Problems with the file itself (guessed encoding, duplicate rows or columns), for the summary. */
  warnings: string[];
  lookup(relativePath: string, basename: string): RawCallRecord | undefined;
  /** Rows no ingested file matched: named in the summary so typos show. */
  unmatchedRows(): string[];
}

interface Row {
  values: Record<string, string>;
  label: string;
}

/**
 * Reads the whole sidecar before anything is ingested: a file that cannot be parsed, or that has
 * no column naming the audio file, is a usage error, so a bad spreadsheet never produces a
 * half-labelled ingest. Row-level problems (a bad date) are left to the metadata step.
 */
export function loadSidecar(file: string, columnMap: ColumnMap): SidecarIndex {
  const display = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new IngestUsageError(`metadata file "${file}" cannot be read`);
  }
  if (!stat.isFile()) throw new IngestUsageError(`metadata file "${file}" is not a regular file`);
  if (stat.size > MAX_SIDECAR_BYTES)
    throw new IngestUsageError(`metadata file "${file}" is larger than 256 MiB`);
  const bytes = fs.readFileSync(file);
  const decoded = decodeSidecar(bytes, display);
  const warnings: string[] = [];
  if (decoded.guessed) {
    warnings.push(
      `${display} is not UTF-8: read as ${decoded.encoding} (guessed from its letters); check the values, or re-export it as UTF-8`,
    );
  }
  const { text } = decoded;
  const rows = /\.json$/i.test(file)
    ? parseJsonRows(text, display, warnings)
    : parseCsvRows(text, display, warnings);
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  const columns = resolveColumns(headers, columnMap);
  for (const [field, column] of Object.entries(columnMap)) {
    if (!columns.has(field as CallField)) {
      throw new IngestUsageError(
        `metadata file ${display}: --map ${field}="${column}" names a column that is not there (columns: ${headers.join(', ')})`,
      );
    }
  }
  const fileColumn = columns.get('file');
  if (!fileColumn) {
    throw new IngestUsageError(
      `metadata file ${display} has no "${columnMap.file ?? 'file'}" column saying which audio file each row describes (columns: ${headers.join(', ') || 'none'}); name it with --map file="COLUMN"`,
    );
  }
  const mapped = new Set(columns.values());
  const byPath = new Map<string, RawCallRecord>();
  const byBase = new Map<string, RawCallRecord[]>();
  const matched = new Set<RawCallRecord>();
  const all: RawCallRecord[] = [];
  const firstRowFor = new Map<string, Row>();
  for (const row of rows) {
    const key = (row.values[fileColumn] ?? '').trim().replace(/\\/g, '/').replace(/^\.\//, '');
    if (!key) continue;
    const first = firstRowFor.get(key);
    if (first) {
      warnings.push(
        `${display} ${first.label} and ${row.label} both describe "${key}": ${first.label} is used, ${row.label} ignored`,
      );
      continue;
    }
    firstRowFor.set(key, row);
    const record: RawCallRecord = { fields: {}, extra: {}, origin: `${display} ${row.label} (${key})` };
    for (const [field, column] of columns) {
      const value = row.values[column];
      if (field !== 'file' && value !== undefined && value.trim() !== '') record.fields[field] = value.trim();
    }
    for (const [column, value] of Object.entries(row.values)) {
      if (!mapped.has(column) && value.trim() !== '') record.extra[column] = value;
    }
    all.push(record);
    byPath.set(key, record);
    const base = key.split('/').at(-1)!;
    byBase.set(base, [...(byBase.get(base) ?? []), record]);
  }
  return {
    file,
    rowCount: all.length,
    bytes,
    encoding: decoded.encoding,
    warnings,
    lookup(relativePath, basename) {
      // A relative path is exact; a basename only counts when exactly one row has it.
      const candidates = byBase.get(basename);
      const hit = byPath.get(relativePath) ?? (candidates?.length === 1 ? candidates[0] : undefined);
      if (hit) matched.add(hit);
      return hit;
    },
    unmatchedRows: () => all.filter((r) => !matched.has(r)).map((r) => r.origin),
  };
}

function parseCsvRows(text: string, display: string, warnings: string[]): Row[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => uniqueHeaders(header, display, warnings),
      bom: true,
      skip_empty_lines: true,
      info: true,
      delimiter: detectDelimiter(text),
    }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  } catch (error) {
    throw new IngestUsageError(
      `metadata file ${display} is not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return records.map(({ record, info }) => ({ values: record, label: `line ${info.lines}` }));
}

/**
 * A header named twice would let the last column silently win: the first keeps the name, a later
 * one is renamed after its position (its values still kept as extra values) and warned about.
 */
function uniqueHeaders(header: string[], display: string, warnings: string[]): string[] {
  const firstAt = new Map<string, number>();
  return header.map((raw, index) => {
    const name = raw.trim();
    const first = firstAt.get(name);
    if (first === undefined) {
      firstAt.set(name, index);
      return name;
    }
    const renamed = `${name} (column ${index + 1})`;
    warnings.push(
      `${display} header: column "${name}" appears twice (columns ${first + 1} and ${index + 1}): column ${first + 1} is used, column ${index + 1} kept as "${renamed}"`,
    );
    return renamed;
  });
}

/** Spreadsheets exported in Russian locales use ';': take whichever separates the header best. */
function detectDelimiter(text: string): string {
  const header = text.split('\n', 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![0];
}

function parseJsonRows(text: string, display: string, warnings: string[]): Row[] {
  let data: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new IngestUsageError(
      `metadata file ${display} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  warnings.push(...duplicateJsonKeys(json, display));
  const list = Array.isArray(data) ? data : (data as { calls?: unknown } | null)?.calls;
  if (!Array.isArray(list)) {
    throw new IngestUsageError(
      `metadata file ${display} must hold an array of call objects (or {"calls": [...]})`,
    );
  }
  return list.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new IngestUsageError(`metadata file ${display}: entry ${index + 1} is not an object`);
    }
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      if (v === null || v === undefined) continue;
      values[k] =
        typeof v === 'string'
          ? v
          : typeof v === 'number' || typeof v === 'boolean'
            ? String(v)
            : JSON.stringify(v);
    }
    return { values, label: `entry ${index + 1}` };
  });
}

/**
 * JSON.parse keeps the last of two equal keys in one object without a word, as a CSV with a column
 * named twice would: each such key is named with the lines of both, and which one was read.
 */
function duplicateJsonKeys(json: string, display: string): string[] {
  const warnings: string[] = [];
  const open: Map<string, number>[] = [];
  visit(json, {
    onObjectBegin: () => {
      open.push(new Map());
    },
    onObjectEnd: () => {
      open.pop();
    },
    onObjectProperty: (key, _offset, _length, startLine) => {
      const keys = open.at(-1);
      if (!keys) return;
      const line = startLine + 1;
      const first = keys.get(key);
      if (first !== undefined) {
        warnings.push(
          `${display}: key "${key}" appears twice in one object (lines ${first} and ${line}): line ${line} is used, line ${first} ignored`,
        );
      }
      keys.set(key, line);
    },
  });
  return warnings;
}
