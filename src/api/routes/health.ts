import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toolVersions } from '../../runtime/tool-versions.ts';
import { presentHealthy, presentUnhealthy } from '../presenters/health.ts';
import { readDatabaseHealth } from '../queries/health.ts';
import { signedInPrincipal } from '../../accounts/principal.ts';
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
      .describe(
        'What is stored (null when the database is unreachable, or for a user who does not see every collection)',
      ),
    store: z
      .object({
        lastVerifiedAt: z.string().describe('When `earshot verify-store` last finished (ISO 8601)'),
        collection: z.string().nullable().describe('The collection it covered (null: the whole store)'),
        ok: z.boolean().describe('Whether every original and working copy matched its recorded SHA-256'),
        problems: z.number().int().describe('Files that were changed or missing'),
        quarantined: z
          .array(
            z.object({
              recordingId: z.string().describe('The recording the file belongs to'),
              kind: z.enum(['original', 'working copy']).describe('Which file'),
              quarantinedAt: z.string().describe('When it was moved out of the store (ISO 8601)'),
              quarantinePath: z.string().describe('Where its bytes are kept, relative to the data folder'),
            }),
          )
          .describe(
            'Files moved into quarantine (their bytes did not match) and not restored since: not served',
          ),
      })
      .nullable()
      .describe(
        'The last store verification (null when the store was never verified, or for a user who does not see every collection)',
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
        // Counts over the whole store, and its verification, are for whoever sees every collection.
        const seesAll = signedInPrincipal(request)?.collections === 'all';
        return seesAll ? health : { ...health, counts: null, store: null };
      } catch (error) {
        request.log.warn({ err: error }, 'health check: database unreachable');
        return reply.code(503).send(presentUnhealthy(versions));
      }
    },
  );
}
