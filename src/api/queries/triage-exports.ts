import type { Db } from '../../db/database.ts';
import type { CollectionScope } from '../../accounts/collection-scope.ts';
import { snippetParts } from '../../search/snippet.ts';
import { tagsOf } from '../../triage/tags.ts';
import { starsOf } from '../../triage/stars.ts';
import { TriageRejected } from '../../triage/triage-errors.ts';
import { analysisSummariesByRecording } from './recording-analysis.ts';
import { listRecordings, type RecordingListQuery } from './recordings-list.ts';
import { searchSegments, SEARCH_CANDIDATE_LIMIT, type SearchRequest } from './search.ts';

/**
 * The rows of the CSV exports: the calls list with its filters, and search results. Both read
 * through the same queries as the pages (collection scope included), page by page.
 */

/** More calls than this in one export is refused: the filters narrow it (a file per month...). */
export const CSV_MAX_CALLS = 10_000;
const PAGE = 200;

export const CALLS_CSV_HEADER = [
  'recording_id',
  'call_started_at_utc',
  'caller',
  'callee',
  'duration_seconds',
  'collection',
  'original_filename',
  'location',
  'triage_score',
  'killed',
  'wounded',
  'missing',
  'categories',
  'tags',
  'starred',
] as const;

export async function callsCsvRows(
  db: Db,
  query: Omit<RecordingListQuery, 'limit' | 'offset'>,
  user: { userId: string; scope: CollectionScope },
): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await listRecordings(db, { ...query, limit: PAGE, offset });
    if (page.total > CSV_MAX_CALLS)
      throw new TriageRejected(
        `${page.total} calls match; an export holds at most ${CSV_MAX_CALLS}: narrow the filters.`,
      );
    const ids = page.rows.map((r) => r.id);
    const [analyses, tags, stars] = await Promise.all([
      analysisSummariesByRecording(db, ids),
      tagsOf(db, ids, user.scope),
      starsOf(db, user.userId, ids),
    ]);
    const starred = new Set(stars.filter((s) => s.segmentId === null).map((s) => s.recordingId));
    for (const r of page.rows) {
      const a = analyses.get(r.id);
      const callTags = tags.filter((t) => t.recordingId === r.id && t.segmentId === null).map((t) => t.tag);
      rows.push([
        r.id,
        r.call_started_at,
        r.caller_number ?? r.caller_raw,
        r.callee_number ?? r.callee_raw,
        r.call_duration_seconds ?? r.duration_seconds,
        r.collection_name,
        r.original_filename,
        r.location_text,
        a?.triage_score,
        a?.casualties.killed,
        a?.casualties.wounded,
        a?.casualties.missing,
        a ? a.categories.join('; ') : null,
        callTags.join('; '),
        starred.has(r.id),
      ]);
    }
    if (page.rows.length < PAGE) return rows;
  }
}

export const SEARCH_CSV_HEADER = [
  'recording_id',
  'segment_id',
  'transcript_version',
  'start_seconds',
  'end_seconds',
  'lane',
  'speaker',
  'found_in',
  'snippet',
  'call_started_at_utc',
  'caller',
  'callee',
  'collection',
] as const;

/** Every ranked hit (up to the search's candidate cap), best first, with the snippet as text. */
export async function searchCsvRows(
  db: Db,
  request: Omit<SearchRequest, 'limit' | 'offset'>,
): Promise<{ rows: unknown[][]; totalIsLowerBound: boolean }> {
  const rows: unknown[][] = [];
  let totalIsLowerBound = false;
  for (let offset = 0; offset < SEARCH_CANDIDATE_LIMIT * 2; offset += 100) {
    const page = await searchSegments(db, { ...request, limit: 100, offset });
    totalIsLowerBound ||= page.totalIsLowerBound;
    for (const hit of page.hits) {
      rows.push([
        hit.recordingId,
        hit.segmentId,
        hit.transcriptVersion,
        hit.start,
        hit.end,
        hit.lane,
        hit.speaker,
        hit.source,
        snippetParts(hit.headlines[1])
          .map((part) => part.text)
          .join(''),
        hit.callStartedAt,
        hit.callerNumber,
        hit.calleeNumber,
        hit.collectionName,
      ]);
    }
    if (page.hits.length < 100 || offset + 100 >= page.total) break;
  }
  return { rows, totalIsLowerBound };
}
