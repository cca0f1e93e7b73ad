import { getJson, postJson } from './http.ts';
import type { GetResponse, PostBody, PostResponse } from './openapi.ts';

// Near-duplicate calls (src/api/routes/duplicates.ts): machine leads a person confirms or rejects.

export type DuplicateLeads = GetResponse<'/api/recordings/{id}/duplicates'>;
export type DuplicateLead = DuplicateLeads['leads'][number];
export type DuplicateDecision = PostBody<'/api/recordings/{id}/duplicates/{leadId}'>;

export function listDuplicateLeads(recordingId: string, signal?: AbortSignal): Promise<DuplicateLeads> {
  return getJson(`/api/recordings/${encodeURIComponent(recordingId)}/duplicates`, signal);
}

export function decideDuplicateLead(
  recordingId: string,
  leadId: string,
  body: DuplicateDecision,
): Promise<PostResponse<'/api/recordings/{id}/duplicates/{leadId}', 200>> {
  return postJson(
    `/api/recordings/${encodeURIComponent(recordingId)}/duplicates/${encodeURIComponent(leadId)}`,
    body,
  );
}
