import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { saveCorrection } from '../../transcripts/correction.ts';
import { editAlignerFor } from '../../transcripts/word-realignment.ts';
import { decideMachineOffer, machineOfferOf } from '../../transcripts/machine-offer.ts';
import { queueRerun } from '../../transcripts/rerun.ts';
import { diffTranscripts } from '../../transcripts/transcript-diff.ts';
import {
  listTranscriptVersions,
  readTranscriptVersion,
  segmentOrigins,
  segmentTranslations,
} from '../../transcripts/transcript-store.ts';
import { auditUnavailableResponse, recordingTarget } from '../audit-hook.ts';
import { notFound } from '../errors.ts';
import {
  presentTranscriptSegment,
  presentTranscriptVersion,
  toDiffSegment,
} from '../presenters/transcript.ts';
import { requireRecording } from '../queries/recording-detail.ts';
import { errorResponseSchema, recordingIdParamsSchema } from '../schemas/common.ts';
import {
  correctionBodySchema,
  correctionResponseSchema,
  machineOfferDecisionBodySchema,
  machineOfferDecisionResponseSchema,
  transcriptDiffQuerySchema,
  transcriptDiffResponseSchema,
  transcriptReadQuerySchema,
  transcriptReadResponseSchema,
  transcriptVersionsResponseSchema,
} from '../schemas/transcripts.ts';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { principalOf } from '../../accounts/principal.ts';
import { assertMay } from '../../accounts/permissions.ts';
import type { RouteContext } from './context.ts';

const errors = { 400: errorResponseSchema, 404: errorResponseSchema };

