import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit, type AuditAction, type AuditEntry } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import type { AuditLogRow, JsonObject } from '../db/schema.ts';
import { errorResponseSchema } from './schemas/common.ts';

/**
 * Which requests leave an audit entry is declared on the route (`config: { audit: … }`); the hooks
 * here write the entries, so no handler calls the audit log itself and a route's declaration sits
 * beside its schema.
 *
 * A read (GET; HEAD is not recorded) is recorded once it has passed validation: the entry is
 * written while the handler runs (started in preHandler, so its round trip overlaps the handler's
 * queries) and awaited in onSend, before the first byte leaves. So an attempt that ends in a 404
 * (an id that does not exist, or is not the user's to see) is recorded too. A read whose entry
 * cannot be written fails closed with a 503 and nothing served: every read of the evidence leaves
 * a trace, or does not happen.
 *
 * A change (note, correction) is recorded in onSend once it succeeded (2xx). It has already been
 * committed when its entry fails: it answers as usual, and the failure is logged at error level
 * (the change itself is in the custody log or the notes table).
 */
export interface RouteAudit {
  action: AuditAction;
  /** What was acted on, from the validated request: a recording id, a search query. */
  target: (request: FastifyRequest) => string | null;
  details?: (request: FastifyRequest) => JsonObject;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Record an audit entry for each read, and each successful change (src/api/audit-hook.ts). */
    audit?: RouteAudit;
  }
}

/** A read that could not be recorded in the audit log: refused (503). */
export class AuditUnavailable extends Error {}

/** What an audited read may answer when its entry cannot be written, for its OpenAPI responses. */
export const auditUnavailableResponse = {
  503: errorResponseSchema.describe('The audit entry of this read could not be written: nothing was served'),
};

/** The target of the routes under /api/recordings/:id. */
export const recordingTarget = (request: FastifyRequest): string => (request.params as { id: string }).id;

/**
 * Records an entry for this request: who (the signed-in principal unless named), from where
 * (request.ip). For events a route records itself, such as a sign-in, whose user is not the
 * request's principal yet:
 *   await recordRequestAudit(db, request, { action: 'sign-in', target: user.name, actor: user.name, userId: user.id });
 */
export function recordRequestAudit(
  db: Db,
  request: FastifyRequest,
  entry: Pick<AuditEntry, 'action' | 'target' | 'details'> & Partial<Pick<AuditEntry, 'actor' | 'userId'>>,
): Promise<AuditLogRow> {
  const principal = request.principal ?? null;
  return recordAudit(db, {
    actor: entry.actor !== undefined ? entry.actor : (principal?.name ?? null),
    userId: entry.userId !== undefined ? entry.userId : (principal?.userId ?? null),
    action: entry.action,
    target: entry.target,
    address: request.ip,
    details: entry.details,
  });
}

/** The entry of a read being written: settles to the error, or null once written. */
const readEntries = new WeakMap<FastifyRequest, Promise<unknown>>();

function entryOf(request: FastifyRequest, audit: RouteAudit) {
  return { action: audit.action, target: audit.target(request), details: audit.details?.(request) };
}

export function installAuditHook(app: FastifyInstance, db: Db): void {
  app.addHook('preHandler', (request, _reply, done) => {
    const audit = request.routeOptions.config.audit;
    if (audit && request.method === 'GET') {
      const written = recordRequestAudit(db, request, entryOf(request, audit));
      readEntries.set(
        request,
        written.then(
          () => null,
          (error: unknown) => error,
        ),
      );
    }
    done();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const audit = request.routeOptions.config.audit;
    if (!audit || request.method === 'HEAD') return payload;
    if (request.method === 'GET') {
      const failure = await readEntries.get(request);
      readEntries.delete(request);
      if (failure) refuseRead(request, reply, payload, failure);
      return payload;
    }
    if (reply.statusCode >= 300) return payload;
    try {
      await recordRequestAudit(db, request, entryOf(request, audit));
    } catch (error) {
      request.log.error(
        { err: error, action: audit.action },
        'audit entry not written (the change was made)',
      );
    }
    return payload;
  });
}

/** Throws instead of the read's answer; an answer that is already an error stays as it is. */
function refuseRead(request: FastifyRequest, reply: FastifyReply, payload: unknown, failure: unknown): void {
  const action = request.routeOptions.config.audit?.action;
  if (reply.statusCode >= 400) {
    request.log.error({ err: failure, action }, 'audit entry not written (the answer was an error)');
    return;
  }
  request.log.error({ err: failure, action }, 'audit entry not written: the read is refused');
  (payload as Partial<Readable> | null)?.destroy?.();
  for (const header of ['content-range', 'etag', 'accept-ranges', 'last-modified', 'cache-control']) {
    reply.removeHeader(header);
  }
  throw new AuditUnavailable(
    'The audit log could not be written, so nothing was served: every read is recorded. ' +
      'The server log has the cause.',
  );
}
