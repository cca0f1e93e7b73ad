import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { principalOf } from '../../accounts/principal.ts';
import { assertMay, may, type Action } from '../../accounts/permissions.ts';
import {
  decideDuplicateLead,
  listDuplicateLeads,
  type DuplicateLead,
} from '../../fingerprint/duplicate-leads.ts';
import { recordingTarget } from '../audit-hook.ts';
import { requireRecording } from '../queries/recording-detail.ts';
import { errorResponseSchema, recordingIdParamsSchema } from '../schemas/common.ts';
import {
  duplicateDecisionBodySchema,
  duplicateLeadParamsSchema,
  duplicateLeadSchema,
  duplicateLeadsResponseSchema,
} from '../schemas/duplicates.ts';
import type { RouteContext } from './context.ts';

/**
 * Near-duplicate calls: the fingerprint stage's leads ("same call as …") and a person's decision
 * on them. Deciding is verification work, so it takes the same permission as a verification
 * sign-off (admins, editors, reviewers).
 */
const DECIDE: Action = 'sign_off_verification';

export function registerDuplicateRoutes(app: FastifyInstance, { db }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/recordings/:id/duplicates',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Calls that sound like this one (machine leads), best score first',
        params: recordingIdParamsSchema,
        response: { 200: duplicateLeadsResponseSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const principal = principalOf(request);
      const scope = scopeToCollections(principal);
      await requireRecording(db, id, scope);
      return {
        leads: (await listDuplicateLeads(db, id, scope)).map(presentLead),
        mayDecide: may(principal, DECIDE),
      };
    },
  );

  api.post(
    '/api/recordings/:id/duplicates/:leadId',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Confirm or reject a duplicate lead, with a reason (nothing is merged)',
        params: duplicateLeadParamsSchema,
        body: duplicateDecisionBodySchema,
        response: {
          200: duplicateLeadSchema,
          400: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
        },
      },
      config: {
        audit: {
          action: 'decide-duplicate',
          target: recordingTarget,
          details: (request) => {
            const { leadId } = request.params as { leadId: string };
            const { decision, reason } = request.body as { decision: string; reason: string };
            return { leadId, decision, reason };
          },
        },
      },
    },
    async (request) => {
      const { id, leadId } = request.params;
      const principal = principalOf(request);
      assertMay(principal, DECIDE);
      const scope = scopeToCollections(principal);
      await requireRecording(db, id, scope);
      const lead = await decideDuplicateLead(db, {
        recordingId: id,
        leadId,
        status: request.body.decision,
        reason: request.body.reason,
        userId: principal.userId,
        scope,
      });
      return presentLead(lead);
    },
  );
}

function presentLead(lead: DuplicateLead) {
  return {
    ...lead,
    other: { ...lead.other, callStartedAt: lead.other.callStartedAt?.toISOString() ?? null },
    decidedAt: lead.decidedAt?.toISOString() ?? null,
    foundAt: lead.foundAt.toISOString(),
  };
}
