import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toolVersions } from '../../runtime/tool-versions.ts';
import { presentHealthy, presentUnhealthy } from '../presenters/health.ts';
import { readDatabaseHealth } from '../queries/health.ts';
import type { RouteContext } from './context.ts';

const healthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']).describe('ok when the database answers'),
    database: z
      .object({
        reachable: z.boolean().describe('Whether the database answered'),
        serverVersion: z.string().nullable().describe('PostgreSQL server version'),
        migrations: z.array(z.string()).describe('Schema migrations applied, in order'),
      })
      .describe('Database state'),
    versions: z.record(z.string(), z.string()).describe('Versions of Earshot, Node and the media tools'),
    counts: z
      .object({
        collections: z.number().int().describe('Collections'),
        recordings: z.number().int().describe('Recordings (unique originals)'),
        sources: z.number().int().describe('Source paths the recordings were received from'),
        rejections: z.number().int().describe('Inputs rejected at ingest'),
        custodyEvents: z.number().int().describe('Custody events'),
        workingCopies: z.number().int().describe('Working copies (one per channel)'),
        stageRuns: z.record(z.string(), z.number().int()).describe('Stage runs by status'),
      })
      .nullable()
      .describe('What is stored (null when the database is unreachable or nobody is signed in)'),
    store: z
      .object({
        lastVerifiedAt: z.string().describe('When `earshot verify-store` last finished (ISO 8601)'),
        collection: z.string().nullable().describe('The collection it covered (null: the whole store)'),
        ok: z.boolean().describe('Whether every original and working copy matched its recorded SHA-256'),
        problems: z.number().int().describe('Files that were changed or missing'),
      })
      .nullable()
      .describe(
        'The last store verification (null when the store was never verified or nobody is signed in)',
      ),
  })
  .describe('Health of the server');

export function registerHealthRoutes(app: FastifyInstance, { db }: RouteContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary:
          'Whether the database is reachable and software versions, without signing in; what is ' +
          'stored, when signed in',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (request, reply) => {
      const versions = toolVersions();
      try {
        const health = presentHealthy(await readDatabaseHealth(db), versions);
        // Open to monitoring without a session: what is stored is for signed-in users only.
        return request.principal ? health : { ...health, counts: null, store: null };
      } catch (error) {
        request.log.warn({ err: error }, 'health check: database unreachable');
        return reply.code(503).send(presentUnhealthy(versions));
      }
    },
  );
}
