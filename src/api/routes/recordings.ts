import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditUnavailableResponse, recordingTarget } from '../audit-hook.ts';
import { notFound } from '../errors.ts';
import { presentAnalysisSummary } from '../presenters/analysis.ts';
import { presentCustody } from '../presenters/custody.ts';
import { presentRecordingDetail, presentRecordingSummary } from '../presenters/recording.ts';
import { analysisSummariesByRecording, transcriptShapesByRecording } from '../queries/recording-analysis.ts';
import { verificationStatusesOf } from '../queries/case-file.ts';
import { custodyEventsOf, loadRecordingDetail, requireRecording } from '../queries/recording-detail.ts';
import { listRecordings, resolvePlaceFilter } from '../queries/recordings-list.ts';
import { stageRunsByRecording } from '../queries/stage-runs.ts';
import { errorResponseSchema, recordingIdParamsSchema } from '../schemas/common.ts';
import { recordingListQuerySchema, toRecordingListQuery } from '../schemas/recording-filters.ts';
import {
  custodyResponseSchema,
  recordingDetailSchema,
  recordingListResponseSchema,
} from '../schemas/recordings.ts';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { principalOf } from '../../accounts/principal.ts';
import type { RouteContext } from './context.ts';

export function registerRecordingRoutes(app: FastifyInstance, { db }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/recordings',
    {
      schema: {
        tags: ['recordings'],
        summary: 'List recordings, filtered, sorted and paginated',
        querystring: recordingListQuerySchema,
        response: { 200: recordingListResponseSchema, 400: errorResponseSchema, ...auditUnavailableResponse },
      },
      config: { audit: { action: 'list-calls', target: (request) => queryString(request.url) } },
    },
    async (request) => {
      const { place } = request.query;
      const principal = principalOf(request);
      const query = toRecordingListQuery(
        request.query,
        place === undefined ? undefined : await resolvePlaceFilter(db, place),
        { userId: principal.userId, scope: scopeToCollections(principal) },
      );
      const { rows, total } = await listRecordings(db, query);
      const ids = rows.map((r) => r.id);
      const [runs, analyses, shapes, verification] = await Promise.all([
        stageRunsByRecording(db, ids),
        analysisSummariesByRecording(db, ids),
        transcriptShapesByRecording(db, ids),
        verificationStatusesOf(db, ids),
      ]);
      return {
        items: rows.map((r) => ({
          ...presentRecordingSummary(r, runs.get(r.id) ?? []),
          analysis: presentAnalysisSummary(analyses.get(r.id)),
          lanes: shapes.get(r.id)?.lanes ?? 0,
          verificationStatus: verification.get(r.id) ?? 'unverified',
          languages: shapes.get(r.id)?.languages ?? [],
        })),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },
  );

  api.get(
    '/api/recordings/:id',
    {
      schema: {
        tags: ['recordings'],
        summary:
          'One recording: metadata, probe, channels, provenance, stage status, working copies, custody',
        params: recordingIdParamsSchema,
        response: {
          200: recordingDetailSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          ...auditUnavailableResponse,
        },
      },
      config: { audit: { action: 'view-call', target: recordingTarget } },
    },
    async (request) => {
      const detail = await loadRecordingDetail(
        db,
        request.params.id,
        scopeToCollections(principalOf(request)),
      );
      if (!detail) throw notFound(`No recording with id ${request.params.id}`);
      return presentRecordingDetail(detail);
    },
  );

  api.get(
    '/api/recordings/:id/custody',
    {
      schema: {
        tags: ['recordings'],
        summary: 'Chain of custody of one recording, in the order events were appended',
        params: recordingIdParamsSchema,
        response: {
          200: custodyResponseSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          ...auditUnavailableResponse,
        },
      },
      config: { audit: { action: 'view-custody', target: recordingTarget } },
    },
    async (request) => {
      const recording = await requireRecording(
        db,
        request.params.id,
        scopeToCollections(principalOf(request)),
      );
      return presentCustody(recording, await custodyEventsOf(db, recording.id));
    },
  );
}

/** The list's filters as the client sent them, decoded (null for the unfiltered list). */
function queryString(url: string): string | null {
  const query = url.split('?')[1];
  if (!query) return null;
  return decodeURIComponent(query.replace(/\+/g, ' '));
}
