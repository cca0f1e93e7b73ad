import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ingestPaths } from '../../ingest/ingest-paths.ts';
import { STAGE_ORDER } from '../../jobs/stages.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import { ingestResultSchema, uploadFormSchema, uploadLimitsSchema } from '../schemas/ingest.ts';
import { receiveUpload, UploadRejected } from '../uploads/receive-upload.ts';
import { scopeToCollections } from '../../accounts/collection-scope.ts';
import { assertMay } from '../../accounts/permissions.ts';
import { principalOf, type Principal } from '../../accounts/principal.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../errors.ts';
import { findCollectionIdByName } from '../queries/collections.ts';
import type { RouteContext } from './context.ts';

const MAX_COLLECTION_NAME = 200;
/** How uploaded paths are recorded: "desk-upload:leak/a.wav", what the user dropped. */
export const UPLOAD_PATH_PREFIX = 'desk-upload:';

/**
 * Whoever sees every collection (admins) may ingest into a new one, which ingest creates; anybody
 * else only into a collection granted to them. A name outside their grants is not found, as a
 * name that does not exist: the same answer, so it reveals nothing.
 */
async function requireIngestTarget(db: Db, principal: Principal, collection: string): Promise<void> {
  if (principal.collections === 'all') return;
  const id = await findCollectionIdByName(db, collection, scopeToCollections(principal));
  if (id === undefined) {
    throw notFound(
      `No collection named ${JSON.stringify(collection)} among yours: an admin creates collections and grants them`,
    );
  }
}

export function registerIngestRoutes(
  app: FastifyInstance,
  { db, config, scheduleStage }: RouteContext,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const limits = { maxBytes: config.uploadMaxBytes, maxFiles: config.uploadMaxFiles };

  api.get(
    '/api/ingest/limits',
    {
      schema: {
        tags: ['ingest'],
        summary: 'What one upload may hold',
        response: { 200: uploadLimitsSchema, 401: errorResponseSchema },
      },
    },
    (request) => {
      principalOf(request);
      return { ...limits, schedules: scheduleStage !== undefined };
    },
  );

  api.post(
    '/api/ingest',
    {
      // A multipart body is what a cross-site form can send too: the request guard lets it through
      // here only, after its Origin and Sec-Fetch-Site checks.
      config: { acceptsFormUpload: true },
      schema: {
        tags: ['ingest'],
        summary:
          'Upload audio files, folders and zip archives (with optional call records) and ingest them as `earshot ingest` does',
        multipartBody: uploadFormSchema,
        response: {
          200: ingestResultSchema,
          400: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema.describe('No collection of that name among those granted to the user'),
          413: errorResponseSchema.describe('Over the size or file-count limit (the message names it)'),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      // Refused before the body is read: a viewer's upload is not stored even for a moment.
      assertMay(principal, 'ingest');
      const upload = await receiveUpload(request, config.uploadsDir, limits);
      try {
        const collection = (upload.fields.get('collection') ?? '').trim();
        if (!collection) throw new UploadRejected(400, 'Choose a collection (field "collection").');
        if (collection.length > MAX_COLLECTION_NAME)
          throw new UploadRejected(400, `A collection name has at most ${MAX_COLLECTION_NAME} characters.`);
        if (upload.inputs.length === 0) throw new UploadRejected(400, 'The upload holds no files.');
        await requireIngestTarget(db, principal, collection);
        const result = await ingestPaths(db, config, {
          paths: upload.inputs,
          collection,
          metadataFile: upload.metadataFile,
          recordPathsAs: { dir: path.join(upload.dir, 'files'), prefix: UPLOAD_PATH_PREFIX },
          // Custody: the upload is the signed-in user's doing.
          actor: principal.name,
        });
        const ids = result.newRecordingIds;
        if (scheduleStage && ids.length > 0) await scheduleStage(STAGE_ORDER[0], ids, { force: false });
        // Paths are shown as the user dropped them, not under the temporary upload folder.
        const shown = (text: string) =>
          text.split(`${upload.dir}/files/`).join('').split(UPLOAD_PATH_PREFIX).join('');
        const s = result.summary;
        return {
          batchId: result.batchId,
          status: result.status,
          collection: { id: result.collectionId, name: collection },
          headline: s.headline(),
          ingested: s.ingested,
          duplicates: s.duplicates,
          alreadyKnown: s.alreadyKnown,
          rejected: s.rejected,
          bytesIngested: s.bytesIngested,
          rejections: s.rejections.map((r) => ({
            path: shown(r.sourcePath),
            code: r.code,
            reason: shown(r.reason),
          })),
          metadataWarnings: s.metadataWarnings.map(shown),
          newRecordingIds: ids,
          queued: scheduleStage !== undefined && ids.length > 0,
          uploaded: { files: upload.files, bytes: upload.bytes },
        };
      } finally {
        // The originals store keeps its own copy of every accepted file.
        fs.rmSync(upload.dir, { recursive: true, force: true });
      }
    },
  );
}
