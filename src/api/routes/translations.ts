import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { principalOf } from '../../accounts/principal.ts';
import { assertMay } from '../../accounts/permissions.ts';
import { recordingOfSegment } from '../../transcripts/transcript-store.ts';
import { saveTranslationCorrection, SegmentNotInCall } from '../../translation/translation-correction.ts';
import { segmentTranslationHistory } from '../../translation/translation-versions.ts';
import { auditUnavailableResponse, recordingTarget } from '../audit-hook.ts';
import { presentTranslationHistory } from '../presenters/translation.ts';
import { requireRecording } from '../queries/recording-detail.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import {
  segmentParamsSchema,
  translationCorrectionBodySchema,
  translationCorrectionResponseSchema,
  translationHistoryResponseSchema,
} from '../schemas/translations.ts';
import type { Db } from '../../db/database.ts';
import type { RouteContext } from './context.ts';

const errors = { 400: errorResponseSchema, 404: errorResponseSchema };

/** The transcript version a segment belongs to, checked to be one of the recording's. */
async function transcriptOfSegment(db: Db, recordingId: string, segmentId: string): Promise<string> {
  const owner = await recordingOfSegment(db, segmentId);
  if (owner !== recordingId) {
    throw new SegmentNotInCall(`segment ${segmentId} is not a segment of recording ${recordingId}`);
  }
  const row = await db
    .selectFrom('transcript_segments')
    .select('transcript_id')
    .where('id', '=', segmentId)
    .executeTakeFirstOrThrow();
  return row.transcript_id;
}

export function registerTranslationRoutes(app: FastifyInstance, { db }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/recordings/:id/segments/:segmentId/translations',
    {
      schema: {
        tags: ['transcripts'],
        summary: 'Every version of a segment’s English (machine and human), oldest first, with word diffs',
        params: segmentParamsSchema,
        response: { 200: translationHistoryResponseSchema, ...errors, ...auditUnavailableResponse },
      },
      config: {
        audit: {
          action: 'view-transcript',
          target: recordingTarget,
          details: (request) => ({ segmentId: (request.params as { segmentId: string }).segmentId }),
        },
      },
    },
    async (request) => {
      const { id, segmentId } = request.params;
      await requireRecording(db, id, scopeToCollections(principalOf(request)));
      const transcriptId = await transcriptOfSegment(db, id, segmentId);
      return presentTranslationHistory(await segmentTranslationHistory(db, transcriptId, segmentId));
    },
  );

  api.post(
    '/api/recordings/:id/segments/:segmentId/translations',
    {
      schema: {
        tags: ['transcripts'],
        summary:
          'Save a person’s English for a segment as a new human translation version (stays current over machine re-translations)',
        params: segmentParamsSchema,
        body: translationCorrectionBodySchema,
        response: {
          201: translationCorrectionResponseSchema,
          ...errors,
          403: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
      config: {
        audit: {
          action: 'correct-translation',
          target: recordingTarget,
          details: (request) => ({
            segmentId: (request.params as { segmentId: string }).segmentId,
            baseTranslationId: (request.body as { baseTranslationId: string | null }).baseTranslationId,
          }),
        },
      },
    },
    async (request, reply) => {
      const { id, segmentId } = request.params;
      const principal = principalOf(request);
      // The same people who may correct the Russian may correct the English.
      assertMay(principal, 'correct_transcripts');
      await requireRecording(db, id, scopeToCollections(principal));
      // A refused correction propagates: the domain-error table answers 400, 404 or 409.
      const saved = await saveTranslationCorrection(db, {
        recordingId: id,
        segmentId,
        baseTranslationId: request.body.baseTranslationId,
        text: request.body.text,
        author: principal.name,
      });
      const history = await segmentTranslationHistory(db, saved.transcriptId, segmentId);
      return reply.code(201).send({
        translationId: saved.translationId,
        segmentId,
        basedOnTranslationId: saved.basedOnTranslationId,
        history: presentTranslationHistory(history),
      });
    },
  );
}
