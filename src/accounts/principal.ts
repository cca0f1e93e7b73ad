import type { FastifyRequest } from 'fastify';
import type { UserRole } from '../db/schema.ts';

/**
 * The signed-in user a request acts for (issue 12). Set by the session hook from the session
 * cookie; read by routes for access checks, by the audit log, and as the actor of custody events.
 */
export interface Principal {
  userId: string;
  name: string;
  role: UserRole;
  /** Collections this user may see: every one for admins, the granted ones for everybody else. */
  collections: 'all' | readonly string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Null when the request carries no valid session. */
    principal: Principal | null;
  }
}

/** Whether the principal may see anything of the collection (a 404 otherwise, never a 403). */
export function canSeeCollection(principal: Principal, collectionId: string): boolean {
  return principal.collections === 'all' || principal.collections.includes(collectionId);
}

export type RequestWithPrincipal = FastifyRequest & { principal: Principal };
