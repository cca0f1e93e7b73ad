import type { Principal } from '../accounts/principal.ts';

/**
 * Who may read the audit log and its verification: admins only. The one place this is decided:
 * when the permission table of src/accounts lands, this asks it instead.
 */
export function mayReadAuditLog(principal: Principal | null): boolean {
  return principal?.role === 'admin';
}
