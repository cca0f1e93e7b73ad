import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { presentCollection } from '../presenters/collection.ts';
import { listCollectionsWithCounts } from '../queries/collections.ts';
import { isoDateTime } from '../schemas/common.ts';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { principalOf } from '../../accounts/principal.ts';
import type { RouteContext } from './context.ts';

const collectionSchema = z
  .object({
    id: z.string().describe('Collection id (UUID)'),
    name: z.string().describe('Collection name, unique'),
    description: z.string().nullable().describe('Free-text description'),
    recordingCount: z.number().int().describe('Number of recordings in the collection'),
    createdAt: isoDateTime.describe('When the collection was created'),
  })
  .describe('A collection of recordings (one leak, one case...)');

const collectionListSchema = z
  .object({ items: z.array(collectionSchema).describe('Every collection the user may see, by name') })
  .describe('Collections');

export function registerCollectionRoutes(app: FastifyInstance, { db }: RouteContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/collections',
    {
      schema: {
        tags: ['collections'],
        summary: 'List collections with their recording counts',
        response: { 200: collectionListSchema },
      },
    },
    async (request) => ({
      items: (await listCollectionsWithCounts(db, scopeToCollections(principalOf(request)))).map(
        presentCollection,
      ),
    }),
  );
}
