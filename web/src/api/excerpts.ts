import { ROLE_PERMISSIONS } from '../../../src/accounts/permissions.ts';
import { getJson, postJson } from './http.ts';
import type { PostBody, PostResponse } from './openapi.ts';
import type { Session } from './session.ts';

// The excerpt builder (src/api/schemas/excerpts.ts): preview a selection, then export it.

export type ExcerptSelection = PostBody<'/api/recordings/{id}/excerpt-preview'>;
export type ExcerptPreview = PostResponse<'/api/recordings/{id}/excerpt-preview', 200>;
export type PreviewSegment = ExcerptPreview['segments'][number];
export type ExcerptExportRequest = PostBody<'/api/exports/excerpt'>;
export type ExcerptExport = PostResponse<'/api/exports/excerpt', 201>;

export function previewExcerpt(recordingId: string, selection: ExcerptSelection): Promise<ExcerptPreview> {
  return postJson(`/api/recordings/${encodeURIComponent(recordingId)}/excerpt-preview`, selection);
}

export function exportExcerpt(body: ExcerptExportRequest): Promise<ExcerptExport> {
  return postJson('/api/exports/excerpt', body);
}

/** What the signed-in user may do with excerpts (the server checks again). */
export async function excerptAccess(signal?: AbortSignal): Promise<{ mayExport: boolean; isAdmin: boolean }> {
  const session = await getJson<Session>('/api/session', signal);
  return { mayExport: ROLE_PERMISSIONS[session.role].has('export'), isAdmin: session.role === 'admin' };
}
