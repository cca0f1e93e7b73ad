import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { estimateEta, recentStageRuns } from '../../jobs/pipeline-eta.ts';
import { getPipelineStatus, retryFailedThrough } from '../../jobs/operations.ts';
import { STAGE_ORDER } from '../../jobs/stages.ts';
import { ApiError } from '../errors.ts';
import { presentPipelineStatus } from '../presenters/pipeline.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import { pipelineStatusSchema, retryBodySchema, retryResponseSchema } from '../schemas/pipeline.ts';
import { collectionCondition, scopeToCollections } from '../../accounts/collection-scope.ts';
import { principalOf } from '../../accounts/principal.ts';
import { assertMay } from '../../accounts/permissions.ts';
import type { RouteContext } from './context.ts';

export function registerPipelineRoutes(app: FastifyInstance, { db, scheduleStage }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/pipeline',
    {
      schema: {
        tags: ['pipeline'],
        summary: 'Pipeline progress: per stage counts, failures and waits grouped by reason, and an ETA',
        response: { 200: pipelineStatusSchema },
      },
    },
    async (request) => {
      const scope = scopeToCollections(principalOf(request));
      const [status, recent, last] = await Promise.all([
        getPipelineStatus(db, { order: STAGE_ORDER }, undefined, scope),
        // Run durations only (no call, no collection): the ETA's basis is the machine's speed.
        recentStageRuns(db),
        db
          .selectFrom('stage_runs as s')
          .innerJoin('recordings as rec', 'rec.id', 's.recording_id')
          .where(collectionCondition('rec.collection_id', scope))
          .select((eb) => eb.fn.max('s.finished_at').as('at'))
          .executeTakeFirst(),
      ]);
      return presentPipelineStatus(status, estimateEta(status.stages, recent), {
        canRetry: scheduleStage !== undefined,
        lastFinishedAt: last?.at ?? null,
      });
    },
  );

  api.post(
    '/api/pipeline/retry',
    {
      schema: {
        tags: ['pipeline'],
        summary:
          'Schedule failed stage runs again (every stage, or one); waiting runs need their model instead',
        body: retryBodySchema,
        response: {
          200: retryResponseSchema,
          400: errorResponseSchema,
          403: errorResponseSchema,
          503: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      assertMay(principal, 'run_pipeline');
      if (!scheduleStage) {
        throw new ApiError(
          503,
          'unavailable',
          'This server runs no job queue: retry with `earshot retry --failed`, or use `earshot start`.',
        );
      }
      const stages = await retryFailedThrough(
        (stage, ids) => scheduleStage(stage, ids, { force: false }),
        db,
        STAGE_ORDER,
        { stage: request.body.stage, scope: scopeToCollections(principal) },
      );
      return { scheduled: stages.reduce((sum, s) => sum + s.scheduled, 0), stages };
    },
  );
}
