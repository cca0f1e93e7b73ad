import type { FastifyInstance } from 'fastify';
import type { JsonObject } from '../../db/schema.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parseSearchQuery } from '../../search/query-parser.ts';
import { auditUnavailableResponse } from '../audit-hook.ts';
import { presentSearchHit } from '../presenters/search-hit.ts';
import { resolvePlaceFilter } from '../queries/recordings-list.ts';
import { searchSegments } from '../queries/search.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import { toRecordingListFilters } from '../schemas/recording-filters.ts';
import { searchQuerySchema, searchResponseSchema } from '../schemas/search.ts';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { principalOf } from '../../accounts/principal.ts';
import type { RouteContext } from './context.ts';

export function registerSearchRoutes(app: FastifyInstance, { db }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Full-text search over the latest transcripts and their English translations',
        querystring: searchQuerySchema,
        response: { 200: searchResponseSchema, 400: errorResponseSchema, ...auditUnavailableResponse },
      },
      config: {
        audit: {
          action: 'search',
          target: (request) => (request.query as { q: string }).q,
          // The whole validated query: the filters say which calls the search covered.
          details: (request) => ({ query: request.query as JsonObject }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const principal = principalOf(request);
      const scope = scopeToCollections(principal);
      const parsed = parseSearchQuery(q.q);
      // A place by name in either script (Бахмут, Bakhmut, Kharkov), resolved as the calls list does.
      const placeIds = q.place === undefined ? undefined : await resolvePlaceFilter(db, q.place);
      const result = await searchSegments(db, {
        parsed,
        lang: q.lang,
        translit: q.translit,
        // The calls list's filters, mapped as the list maps them: a search covers the same calls.
        filters: { ...toRecordingListFilters(q, principal), place: undefined, placeIds, ...scope },
        limit: q.limit,
        offset: q.offset,
      });
      return {
        total: result.total,
        totalIsLowerBound: result.totalIsLowerBound,
        hits: result.hits.map(presentSearchHit),
      };
    },
  );
}
