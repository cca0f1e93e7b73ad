import { getJson, queryString, type QueryValue } from './http.ts';
import type { CallFilters } from './recordings.ts';

// Full-text search (session contract, H6).

export interface SearchParams extends CallFilters {
  q: string;
  lang?: 'ru' | 'en' | 'all';
  translit?: boolean;
  limit: number;
  offset: number;
}

export interface SearchHit {
  recordingId: string;
  segmentId: string;
  transcriptVersion: number;
  start: number;
  end: number;
  lane: string;
  speaker: string | null;
  source: 'transcript' | 'translation';
  rank: number;
  snippet: { text: string; match: boolean }[];
  recording: {
    callStartedAt: string | null;
    callerNumber: string | null;
    calleeNumber: string | null;
    collection: { id: string; name: string };
  };
}

export interface SearchResult {
  total: number;
  /** True when more segments match than were ranked. */
  totalIsLowerBound: boolean;
  hits: SearchHit[];
}

export function search(params: SearchParams, signal?: AbortSignal): Promise<SearchResult> {
  const { translit, ...rest } = params;
  const query = { ...rest, translit: translit ? 'true' : undefined } as unknown as Record<string, QueryValue>;
  return getJson(`/api/search${queryString(query)}`, signal);
}
