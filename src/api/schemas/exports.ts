import { z } from 'zod';
import { isoDateTime } from './common.ts';

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a UUID');

export const evidenceExportBodySchema = z
  .union([
    z.strictObject({
      recordings: z
        .array(uuid.describe('Recording id (UUID)'))
        .min(1, 'name at least one recording')
        .max(10_000)
        .describe('The calls to export'),
    }),
    z.strictObject({
      collection: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .describe('Export every call of this collection (by name)'),
    }),
  ])
  .describe('What to export: calls by id, or a whole collection');

export const evidenceExportSchema = z
  .object({
    id: z.string().describe('Export id: download it from /api/exports/{id}/download'),
    createdAt: isoDateTime.describe('When the bundle was written'),
    calls: z.number().int().describe('Calls in the bundle'),
    files: z.number().int().describe('Files listed in its manifest'),
    sizeBytes: z.number().int().describe('Size of the zip in bytes'),
    keyFingerprint: z
      .string()
      .describe("SHA-256 (hex) of the signing key's public key (DER SPKI): compare with the published one"),
    manifestSha256: z.string().describe('SHA-256 (hex) of the signed manifest.json'),
    downloadUrl: z.string().describe('Where to download the bundle'),
  })
  .describe('An evidence bundle written on the server, ready to download');

export const exportIdParamsSchema = z.strictObject({
  id: uuid.describe('Export id (UUID)'),
});

export type EvidenceExportResponse = z.infer<typeof evidenceExportSchema>;
