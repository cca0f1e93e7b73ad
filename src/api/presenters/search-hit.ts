import type { SearchHitRow } from '../queries/search.ts';
import type { SearchHitResponse } from '../schemas/search.ts';
import { hasMatch, snippetParts } from '../../search/snippet.ts';
import { isoOrNull } from './dates.ts';

/**
 * A hit with its snippet. The stemming configuration drops stop words, so a quoted phrase such
 * as "не стрелять" is highlighted only by the exact-form headline: the first one with a match wins.
 */
export function presentSearchHit(row: SearchHitRow): SearchHitResponse {
  const stem = snippetParts(row.headlines[0]);
  const exact = snippetParts(row.headlines[1]);
  return {
    recordingId: row.recordingId,
    segmentId: row.segmentId,
    transcriptVersion: row.transcriptVersion,
    start: row.start,
    end: row.end,
    lane: row.lane,
    speaker: row.speaker,
    source: row.source,
    rank: row.rank,
    snippet: hasMatch(stem) || !hasMatch(exact) ? stem : exact,
    recording: {
      callStartedAt: isoOrNull(row.callStartedAt),
      callerNumber: row.callerNumber,
      calleeNumber: row.calleeNumber,
      collection: { id: row.collectionId, name: row.collectionName },
    },
  };
}
