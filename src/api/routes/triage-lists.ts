import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { assertMay } from '../../accounts/permissions.ts';
import { principalOf } from '../../accounts/principal.ts';
import type { Db } from '../../db/database.ts';
import type { JsonObject } from '../../db/schema.ts';
import { parseSearchQuery } from '../../search/query-parser.ts';
import { attachmentDisposition, toSpreadsheetCsv } from '../../triage/csv.ts';
import {
  deleteSavedSearch,
  listSavedSearches,
  saveSearch,
  type SavedSearch,
} from '../../triage/saved-searches.ts';
import { auditUnavailableResponse } from '../audit-hook.ts';
import { binaryResponse } from '../openapi.ts';
import { batchSearch } from '../queries/batch-search.ts';
import { resolvePlaceFilter } from '../queries/recordings-list.ts';
import {
  CALLS_CSV_HEADER,
  callsCsvRows,
  SEARCH_CSV_HEADER,
  searchCsvRows,
} from '../queries/triage-exports.ts';
import { batchSearchBodySchema, batchSearchResponseSchema } from '../schemas/batch-search.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import { callsCsvQuerySchema, searchCsvQuerySchema } from '../schemas/csv-exports.ts';
import { toCallScope, toRecordingListFilters, toRecordingListQuery } from '../schemas/recording-filters.ts';
import {
  savedSearchListSchema,
  savedSearchParamsSchema,
  savedSearchSchema,
  saveSearchBodySchema,
} from '../schemas/saved-searches.ts';
import type { RouteContext } from './context.ts';

const presentSavedSearch = (s: SavedSearch) => ({
  ...s,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

const csvName = (what: string) => `earshot-${what}-${new Date().toISOString().slice(0, 10)}.csv`;

/** CSV exports of the Calls and Search pages, saved searches and batch search. */
export function registerTriageListRoutes(app: FastifyInstance, { db }: RouteContext): void {
  registerCsvRoutes(app, db);
  registerBatchSearchRoute(app, db);
  registerSavedSearchRoutes(app, db);
}

function registerCsvRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/csv/calls',
    {
      schema: {
        tags: ['triage'],
        summary: 'The calls list with its filters and sort, as CSV for a spreadsheet (at most 10,000 calls)',
        querystring: callsCsvQuerySchema,
        response: {
          200: binaryResponse('CSV, UTF-8 with a byte-order mark; formula cells defused', 'text/csv'),
          400: errorResponseSchema,
          403: errorResponseSchema,
          ...auditUnavailableResponse,
        },
      },
      config: {
        audit: {
          action: 'export-csv',
          target: () => 'calls',
          details: (r) => ({ query: r.query as JsonObject }),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      assertMay(principal, 'export');
      const scope = scopeToCollections(principal);
      const { place } = request.query;
      const query = toRecordingListQuery(
        { ...request.query, limit: 1, offset: 0 },
        place === undefined ? undefined : await resolvePlaceFilter(db, place),
        { userId: principal.userId, scope },
      );
      const rows = await callsCsvRows(db, query, { userId: principal.userId, scope });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachmentDisposition(csvName('calls')))
        .send(toSpreadsheetCsv(CALLS_CSV_HEADER, rows));
    },
  );

  api.get(
    '/api/csv/search',
    {
      schema: {
        tags: ['triage'],
        summary: 'Search results (every ranked hit, best first) as CSV for a spreadsheet',
        querystring: searchCsvQuerySchema,
        response: {
          200: binaryResponse('CSV, UTF-8 with a byte-order mark; formula cells defused', 'text/csv'),
          400: errorResponseSchema,
          403: errorResponseSchema,
          ...auditUnavailableResponse,
        },
      },
      config: {
        audit: {
          action: 'export-csv',
          target: (r) => (r.query as { q: string }).q,
          details: (r) => ({ query: r.query as JsonObject }),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      assertMay(principal, 'export');
      const q = request.query;
      const { rows, totalIsLowerBound } = await searchCsvRows(db, {
        parsed: parseSearchQuery(q.q),
        lang: q.lang,
        translit: q.translit,
        filters: { ...toRecordingListFilters(q, principal), ...scopeToCollections(principal) },
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachmentDisposition(csvName('search')))
        .header('x-earshot-total-is-lower-bound', String(totalIsLowerBound))
        .send(toSpreadsheetCsv(SEARCH_CSV_HEADER, rows));
    },
  );
}

function registerBatchSearchRoute(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/search/batch',
    {
      schema: {
        tags: ['search'],
        summary:
          'Batch search: a list of names or numbers, each searched, with its count of hits and its calls',
        body: batchSearchBodySchema,
        response: { 200: batchSearchResponseSchema, 400: errorResponseSchema },
      },
      config: {
        audit: {
          action: 'batch-search',
          target: (r) => `${(r.body as { terms: string[] }).terms.length} terms`,
          details: (r) => ({ batch: r.body as JsonObject }),
        },
      },
    },
    async (request) => {
      const body = request.body;
      const results = await batchSearch(db, {
        terms: body.terms,
        lang: body.lang,
        translit: body.translit,
        filters: { ...toCallScope(body), ...scopeToCollections(principalOf(request)) },
      });
      return {
        results: results.map((r) => ({
          ...r,
          calls: r.calls.map(({ collectionName, callStartedAt, ...call }) => ({
            ...call,
            collection: collectionName,
            callStartedAt: callStartedAt?.toISOString() ?? null,
          })),
        })),
      };
    },
  );
}

function registerSavedSearchRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/saved-searches',
    {
      schema: {
        tags: ['triage'],
        summary: 'Your saved searches, by name',
        response: { 200: savedSearchListSchema, 403: errorResponseSchema },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      assertMay(principal, 'keep_own_triage');
      return { items: (await listSavedSearches(db, principal.userId)).map(presentSavedSearch) };
    },
  );

  api.post(
    '/api/saved-searches',
    {
      schema: {
        tags: ['triage'],
        summary: 'Save a search under a name (the same name replaces it)',
        body: saveSearchBodySchema,
        response: { 200: savedSearchSchema, 400: errorResponseSchema, 403: errorResponseSchema },
      },
      config: {
        audit: {
          action: 'save-search',
          target: (r) => (r.body as { name: string }).name,
          details: (r) => ({ params: (r.body as { params: JsonObject }).params }),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      assertMay(principal, 'keep_own_triage');
      return presentSavedSearch(await saveSearch(db, principal.userId, request.body));
    },
  );

  api.delete(
    '/api/saved-searches/:savedSearchId',
    {
      schema: {
        tags: ['triage'],
        summary: 'Delete one of your saved searches',
        params: savedSearchParamsSchema,
        response: {
          200: savedSearchSchema,
          400: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
        },
      },
      config: {
        audit: {
          action: 'delete-saved-search',
          target: (r) => (r.params as { savedSearchId: string }).savedSearchId,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      assertMay(principal, 'keep_own_triage');
      return presentSavedSearch(await deleteSavedSearch(db, principal.userId, request.params.savedSearchId));
    },
  );
}
