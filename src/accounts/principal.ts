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
  /**
   * The grants covered every collection there was when the principal was loaded (at each
   * request): its queries then need no collection condition, and cost what an admin's cost. Not
   * a role: a collection created later is not granted, and the next request's principal says so.
   */
  everyCollectionGranted?: boolean;
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

/** A request that needs a signed-in user came without a valid session (401 not_signed_in). */
export class NotSignedInError extends Error {
  constructor() {
    super(
      'Not signed in: sign in at /#/sign-in, or ask an admin for a sign-in link (`earshot sign-in-link`).',
    );
  }
}

/** The principal a route acts for; the one check every route makes, whatever hook set it. */
export function principalOf(request: FastifyRequest): Principal {
  const principal = signedInPrincipal(request);
  if (!principal) throw new NotSignedInError();
  return principal;
}

/** The principal, or null for a request without a session (routes open to everybody). */
export function signedInPrincipal(request: FastifyRequest): Principal | null {
  // Undefined as well as null: a server without the session hook must refuse, not allow.
  return (request as { principal?: Principal | null }).principal ?? null;
}
