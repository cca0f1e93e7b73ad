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

/**
 * Whoever runs `earshot` on this machine: the owner of the data directory, who needs no account
 * to read it. Has no user row, acts as an admin over every collection, and is named in the audit
 * log by EARSHOT_ACTOR with a null user id. Never the principal of a web request.
 */
export interface LocalOperator {
  userId: null;
  name: string;
  role: 'admin';
  collections: 'all';
}

/** Who an action is taken for: a signed-in user, or the local operator of the command line. */
export type Actor = Principal | LocalOperator;

export function localOperator(name: string): LocalOperator {
  return { userId: null, name, role: 'admin', collections: 'all' };
}

export function isLocalOperator(actor: Actor): actor is LocalOperator {
  return actor.userId === null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Null when the request carries no valid session. */
    principal: Principal | null;
  }
}

/** Whether the principal may see anything of the collection (a 404 otherwise, never a 403). */
export function canSeeCollection(actor: Actor, collectionId: string): boolean {
  return actor.collections === 'all' || actor.collections.includes(collectionId);
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
