import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeToCollections, type CollectionScope } from '../../accounts/collection-scope.ts';
import { assertMay } from '../../accounts/permissions.ts';
import { principalOf } from '../../accounts/principal.ts';
import type { Db } from '../../db/database.ts';
import { addNumberNote, listNumberNotes } from '../../numbers/number-notes.ts';
import { auditUnavailableResponse } from '../audit-hook.ts';
import { notFound } from '../errors.ts';
import { presentNumberNote, presentNumberPage, type NumberPageRows } from '../presenters/number-page.ts';
import { requireCollectionInScope } from '../queries/collections.ts';
import { numberGraph } from '../queries/number-graph.ts';
import {
  numberCalls,
  numberCells,
  numberCounterparts,
  numberPersons,
  numberPlaces,
  numberSpoken,
  numberSummary,
} from '../queries/number-page.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import {
  numberNoteBodySchema,
  numberNoteSchema,
  numberPageSchema,
  numberParamsSchema,
} from '../schemas/numbers.ts';
import type { RouteContext } from './context.ts';

const numberTarget = (request: FastifyRequest): string => (request.params as { number: string }).number;

async function loadNumberPage(db: Db, number: string, scope: CollectionScope): Promise<NumberPageRows> {
  const [summary, calls, counterparts, cells, places, persons, spoken, notes] = await Promise.all([
    numberSummary(db, number, scope),
    numberCalls(db, number, scope),
    numberCounterparts(db, number, scope),
    numberCells(db, number, scope),
    numberPlaces(db, number, scope),
    numberPersons(db, number, scope),
    numberSpoken(db, number, scope),
    listNumberNotes(db, number, scope),
  ]);
  const graph = await numberGraph(db, number, counterparts, summary.calls, scope);
  return { number, summary, calls, counterparts, graph, cells, places, persons, spoken, notes };
}

export function registerNumberRoutes(app: FastifyInstance, { db }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/numbers/:number',
    {
      schema: {
        tags: ['numbers'],
        summary:
          'A phone number: its calls, counterparts and call graph, cells, places and people in its calls, ' +
          'calls in which it is spoken, and notes and attributions (all in your collections)',
        params: numberParamsSchema,
        response: {
          200: numberPageSchema,
          400: errorResponseSchema,
          404: errorResponseSchema.describe(
            'No call has the number on either side or speaks it, and no note is on it, in your collections',
          ),
          ...auditUnavailableResponse,
        },
      },
      config: { audit: { action: 'view-number', target: numberTarget } },
    },
    async (request) => {
      const { number } = request.params;
      const principal = principalOf(request);
      assertMay(principal, 'read');
      const rows = await loadNumberPage(db, number, scopeToCollections(principal));
      // A number only spoken, or only noted, still has a page: that is the lead to follow.
      if (rows.summary.calls === 0 && rows.spoken.length === 0 && rows.notes.length === 0)
        throw notFound(`No call in your collections has ${number} on either side or speaks it`);
      return presentNumberPage(rows);
    },
  );

  api.post(
    '/api/numbers/:number/notes',
    {
      schema: {
        tags: ['numbers'],
        summary:
          'Add a note or attribution on a number in one collection (entries are never changed: a correction supersedes)',
        params: numberParamsSchema,
        body: numberNoteBodySchema,
        response: {
          201: numberNoteSchema,
          400: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
          409: errorResponseSchema.describe('The entry to correct has been corrected already: reload'),
        },
      },
      config: {
        audit: {
          action: 'add-number-note',
          target: numberTarget,
          details: (request) => {
            const body = request.body as { collectionId: string; kind: string; supersedes?: string };
            return { collectionId: body.collectionId, kind: body.kind, supersedes: body.supersedes ?? null };
          },
        },
      },
    },
    async (request, reply) => {
      const { number } = request.params;
      const body = request.body;
      const principal = principalOf(request);
      assertMay(principal, 'add_notes');
      await requireCollectionInScope(db, body.collectionId, scopeToCollections(principal));
      const note = await addNumberNote(db, {
        collectionId: body.collectionId,
        number,
        kind: body.kind,
        text: body.text,
        attribution:
          body.kind === 'attribution'
            ? { subscriber: body.subscriber!, source: body.source!, confidence: body.confidence! }
            : undefined,
        supersedesId: body.supersedes,
        userId: principal.userId,
        author: principal.name,
      });
      return reply.code(201).send(presentNumberNote(note));
    },
  );
}
