import type { Db } from '../../db/database.ts';
import { parseSearchQuery, QueryParseError } from '../../search/query-parser.ts';
import { listRecordings, type RecordingListFilters } from './recordings-list.ts';
import { searchSegments, type SearchHitRow } from './search.ts';

/**
 * Batch search (as in Datashare): a list of names or numbers, one search each, answered as how
 * many segments say it and in which calls. Each line is a query of the search box (so "quoted
 * words" are a phrase, and the number and transliteration rules of the search apply). A line that
 * looks like a phone number is also looked up as a caller or callee of the calls, as the list's
 * phone filter does. A line the search refuses gets its error; the other lines still run.
 */

export const MAX_BATCH_TERMS = 100;
/** Hits read per term to name its calls: the calls of the best-ranked hits. */
const HITS_READ = 100;
/** Calls named per term (the count says how many hits there are in all). */
export const CALLS_PER_TERM = 20;

export interface BatchCall {
  recordingId: string;
  callStartedAt: Date | null;
  callerNumber: string | null;
  calleeNumber: string | null;
  collectionName: string;
  /** Hits of the term in this call among those read; 0 for a call found by its number only. */
  hits: number;
  /** The call's caller or callee is the number searched. */
  party: boolean;
}

export interface BatchTermResult {
  term: string;
  /** Segments that match; a lower bound when totalIsLowerBound. */
  hits: number;
  totalIsLowerBound: boolean;
  /** Calls whose caller or callee is the number (null: the term is not a number). */
  callsAsParty: number | null;
  calls: BatchCall[];
  /** Why the term was not searched (a query the parser refuses). */
  error: string | null;
}

export interface BatchSearchRequest {
  terms: readonly string[];
  lang: 'ru' | 'en' | 'all';
  translit: boolean;
  filters: RecordingListFilters;
}

const PHONE_CHARACTERS = /^\+?[\d\s\-().]+$/;

/** The list's phone filter for a term that is a phone number (6 or more digits), else undefined. */
export function phoneFilterOf(
  term: string,
): Pick<RecordingListFilters, 'phoneExact' | 'phoneDigits'> | undefined {
  if (!PHONE_CHARACTERS.test(term)) return undefined;
  const compact = term.replace(/[\s\-().]/g, '');
  if (/^\+[1-9]\d{5,14}$/.test(compact)) return { phoneExact: compact };
  if (/^\d{6,15}$/.test(compact)) return { phoneDigits: compact };
  return undefined;
}

function callsOfHits(hits: readonly SearchHitRow[]): Map<string, BatchCall> {
  const calls = new Map<string, BatchCall>();
  for (const hit of hits) {
    const known = calls.get(hit.recordingId);
    if (known) known.hits += 1;
    else
      calls.set(hit.recordingId, {
        recordingId: hit.recordingId,
        callStartedAt: hit.callStartedAt,
        callerNumber: hit.callerNumber,
        calleeNumber: hit.calleeNumber,
        collectionName: hit.collectionName,
        hits: 1,
        party: false,
      });
  }
  return calls;
}

async function addPartyCalls(
  db: Db,
  calls: Map<string, BatchCall>,
  filters: RecordingListFilters,
): Promise<number> {
  const { rows, total } = await listRecordings(db, {
    filters,
    sort: 'call_started_at',
    order: 'desc',
    limit: CALLS_PER_TERM,
    offset: 0,
  });
  for (const r of rows) {
    const known = calls.get(r.id);
    if (known) known.party = true;
    else
      calls.set(r.id, {
        recordingId: r.id,
        callStartedAt: r.call_started_at,
        callerNumber: r.caller_number,
        calleeNumber: r.callee_number,
        collectionName: r.collection_name,
        hits: 0,
        party: true,
      });
  }
  return total;
}

async function segmentHits(
  db: Db,
  term: string,
  request: BatchSearchRequest,
): Promise<{ total: number; totalIsLowerBound: boolean; hits: SearchHitRow[] } | { error: string }> {
  let parsed;
  try {
    parsed = parseSearchQuery(term);
  } catch (error) {
    if (error instanceof QueryParseError) return { error: error.message };
    throw error;
  }
  return searchSegments(db, {
    parsed,
    lang: request.lang,
    translit: request.translit,
    filters: request.filters,
    limit: HITS_READ,
    offset: 0,
  });
}

async function searchTerm(db: Db, term: string, request: BatchSearchRequest): Promise<BatchTermResult> {
  const found = await segmentHits(db, term, request);
  const calls = callsOfHits('error' in found ? [] : found.hits);
  const phone = phoneFilterOf(term);
  const callsAsParty = phone ? await addPartyCalls(db, calls, { ...request.filters, ...phone }) : null;
  return {
    term,
    hits: 'error' in found ? 0 : found.total,
    totalIsLowerBound: 'error' in found ? false : found.totalIsLowerBound,
    callsAsParty,
    calls: [...calls.values()]
      .sort((a, b) => b.hits - a.hits || Number(b.party) - Number(a.party))
      .slice(0, CALLS_PER_TERM),
    error: 'error' in found ? found.error : null,
  };
}

/** One search per term, in the order given (one at a time: the desk machine is small). */
export async function batchSearch(db: Db, request: BatchSearchRequest): Promise<BatchTermResult[]> {
  const results: BatchTermResult[] = [];
  for (const term of request.terms) results.push(await searchTerm(db, term, request));
  return results;
}
