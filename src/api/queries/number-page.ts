import { sql, type RawBuilder } from 'kysely';
import { collectionCondition, type CollectionScope } from '../../accounts/collection-scope.ts';
import type { Db } from '../../db/database.ts';

/**
 * What the number page shows of one E.164 number, all within the principal's collections: its
 * calls (either side), counterparts, cells and locations from the call records, places and people
 * the current analysis found in its calls, and the calls in which it is spoken.
 */

/** The most calls the page lists; counts and first/last seen are over all of them. */
export const NUMBER_CALLS_LIMIT = 500;

export interface NumberCallRow {
  id: string;
  collection_id: string;
  collection_name: string;
  call_started_at: Date | null;
  caller_number: string | null;
  caller_raw: string | null;
  callee_number: string | null;
  callee_raw: string | null;
  duration_seconds: number | null;
  cell_id: string | null;
  location_text: string | null;
  original_filename: string;
}

export interface NumberSummaryRow {
  calls: number;
  first_seen: Date | null;
  last_seen: Date | null;
}

export interface CounterpartRow {
  number: string;
  calls: number;
  outgoing: number;
  incoming: number;
  first_seen: Date | null;
  last_seen: Date | null;
}

export interface CellRow {
  cell_id: string | null;
  location_text: string | null;
  calls: number;
  first_seen: Date | null;
  last_seen: Date | null;
}

export interface MentionedPlaceRow {
  place_id: string;
  name_en: string;
  name_ru: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  mentions: number;
  calls: number;
}

export interface MentionedPersonRow {
  name: string;
  mentions: number;
  calls: number;
}

export interface SpokenRow {
  recording_id: string;
  collection_name: string;
  call_started_at: Date | null;
  caller_number: string | null;
  callee_number: string | null;
  segment_id: string;
  surface: string;
  confidence: number;
}

/** The scoped recordings with the number on either side (both indexes serve it). */
export function callsOfNumber(number: string, scope: CollectionScope): RawBuilder<unknown> {
  return sql`
    SELECT r.* FROM recordings r
    WHERE (r.caller_number = ${number} OR r.callee_number = ${number})
      AND ${collectionCondition('r.collection_id', scope)}`;
}

export async function numberSummary(
  db: Db,
  number: string,
  scope: CollectionScope,
): Promise<NumberSummaryRow> {
  const result = await sql<NumberSummaryRow>`
    SELECT count(*)::int AS calls, min(n.call_started_at) AS first_seen, max(n.call_started_at) AS last_seen
    FROM (${callsOfNumber(number, scope)}) n`.execute(db);
  return result.rows[0] ?? { calls: 0, first_seen: null, last_seen: null };
}

/** The number's calls, oldest first (undated last). */
export async function numberCalls(db: Db, number: string, scope: CollectionScope): Promise<NumberCallRow[]> {
  const result = await sql<NumberCallRow>`
    SELECT n.id, n.collection_id, c.name AS collection_name, n.call_started_at, n.caller_number,
      n.caller_raw, n.callee_number, n.callee_raw, coalesce(n.call_duration_seconds, n.duration_seconds) AS duration_seconds,
      n.cell_id, n.location_text, n.original_filename
    FROM (${callsOfNumber(number, scope)}) n
    JOIN collections c ON c.id = n.collection_id
    ORDER BY n.call_started_at ASC NULLS LAST, n.created_at, n.id
    LIMIT ${NUMBER_CALLS_LIMIT}`.execute(db);
  return result.rows;
}

/** The numbers on the other side of its calls, most calls first. A call to itself has none. */
export async function numberCounterparts(
  db: Db,
  number: string,
  scope: CollectionScope,
): Promise<CounterpartRow[]> {
  const result = await sql<CounterpartRow>`
    SELECT o.other AS number, count(*)::int AS calls,
      (count(*) FILTER (WHERE o.outgoing))::int AS outgoing,
      (count(*) FILTER (WHERE NOT o.outgoing))::int AS incoming,
      min(o.call_started_at) AS first_seen, max(o.call_started_at) AS last_seen
    FROM (
      SELECT CASE WHEN n.caller_number = ${number} THEN n.callee_number ELSE n.caller_number END AS other,
        n.caller_number = ${number} AS outgoing, n.call_started_at
      FROM (${callsOfNumber(number, scope)}) n
    ) o
    WHERE o.other IS NOT NULL AND o.other <> ${number}
    GROUP BY o.other
    ORDER BY calls DESC, o.other COLLATE "C"`.execute(db);
  return result.rows;
}

