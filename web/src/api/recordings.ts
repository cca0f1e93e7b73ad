import { getJson, queryString } from './http.ts';
import type { GetQuery, GetResponse, TextParams } from './openapi.ts';

// GET /api/recordings, /api/recordings/:id and /api/collections: the shapes are the server's own,
// from its OpenAPI document (src/api/schemas/recordings.ts → openapi-types.ts).

export type RecordingList = GetResponse<'/api/recordings'>;
export type RecordingSummary = RecordingList['items'][number];
export type RecordingDetail = GetResponse<'/api/recordings/{id}'>;

export type StageRun = RecordingSummary['stages'][number];
export type StageStatus = StageRun['status'];
export type CallMetadata = RecordingSummary['call'];
export type RecordingAnalysisSummary = NonNullable<RecordingSummary['analysis']>;
export type Casualties = RecordingAnalysisSummary['casualties'];
export type WorkingCopy = RecordingDetail['workingCopies'][number];
export type CustodyEvent = RecordingDetail['custody'][number];
export type RecordingSource = RecordingDetail['sources'][number];

export type RecordingListQuery = GetQuery<'/api/recordings'>;

/**
 * Filters shared by the Calls and Search pages. They travel in the page's URL as text, under the
 * recordings list's own parameter names; the server checks them (a bad date is its 400, shown as is).
 * undated 'true': only calls without a start time; starred 'true': only calls you starred; caller and callee (E.164): one edge of the call graph.
 */
export type CallFilters = TextParams<
  RecordingListQuery,
  | 'collection'
  | 'from'
  | 'to'
  | 'category'
  | 'place'
  | 'person'
  | 'phone'
  | 'stage'
  | 'status'
  | 'minTriage'
  | 'caller'
  | 'callee'
  | 'undated'
  | 'verification'
  | 'tag'
  | 'starred'
>;

export type RecordingListParams = CallFilters &
  Pick<RecordingListQuery, 'sort' | 'order'> &
  Required<Pick<RecordingListQuery, 'limit' | 'offset'>>;

export function listRecordings(params: RecordingListParams, signal?: AbortSignal): Promise<RecordingList> {
  return getJson(`/api/recordings${queryString(params)}`, signal);
}

export function getRecording(id: string, signal?: AbortSignal): Promise<RecordingDetail> {
  return getJson(`/api/recordings/${encodeURIComponent(id)}`, signal);
}

export type CollectionList = GetResponse<'/api/collections'>;
export type Collection = CollectionList['items'][number];

export function listCollections(signal?: AbortSignal): Promise<CollectionList> {
  return getJson('/api/collections', signal);
}

export function workingAudioUrl(recordingId: string, channel: number): string {
  return `/api/recordings/${encodeURIComponent(recordingId)}/audio/working?channel=${channel}`;
}
