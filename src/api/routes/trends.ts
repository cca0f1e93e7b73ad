import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { presentCallGraph, presentMonthlyTrends, presentPlaceTrends } from '../presenters/trends.ts';
import { callGraph, monthlyTrends, placeTrends } from '../queries/trends.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import type { CallScope } from '../queries/recordings-list.ts';
import { callScopeQuerySchema, toCallScope, type CallScopeInput } from '../schemas/recording-filters.ts';
import {
  callGraphQuerySchema,
  callGraphSchema,
  monthlyTrendsSchema,
  placeTrendsSchema,
} from '../schemas/trends.ts';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { principalOf } from '../../accounts/principal.ts';
import type { RouteContext } from './context.ts';

/** The charts' scope: the query's collection and time range, within the user's collections. */
function callScopeOf(query: CallScopeInput, request: FastifyRequest): CallScope {
  return { ...toCallScope(query), ...scopeToCollections(principalOf(request)) };
}

export function registerTrendRoutes(app: FastifyInstance, { db }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/trends/monthly',
    {
      schema: {
        tags: ['trends'],
        summary: 'Calls, mentions per category and casualty counts per month of the call start (UTC)',
        querystring: callScopeQuerySchema,
        response: { 200: monthlyTrendsSchema, 400: errorResponseSchema },
      },
    },
    async (request) => presentMonthlyTrends(await monthlyTrends(db, callScopeOf(request.query, request))),
  );

  api.get(
    '/api/trends/places',
    {
      schema: {
        tags: ['trends'],
        summary: 'Places mentioned in the calls, with coordinates, mentions and calls',
        querystring: callScopeQuerySchema,
        response: { 200: placeTrendsSchema, 400: errorResponseSchema },
      },
    },
    async (request) => presentPlaceTrends(await placeTrends(db, callScopeOf(request.query, request))),
  );

  api.get(
    '/api/trends/call-graph',
    {
      schema: {
        tags: ['trends'],
        summary: 'Who called whom: phone numbers as nodes, calls from caller to callee as edges',
        querystring: callGraphQuerySchema,
        response: { 200: callGraphSchema, 400: errorResponseSchema },
      },
    },
    async (request) =>
      presentCallGraph(
        await callGraph(db, callScopeOf(request.query, request), request.query.limit),
        request.query.limit,
      ),
  );
}