/** Cell ids and location texts the call records give for its calls. */
export async function numberCells(db: Db, number: string, scope: CollectionScope): Promise<CellRow[]> {
  const result = await sql<CellRow>`
    SELECT n.cell_id, n.location_text, count(*)::int AS calls,
      min(n.call_started_at) AS first_seen, max(n.call_started_at) AS last_seen
    FROM (${callsOfNumber(number, scope)}) n
    WHERE n.cell_id IS NOT NULL OR n.location_text IS NOT NULL
    GROUP BY n.cell_id, n.location_text
    ORDER BY calls DESC, first_seen ASC NULLS LAST, n.cell_id, n.location_text`.execute(db);
  return result.rows;
}

/** Places the current analyses of its calls mention. */
export async function numberPlaces(
  db: Db,
  number: string,
  scope: CollectionScope,
): Promise<MentionedPlaceRow[]> {
  // The gazetteer entry as the newest run recorded it (entries are copied into each run).
  const newest = (column: string) => sql`(array_agg(${sql.ref(`e.${column}`)} ORDER BY e.id DESC))[1]`;
  const result = await sql<MentionedPlaceRow>`
    SELECT e.place_id, ${newest('place_name_en')} AS name_en, ${newest('place_name_ru')} AS name_ru,
      ${newest('country')} AS country, ${newest('lat')} AS lat, ${newest('lon')} AS lon,
      count(*)::int AS mentions, count(DISTINCT ac.recording_id)::int AS calls
    FROM (${callsOfNumber(number, scope)}) n
    JOIN analysis_current ac ON ac.recording_id = n.id
    JOIN analysis_entities e ON e.run_id = ac.run_id
    WHERE e.kind = 'place' AND e.place_id IS NOT NULL
    GROUP BY e.place_id
    ORDER BY calls DESC, mentions DESC, name_en`.execute(db);
  return result.rows;
}

/** People (names as the analysis normalised them) the current analyses of its calls mention. */
export async function numberPersons(
  db: Db,
  number: string,
  scope: CollectionScope,
): Promise<MentionedPersonRow[]> {
  const result = await sql<MentionedPersonRow>`
    SELECT e.value AS name, count(*)::int AS mentions, count(DISTINCT ac.recording_id)::int AS calls
    FROM (${callsOfNumber(number, scope)}) n
    JOIN analysis_current ac ON ac.recording_id = n.id
    JOIN analysis_entities e ON e.run_id = ac.run_id
    WHERE e.kind = 'person'
    GROUP BY e.value
    ORDER BY calls DESC, mentions DESC, e.value`.execute(db);
  return result.rows;
}

/**
 * Where the number is spoken: phone entities of current analyses whose value (E.164, normalised
 * by the analyser) is this number, in any scoped call, on either side or neither.
 */
export async function numberSpoken(db: Db, number: string, scope: CollectionScope): Promise<SpokenRow[]> {
  const result = await sql<SpokenRow>`
    SELECT ac.recording_id, c.name AS collection_name, r.call_started_at, r.caller_number, r.callee_number,
      e.transcript_segment_id::text AS segment_id, e.surface, e.confidence
    FROM analysis_entities e
    JOIN analysis_current ac ON ac.run_id = e.run_id
    JOIN recordings r ON r.id = ac.recording_id
    JOIN collections c ON c.id = r.collection_id
    WHERE e.kind = 'phone' AND e.value = ${number} AND ${collectionCondition('ac.collection_id', scope)}
    ORDER BY r.call_started_at ASC NULLS LAST, ac.recording_id, e.transcript_segment_id, e.start_offset
    LIMIT ${NUMBER_CALLS_LIMIT}`.execute(db);
  return result.rows;
}
