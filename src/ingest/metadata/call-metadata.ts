import type { CountryCode } from 'libphonenumber-js';
import type { JsonObject } from '../../db/schema.ts';
import { parseCallStart, parseDuration } from './call-time.ts';
import type { RawCallRecord } from './fields.ts';
import { normalisePhoneNumber } from './phone-number.ts';

/** The recordings columns that hold call metadata. */
export interface CallMetadataColumns {
  caller_raw: string | null;
  caller_number: string | null;
  callee_raw: string | null;
  callee_number: string | null;
  call_started_at: Date | null;
  call_timezone: string | null;
  call_duration_seconds: number | null;
  cell_id: string | null;
  location_text: string | null;
  call_source: string | null;
  call_batch: string | null;
  metadata_origin: 'sidecar' | 'filename' | null;
  metadata_extra: JsonObject;
}

export interface CallMetadata {
  columns: CallMetadataColumns;
  /** One line per value that could not be read, naming where it came from. */
  problems: string[];
}

export const emptyCallMetadata: CallMetadataColumns = {
  caller_raw: null,
  caller_number: null,
  callee_raw: null,
  callee_number: null,
  call_started_at: null,
  call_timezone: null,
  call_duration_seconds: null,
  cell_id: null,
  location_text: null,
  call_source: null,
  call_batch: null,
  metadata_origin: null,
  metadata_extra: {},
};

export interface MetadataOptions {
  region: CountryCode;
  /** Zone for wall-clock times that carry none. */
  defaultTimeZone: string;
}

/**
 * Turns raw call values into recording columns. Nothing is dropped: raw numbers are kept beside
 * their E.164 form, unknown columns go to metadata_extra, and every value that cannot be read
 * becomes a problem line (the audio is ingested all the same).
 */
export function buildCallMetadata(
  record: RawCallRecord,
  kind: 'sidecar' | 'filename',
  options: MetadataOptions,
): CallMetadata {
  const problems: string[] = [];
  const f = record.fields;
  const extra: JsonObject = { ...record.extra };
  const phone = (label: string, raw: string | undefined): string | null => {
    if (raw === undefined) return null;
    const result = normalisePhoneNumber(raw, options.region);
    if (result.problem) problems.push(`${record.origin}: ${label} ${result.problem}`);
    return result.e164;
  };

  let startedAt: Date | null = null;
  let zone: string | null = null;
  const zoneText = f.timezone ?? options.defaultTimeZone;
  const start = parseCallStart({ start: f.start, date: f.date, time: f.time }, zoneText);
  if (start?.ok) {
    startedAt = start.instant;
    zone = start.zone;
    if (!f.timezone && !/([+-]\d{2}(:?\d{2})?|Z)$/i.test(f.start ?? '')) extra.timezone_assumed = true;
  } else if (start && !start.ok) {
    problems.push(`${record.origin}: ${start.problem}`);
    extra.start_unreadable = f.start ?? [f.date, f.time].filter(Boolean).join(' ');
  }

  let duration: number | null = null;
  if (f.duration !== undefined) {
    duration = parseDuration(f.duration);
    if (duration === null) {
      problems.push(`${record.origin}: duration "${f.duration}" is not a number of seconds or MM:SS`);
      extra.duration_unreadable = f.duration;
    }
  }

  return {
    columns: {
      caller_raw: f.caller ?? null,
      caller_number: phone('caller', f.caller),
      callee_raw: f.callee ?? null,
      callee_number: phone('callee', f.callee),
      call_started_at: startedAt,
      call_timezone: zone,
      call_duration_seconds: duration,
      cell_id: f.cell ?? null,
      location_text: f.location ?? null,
      call_source: f.source ?? null,
      call_batch: f.batch ?? null,
      metadata_origin: kind,
      metadata_extra: extra,
    },
    problems,
  };
}
