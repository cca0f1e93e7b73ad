import { ROLE_PERMISSIONS } from '../../../src/accounts/permissions.ts';
import { getJson, postJson } from './http.ts';
import type { PostBody, PostResponse } from './openapi.ts';
import type { Session } from './session.ts';

// Evidence bundles (src/api/schemas/exports.ts): written on the server, then downloaded by link.

export type EvidenceExportRequest = PostBody<'/api/exports/evidence'>;
export type EvidenceExport = PostResponse<'/api/exports/evidence', 201>;

export function exportEvidence(body: EvidenceExportRequest): Promise<EvidenceExport> {
  return postJson('/api/exports/evidence', body);
}

/** Whether the signed-in user's role may export (the server checks again). */
export async function mayExport(signal?: AbortSignal): Promise<boolean> {
  const session = await getJson<Session>('/api/session', signal);
  return ROLE_PERMISSIONS[session.role].has('export');
}
