import { ROLE_PERMISSIONS } from '../../../src/accounts/permissions.ts';
import { getJson, postJson, queryString, sendJson, type QueryValue } from './http.ts';
import type { GetResponse, PostBody, PostResponse } from './openapi.ts';
import type { Session } from './session.ts';

// Tags, stars, bulk actions, saved searches, batch search and CSV downloads
// (src/api/routes/triage.ts, triage-lists.ts); shapes from the OpenAPI document.

export type CallTriage = GetResponse<'/api/triage'>['calls'][number];
export type TagsInUse = GetResponse<'/api/tags'>['tags'];
export type BulkTagResult = PostResponse<'/api/triage/tag', 200>;
export type BulkRerunResult = PostResponse<'/api/triage/rerun', 200>;
export type RerunStage = PostBody<'/api/triage/rerun'>['stage'];
export type SavedSearch = GetResponse<'/api/saved-searches'>['items'][number];
export type BatchSearchBody = PostBody<'/api/search/batch'>;
export type BatchSearchResult = PostResponse<'/api/search/batch', 200>['results'][number];

export const mayTag = (session: Session): boolean => ROLE_PERMISSIONS[session.role].has('tag_calls');
export const mayRerun = (session: Session): boolean => ROLE_PERMISSIONS[session.role].has('run_pipeline');
export const mayExportCsv = (session: Session): boolean => ROLE_PERMISSIONS[session.role].has('export');

export async function triageOf(recordingIds: readonly string[], signal?: AbortSignal): Promise<CallTriage[]> {
  if (recordingIds.length === 0) return [];
  const answer = await getJson<GetResponse<'/api/triage'>>(
    `/api/triage${queryString({ recordingIds: recordingIds.join(',') })}`,
    signal,
  );
  return answer.calls;
}

export async function tagsInUse(signal?: AbortSignal): Promise<TagsInUse> {
  return (await getJson<GetResponse<'/api/tags'>>('/api/tags', signal)).tags;
}

const callUrl = (id: string, tail: string, query: Record<string, QueryValue> = {}) =>
  `/api/recordings/${encodeURIComponent(id)}/${tail}${queryString(query)}`;

export function addTag(recordingId: string, tag: string, segmentId?: string): Promise<CallTriage> {
  return postJson(callUrl(recordingId, 'tags'), { tag, segmentId });
}

export function removeTag(recordingId: string, tag: string, segmentId: string | null): Promise<CallTriage> {
  return sendJson('DELETE', callUrl(recordingId, 'tags', { tag, segmentId }));
}

export function setStar(recordingId: string, on: boolean, segmentId?: string): Promise<{ starred: boolean }> {
  return sendJson(on ? 'PUT' : 'DELETE', callUrl(recordingId, 'star', { segmentId }));
}

export function bulkTag(
  recordingIds: readonly string[],
  tag: string,
  remove = false,
): Promise<BulkTagResult> {
  return postJson(remove ? '/api/triage/untag' : '/api/triage/tag', { recordingIds, tag });
}

export function bulkRerun(recordingIds: readonly string[], stage: RerunStage): Promise<BulkRerunResult> {
  return postJson('/api/triage/rerun', { recordingIds, stage });
}

export async function listSavedSearches(signal?: AbortSignal): Promise<SavedSearch[]> {
  return (await getJson<GetResponse<'/api/saved-searches'>>('/api/saved-searches', signal)).items;
}

export function saveSearch(name: string, params: Record<string, string>): Promise<SavedSearch> {
  return postJson('/api/saved-searches', { name, params });
}

export function deleteSavedSearch(id: string): Promise<SavedSearch> {
  return sendJson('DELETE', `/api/saved-searches/${encodeURIComponent(id)}`);
}

export async function batchSearch(body: BatchSearchBody): Promise<BatchSearchResult[]> {
  return (await postJson<PostResponse<'/api/search/batch', 200>>('/api/search/batch', body)).results;
}

/** The address of a CSV download of the Calls page (its filters) or of a search. */
export function csvHref(kind: 'calls' | 'search', params: Record<string, QueryValue>): string {
  const { limit: _limit, offset: _offset, ...rest } = params;
  return `/api/csv/${kind}${queryString(rest)}`;
}
