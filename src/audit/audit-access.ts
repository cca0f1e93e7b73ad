import { may } from '../accounts/permissions.ts';
import type { Principal } from '../accounts/principal.ts';

/**
 * Who may read the audit log and its verification: the roles the permission table gives
 * `read_audit_log` (admins). Anyone else gets the 404 of a route that does not exist.
 */
export function mayReadAuditLog(principal: Principal | null): boolean {
  return principal !== null && may(principal, 'read_audit_log');
}
