import { getJson, queryString } from './http.ts';
import type { GetQuery, GetResponse, TextParams } from './openapi.ts';

// The audit log (admins only; anyone else gets a 404): shapes from the server's OpenAPI document
// (src/api/schemas/audit.ts → openapi-types.ts).

type AuditQuery = GetQuery<'/api/audit'>;

/** The page's filters, as text from its URL; the server checks them. */
export type AuditFilters = TextParams<AuditQuery, 'actor' | 'action' | 'target' | 'from' | 'to'>;

export type AuditPage = GetResponse<'/api/audit'>;
export type AuditEntry = AuditPage['items'][number];
export type AuditVerification = GetResponse<'/api/audit/verify'>;

export { AUDIT_ACTIONS } from '../../../src/audit/audit-actions.ts';

export function getAuditLog(
  filters: AuditFilters & { limit: number; offset: number },
  signal?: AbortSignal,
): Promise<AuditPage> {
  return getJson(`/api/audit${queryString(filters)}`, signal);
}

export function verifyAuditLog(signal?: AbortSignal): Promise<AuditVerification> {
  return getJson('/api/audit/verify', signal);
}
