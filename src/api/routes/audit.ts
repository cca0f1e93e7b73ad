import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { mayReadAuditLog } from '../../audit/audit-access.ts';
import { listAuditEntries } from '../../audit/audit-query.ts';
import { verifyAuditChain } from '../../audit/audit-verify.ts';
import { auditUnavailableResponse } from '../audit-hook.ts';
import { notFound } from '../errors.ts';
import { presentAuditEntry } from '../presenters/audit.ts';
import {
  auditListQuerySchema,
  auditListResponseSchema,
  auditTimeRange,
  auditVerificationSchema,
} from '../schemas/audit.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import type { RouteContext } from './context.ts';

/** Anyone but an admin gets the answer of a route that does not exist. */
function requireAuditReader(request: FastifyRequest): void {
  if (!mayReadAuditLog(request.principal ?? null)) {
    throw notFound(`No route for ${request.method} ${request.url.split('?')[0] ?? ''}`);
  }
}

export function registerAuditRoutes(app: FastifyInstance, { db }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, filtered and paginated (admins only; 404 for anyone else)',
        querystring: auditListQuerySchema,
        response: {
          200: auditListResponseSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          ...auditUnavailableResponse,
        },
      },
      // Reading the log is itself recorded: who looked at whom.
      config: {
        audit: {
          action: 'view-audit-log',
          target: (request) => (request.query as { actor?: string }).actor ?? null,
          details: (request) => ({ filters: request.query as Record<string, unknown> }),
        },
      },
    },
    async (request) => {
      requireAuditReader(request);
      const { actor, action, target, limit, offset } = request.query;
      const { rows, total } = await listAuditEntries(db, {
        actor,
        action,
        target,
        ...auditTimeRange(request.query),
        limit,
        offset,
      });
      return { items: rows.map(presentAuditEntry), total, limit, offset };
    },
  );

  api.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Recompute the audit chain and name the first entry changed, removed, reordered or inserted',
        response: { 200: auditVerificationSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      requireAuditReader(request);
      const { ok, checked, head, problem } = await verifyAuditChain(db);
      return { ok, checked, head, problem };
    },
  );
}
