import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readCurrentAnalysis } from '../../analysis/analysis-store.ts';
import { notFound } from '../errors.ts';
import { presentRecordingAnalysis } from '../presenters/analysis.ts';
import { requireRecording } from '../queries/recording-detail.ts';
import { recordingAnalysisSchema } from '../schemas/analysis.ts';
import { errorResponseSchema, recordingIdParamsSchema } from '../schemas/common.ts';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { principalOf } from '../../accounts/principal.ts';
import type { RouteContext } from './context.ts';

export function registerAnalysisRoutes(app: FastifyInstance, { db }: RouteContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/recordings/:id/analysis',
    {
      schema: {
        tags: ['analysis'],
        summary:
          "A recording's current analysis: code words with glosses, entities, casualty counts and triage, " +
          'on its latest transcript version',
        params: recordingIdParamsSchema,
        response: { 200: recordingAnalysisSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      await requireRecording(db, id, scopeToCollections(principalOf(request)));
      const stored = await readCurrentAnalysis(db, id);
      if (stored) return presentRecordingAnalysis(stored);
      throw notFound(`Recording ${id} has no analysis of its latest transcript version yet`);
    },
  );
}