export function registerTranscriptRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/recordings/:id/transcripts',
    {
      schema: {
        tags: ['transcripts'],
        summary: 'Transcript versions of a recording (machine and human), oldest first',
        params: recordingIdParamsSchema,
        response: { 200: transcriptVersionsResponseSchema, ...errors },
      },
    },
    async (request) => {
      await requireRecording(db, request.params.id, scopeToCollections(principalOf(request)));
      const versions = await listTranscriptVersions(db, request.params.id);
      const offer = await machineOfferOf(db, request.params.id, versions);
      return {
        versions: versions.map(presentTranscriptVersion),
        newerMachineVersion: offer?.offered.version ?? null,
      };
    },
  );

  api.get(
    '/api/recordings/:id/transcript',
    {
      schema: {
        tags: ['transcripts'],
        summary: 'One transcript version with segments, word timings and English translations',
        params: recordingIdParamsSchema,
        querystring: transcriptReadQuerySchema,
        response: { 200: transcriptReadResponseSchema, ...errors, ...auditUnavailableResponse },
      },
      config: {
        audit: {
          action: 'view-transcript',
          target: recordingTarget,
          details: (request) => ({ version: (request.query as { version?: number }).version ?? 'current' }),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      await requireRecording(db, id, scopeToCollections(principalOf(request)));
      const read = await readTranscriptVersion(db, id, request.query.version);
      if (!read) {
        throw notFound(
          request.query.version === undefined
            ? `Recording ${id} has no transcript yet`
            : `Recording ${id} has no transcript version ${request.query.version}`,
        );
      }
      const translations = await segmentTranslations(db, read.transcript.id);
      return {
        transcript: presentTranscriptVersion(read.transcript),
        isLatest: read.transcript.version === read.latestVersion,
        isCurrent: read.transcript.version === read.currentVersion,
        segments: read.segments.map((s) => presentTranscriptSegment(s, translations.get(String(s.id)))),
      };
    },
  );

  api.get(
    '/api/recordings/:id/transcripts/diff',
    {
      schema: {
        tags: ['transcripts'],
        summary: 'What changed between two transcript versions, segment by segment and word by word',
        params: recordingIdParamsSchema,
        querystring: transcriptDiffQuerySchema,
        response: { 200: transcriptDiffResponseSchema, ...errors, ...auditUnavailableResponse },
      },
      config: {
        audit: {
          action: 'view-transcript',
          target: recordingTarget,
          details: (request) => ({ diff: request.query as { from: number; to: number } }),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      await requireRecording(db, id, scopeToCollections(principalOf(request)));
      const [from, to] = await Promise.all([
        readTranscriptVersion(db, id, request.query.from),
        readTranscriptVersion(db, id, request.query.to),
      ]);
      if (!from) throw notFound(`Recording ${id} has no transcript version ${request.query.from}`);
      if (!to) throw notFound(`Recording ${id} has no transcript version ${request.query.to}`);
      const origins = await segmentOrigins(db, to.transcript.id, from.transcript.id);
      const diff = diffTranscripts(from.segments.map(toDiffSegment), to.segments.map(toDiffSegment), origins);
      return {
        from: presentTranscriptVersion(from.transcript),
        to: presentTranscriptVersion(to.transcript),
        ...diff,
      };
    },
  );

  api.post(
    '/api/recordings/:id/transcripts',
    {
      schema: {
        tags: ['transcripts'],
        summary: 'Save a human correction as a new transcript version; translate and analyse run again',
        params: recordingIdParamsSchema,
        body: correctionBodySchema,
        response: {
          201: correctionResponseSchema,
          ...errors,
          403: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
      config: {
        audit: {
          action: 'correct-transcript',
          target: recordingTarget,
          details: (request) => ({ baseVersion: (request.body as { baseVersion: number }).baseVersion }),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const principal = principalOf(request);
      assertMay(principal, 'correct_transcripts');
      await requireRecording(db, id, scopeToCollections(principal));
      // A refused correction propagates: the domain-error table answers 400, 404 or 409.
      // Words the person changed are aligned to the audio with the collection's recogniser where
      // it can; otherwise they keep estimated times, and wordTiming.notes says why.
      const saved = await saveCorrection(
        db,
        {
          recordingId: id,
          baseVersion: request.body.baseVersion,
          author: principal.name,
          segments: request.body.segments,
        },
        { aligner: editAlignerFor(context.config, id) },
      );
      let queued = false;
      try {
        queued = await queueRerun(context.scheduleStage, id, saved.rerun);
      } catch (error) {
        // The version is saved and the runs are pending: recovery queues them; say so, not 500.
        request.log.warn({ err: error }, 'could not queue the re-run after a correction');
      }
      const versions = await listTranscriptVersions(db, id);
      const transcript = versions.find((v) => v.id === saved.transcriptId)!;
      return reply.code(201).send({
        transcript: presentTranscriptVersion(transcript),
        segments: saved.segments,
        rerun: { stages: saved.rerun, queued },
        wordTiming: saved.wordTiming,
      });
    },
  );
  api.post(
    '/api/recordings/:id/transcripts/machine-offer',
    {
      schema: {
        tags: ['transcripts'],
        summary:
          'Decide on a newer machine transcript made while a human correction is current: adopt it or keep the correction',
        params: recordingIdParamsSchema,
        body: machineOfferDecisionBodySchema,
        response: {
          200: machineOfferDecisionResponseSchema,
          ...errors,
          403: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
      config: {
        audit: {
          action: 'decide-machine-transcript',
          target: recordingTarget,
          details: (request) => request.body as { version: number; decision: string },
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const principal = principalOf(request);
      assertMay(principal, 'correct_transcripts');
      await requireRecording(db, id, scopeToCollections(principal));
      const decided = await decideMachineOffer(db, {
        recordingId: id,
        version: request.body.version,
        decision: request.body.decision === 'adopt' ? 'adopted' : 'kept',
        author: principal.name,
      });
      let queued = false;
      try {
        queued = decided.rerun.length > 0 && (await queueRerun(context.scheduleStage, id, decided.rerun));
      } catch (error) {
        // The decision is saved and the runs are pending: recovery queues them; say so, not 500.
        request.log.warn({ err: error }, 'could not queue the re-run after adopting a machine transcript');
      }
      return {
        decision: decided.decision,
        currentVersion: decided.currentVersion,
        rerun: { stages: decided.rerun, queued },
      };
    },
  );
}
