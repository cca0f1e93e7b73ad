import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit, type AuditAction } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import type { JsonObject } from '../db/schema.ts';
import { errorResponseSchema } from './schemas/common.ts';

/**
 * Which requests leave an audit entry is declared on the route (`config: { audit: … }`); this one
 * hook writes the entries, so no handler calls the audit log itself and a route's declaration sits
 * beside its schema.
 *
 * The entry is written in onSend, after the handler and before the first byte leaves: the status
 * is known (only successful requests are recorded: 2xx and 304; HEAD is not) and a read can still
 * be refused. A read whose entry cannot be written fails closed with a 503 and nothing served:
 * every read of the evidence leaves a trace, or does not happen. A change (note, correction,
 * upload) has already been committed when its entry fails: it answers as usual, and the failure
 * is logged at error level (the change itself is in the custody log or the notes table).
 */
export interface RouteAudit {
  action: AuditAction;
  /** What was acted on, from the validated request: a recording id, a search query. */
  target: (request: FastifyRequest) => string | null;
  details?: (request: FastifyRequest, reply: FastifyReply) => JsonObject;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Record an audit entry for each successful request (src/api/audit-hook.ts). */
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

export function installAuditHook(app: FastifyInstance, db: Db): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const audit = request.routeOptions.config.audit;
    if (!audit || request.method === 'HEAD' || reply.statusCode >= 400) return payload;
    const principal = request.principal ?? null;
    try {
      await recordAudit(db, {
        actor: principal?.name ?? null,
        userId: principal?.userId ?? null,
        action: audit.action,
        target: audit.target(request),
        address: request.ip,
        details: audit.details?.(request, reply),
      });
    } catch (error) {
      if (request.method !== 'GET') {
        request.log.error(
          { err: error, action: audit.action },
          'audit entry not written (the change was made)',
        );
        return payload;
      }
      request.log.error({ err: error, action: audit.action }, 'audit entry not written: the read is refused');
      (payload as Partial<Readable> | null)?.destroy?.();
      for (const header of ['content-range', 'etag', 'accept-ranges', 'last-modified', 'cache-control']) {
        reply.removeHeader(header);
      }
      throw new AuditUnavailable(
        'The audit log could not be written, so nothing was served: every read is recorded. ' +
          'The server log has the cause.',
      );
    }
    return payload;
  });
}
