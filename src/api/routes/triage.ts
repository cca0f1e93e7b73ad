import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { collectionCondition, scopeToCollections } from '../../accounts/collection-scope.ts';
import { assertMay } from '../../accounts/permissions.ts';
import { principalOf, type Principal } from '../../accounts/principal.ts';
import type { Db } from '../../db/database.ts';
import { rerunStageFor } from '../../triage/rerun-selection.ts';
import { addStar, removeStar, starsOf } from '../../triage/stars.ts';
import {
  addTag,
  assertSegmentOfCall,
  normaliseTag,
  removeTag,
  tagsInUse,
  tagsOf,
} from '../../triage/tags.ts';
import { recordingTarget } from '../audit-hook.ts';
import { RecordingNotFound } from '../../recordings/recording-not-found.ts';
import { requireRecording } from '../queries/recording-detail.ts';
import { errorResponseSchema, recordingIdParamsSchema } from '../schemas/common.ts';
import {
  bulkRerunBodySchema,
  bulkRerunResponseSchema,
  bulkTagBodySchema,
  bulkTagResponseSchema,
  callTriageSchema,
  starQuerySchema,
  starResponseSchema,
  tagBodySchema,
  tagsInUseSchema,
  triageListSchema,
  triageQuerySchema,
  untagQuerySchema,
} from '../schemas/triage.ts';
import type { RouteContext } from './context.ts';

const changeErrors = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};

/** The calls among these the principal sees, with their tags and the principal's own stars. */
async function triageOf(db: Db, principal: Principal, recordingIds: readonly string[]) {
  const scope = scopeToCollections(principal);
  const visible = await db
    .selectFrom('recordings')
    .select('id')
    .where('id', 'in', [...new Set(recordingIds)])
    .where(collectionCondition('collection_id', scope))
    .execute();
  const seen = new Set(visible.map((r) => r.id));
  const ids = recordingIds.filter((id) => seen.has(id));
  const [tags, stars] = await Promise.all([tagsOf(db, ids, scope), starsOf(db, principal.userId, ids)]);
  return [...new Set(ids)].map((id) => ({
    recordingId: id,
    tags: tags
      .filter((t) => t.recordingId === id)
      .map((t) => ({
        tag: t.tag,
        segmentId: t.segmentId,
        author: t.author,
        createdAt: t.createdAt.toISOString(),
      })),
    starred: stars.some((s) => s.recordingId === id && s.segmentId === null),
    starredSegments: stars.flatMap((s) =>
      s.recordingId === id && s.segmentId !== null ? [s.segmentId] : [],
    ),
  }));
}

/** A selection none of whose calls the principal sees is a 404, like one call outside the grants. */
function assertSomeFound(selection: readonly string[], notFound: readonly string[]): void {
  if (notFound.length === selection.length) throw new RecordingNotFound(selection[0]!);
}

const selectionDetails = (request: FastifyRequest) => {
  const body = request.body as { recordingIds: string[]; tag?: string; stage?: string };
  return { recordingIds: body.recordingIds, tag: body.tag ?? null, stage: body.stage ?? null };
};

export function registerTriageRoutes(app: FastifyInstance, context: RouteContext): void {
  registerTagRoutes(app, context.db);
  registerStarRoutes(app, context.db);
  registerBulkRoutes(app, context);
}

function registerTagRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/tags',
    {
      schema: {
        tags: ['triage'],
        summary: 'Every tag in use in your collections, with how many calls carry it',
        response: { 200: tagsInUseSchema },
      },
    },
    async (request) => ({ tags: await tagsInUse(db, scopeToCollections(principalOf(request))) }),
  );

  api.get(
    '/api/triage',
    {
      schema: {
        tags: ['triage'],
        summary: 'Tags and your stars of some calls (a page of the Calls list, or one call)',
        querystring: triageQuerySchema,
        response: { 200: triageListSchema, 400: errorResponseSchema },
      },
    },
    async (request) => ({ calls: await triageOf(db, principalOf(request), request.query.recordingIds) }),
  );

  api.post(
    '/api/recordings/:id/tags',
    {
      schema: {
        tags: ['triage'],
        summary: 'Tag a call or one of its segments (the tag is seen by everyone who reads the collection)',
        params: recordingIdParamsSchema,
        body: tagBodySchema,
        response: { 200: callTriageSchema, ...changeErrors },
      },
      config: {
        audit: {
          action: 'tag',
          target: recordingTarget,
          details: (request) => {
            const body = request.body as { tag: string; segmentId?: string };
            return { tag: body.tag, segmentId: body.segmentId ?? null };
          },
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      assertMay(principal, 'tag_calls');
      const { id } = request.params;
      await requireRecording(db, id, scopeToCollections(principal));
      await addTag(
        db,
        { recordingIds: [id], ...request.body, actor: { userId: principal.userId, name: principal.name } },
        scopeToCollections(principal),
      );
      return (await triageOf(db, principal, [id]))[0]!;
    },
  );

  api.delete(
    '/api/recordings/:id/tags',
    {
      schema: {
        tags: ['triage'],
        summary: 'Remove a tag from a call or one of its segments',
        params: recordingIdParamsSchema,
        querystring: untagQuerySchema,
        response: { 200: callTriageSchema, ...changeErrors },
      },
      config: {
        audit: {
          action: 'untag',
          target: recordingTarget,
          details: (request) => {
            const query = request.query as { tag: string; segmentId?: string };
            return { tag: query.tag, segmentId: query.segmentId ?? null };
          },
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      assertMay(principal, 'tag_calls');
      const { id } = request.params;
      await requireRecording(db, id, scopeToCollections(principal));
      await removeTag(db, { recordingIds: [id], ...request.query }, scopeToCollections(principal));
      return (await triageOf(db, principal, [id]))[0]!;
    },
  );
}

/** Bulk actions on a selection of calls (the Calls page's bulk bar). */
function registerBulkRoutes(app: FastifyInstance, { db, scheduleStage }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/triage/tag',
    {
      schema: {
        tags: ['triage'],
        summary: 'Tag every selected call',
        body: bulkTagBodySchema,
        response: { 200: bulkTagResponseSchema, ...changeErrors },
      },
      config: {
        audit: { action: 'bulk-tag', target: (r) => selectionDetails(r).tag, details: selectionDetails },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      assertMay(principal, 'tag_calls');
      const actor = { userId: principal.userId, name: principal.name };
      const change = await addTag(db, { ...request.body, actor }, scopeToCollections(principal));
      assertSomeFound(request.body.recordingIds, change.notFound);
      return { tag: normaliseTag(request.body.tag), ...change };
    },
  );

  api.post(
    '/api/triage/untag',
    {
      schema: {
        tags: ['triage'],
        summary: 'Remove a tag from every selected call',
        body: bulkTagBodySchema,
        response: { 200: bulkTagResponseSchema, ...changeErrors },
      },
      config: {
        audit: { action: 'bulk-untag', target: (r) => selectionDetails(r).tag, details: selectionDetails },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      assertMay(principal, 'tag_calls');
      const change = await removeTag(db, request.body, scopeToCollections(principal));
      assertSomeFound(request.body.recordingIds, change.notFound);
      return { tag: normaliseTag(request.body.tag), ...change };
    },
  );

  api.post(
    '/api/triage/rerun',
    {
      schema: {
        tags: ['triage'],
        summary: 'Run a stage again (forced) on every selected call whose previous stage is done',
        body: bulkRerunBodySchema,
        response: { 200: bulkRerunResponseSchema, ...changeErrors },
      },
      config: {
        audit: { action: 'bulk-rerun', target: (r) => selectionDetails(r).stage, details: selectionDetails },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      assertMay(principal, 'run_pipeline');
      const report = await rerunStageFor(db, scheduleStage, request.body, scopeToCollections(principal));
      assertSomeFound(request.body.recordingIds, report.notFound);
      return report;
    },
  );
}

function registerStarRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const audit = (action: 'star' | 'unstar') => ({
    action,
    target: recordingTarget,
    details: (request: FastifyRequest) => ({
      segmentId: (request.query as { segmentId?: string }).segmentId ?? null,
    }),
  });
  const schema = (summary: string) => ({
    tags: ['triage'],
    summary,
    params: recordingIdParamsSchema,
    querystring: starQuerySchema,
    response: { 200: starResponseSchema, ...changeErrors },
  });

  const setStar = async (request: FastifyRequest, on: boolean) => {
    const principal = principalOf(request);
    assertMay(principal, 'keep_own_triage');
    const { id } = request.params as { id: string };
    const segmentId = (request.query as { segmentId?: string }).segmentId ?? null;
    await requireRecording(db, id, scopeToCollections(principal));
    if (segmentId !== null) await assertSegmentOfCall(db, id, segmentId);
    const star = { recordingId: id, segmentId };
    const changed = on
      ? await addStar(db, principal.userId, star)
      : await removeStar(db, principal.userId, star);
    return { starred: on, changed };
  };

  api.put(
    '/api/recordings/:id/star',
    {
      schema: schema('Star a call or one of its segments (your stars are yours only)'),
      config: { audit: audit('star') },
    },
    (request) => setStar(request, true),
  );
  api.delete(
    '/api/recordings/:id/star',
    { schema: schema('Take your star off a call or segment'), config: { audit: audit('unstar') } },
    (request) => setStar(request, false),
  );
}
