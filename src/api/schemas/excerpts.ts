import { z } from 'zod';
import { PROTECTED_KINDS } from '../../publication/protected-identity.ts';
import { isoDateTime } from './common.ts';

// The desk's excerpt builder (issue 14, docs/publication.md): preview and export an excerpt.

const seconds = (what: string) => z.number().finite().min(0).max(1_000_000).optional().describe(what);

export const excerptSelectionSchema = z
  .strictObject({
    segmentIds: z
      .array(z.string().regex(/^\d{1,18}$/, 'a segment id is a number'))
      .max(10_000)
      .optional()
      .describe(
        'Segments of the current transcript: the excerpt runs from the first one’s start to the last one’s end',
      ),
    from: seconds('Start of a time range, in seconds of the call (instead of segmentIds)'),
    to: seconds('End of a time range, in seconds of the call (left out: the end of the call)'),
  })
  .describe('One continuous range of the call: segment ids, or from/to, not both');

const protectAllSchema = z
  .boolean()
  .optional()
  .describe('First add every person, number, call sign and place of the call’s analysis to the register');

export const excerptPreviewBodySchema = excerptSelectionSchema
  .extend({ protectAll: protectAllSchema })
  .describe('The selection to preview, and whether to protect everything the analysis found first');

export const excerptPreviewParamsSchema = z.object({
  id: z.guid().describe('Recording id (UUID)'),
  previewId: z.guid().describe('Preview id (UUID)'),
});

const kindSchema = z.enum(PROTECTED_KINDS).describe('What is protected');

const redactionMarkSchema = z
  .object({
    language: z.enum(['ru', 'en']),
    start: z.number().int().describe('Offset of the replacement in the redacted text (UTF-16 units)'),
    end: z.number().int(),
    pseudonym: z.string(),
    kind: kindSchema,
  })
  .describe('Where a protected form was replaced in a redacted text');

const previewSegmentSchema = z.object({
  id: z.string().describe('Segment id of the current transcript'),
  speaker: z.string().describe('"Speaker 1", or the pseudonym of a protected voice'),
  lane: z.string(),
  start: z.number().describe('Seconds of the call'),
  end: z.number(),
  ru: z.string().describe('The Russian, redacted'),
  en: z.string().nullable().describe('The English, redacted (null: not translated)'),
  enStale: z.boolean().describe('The English was made for an older text of the segment'),
  corrected: z.boolean().describe('A person corrected this segment (machine output otherwise)'),
  hasWordTimings: z
    .boolean()
    .describe('False: a protected word here is withheld by covering the whole segment'),
  redactions: z.array(redactionMarkSchema),
});

export const excerptPreviewSchema = z
  .object({
    id: z.string().describe('Preview id'),
    recordingId: z.string(),
    from: z.number().describe('Start of the excerpt, in seconds of the call'),
    to: z.number().describe('End of the excerpt, in seconds of the call'),
    clip: z.object({ start: z.number(), end: z.number(), durationSeconds: z.number() }),
    protectedAdded: z.number().int().describe('Register entries added first (protectAll)'),
    audioUrl: z.string().describe('The redacted preview audio (MP3), for its maker only'),
    policy: z
      .object({
        caseStatus: z.string().describe('The case file status (verification workflow)'),
        caseStatusLabel: z.string(),
        verified: z.boolean(),
        overrideNeeded: z
          .boolean()
          .describe('The call is not verified: only an admin may export it, with a reason'),
      })
      .describe('May this call be exported for publication'),
    metadata: z
      .object({
        month: z.string().nullable().describe('"2022-03" in the call’s time zone'),
        region: z.string().describe('An oblast, "unknown", or "withheld"'),
      })
      .describe('All the excerpt says of the call’s metadata'),
    segments: z
      .array(previewSegmentSchema)
      .describe('Every segment overlapping the excerpt, in spoken order'),
    identities: z
      .array(
        z.object({
          id: z.string().describe('Register entry id'),
          kind: kindSchema,
          pseudonym: z.string(),
          mentions: z.number().int().describe('Replacements in the texts, both languages'),
        }),
      )
      .describe('The identities withheld in this excerpt, by pseudonym (never their names)'),
    audio: z.object({
      spans: z
        .array(
          z.object({
            start: z.number().describe('Seconds of the call'),
            end: z.number(),
            mode: z.enum(['tone', 'silence']),
            reason: z.enum(['word-timing', 'segment-fallback']),
            pseudonyms: z.array(z.string()),
            fallbackSegmentIds: z.array(z.string()),
          }),
        )
        .describe('What the audio withholds'),
      usedSegmentFallback: z
        .boolean()
        .describe('Some protected word had no word timing: its whole segment is covered'),
      disguisedVoices: z.array(z.object({ lane: z.string(), pseudonym: z.string() })),
    }),
  })
  .describe('What an export of this selection would publish, for a person to check');
export type ExcerptPreviewResponse = z.infer<typeof excerptPreviewSchema>;

export const excerptExportBodySchema = z
  .strictObject({
    recordingId: z.guid().describe('Recording id (UUID)'),
    selection: excerptSelectionSchema,
    protectAll: protectAllSchema,
    overrideReason: z
      .string()
      .trim()
      .min(1, 'an override needs a reason')
      .max(2000)
      .optional()
      .describe('Admins: why this unverified call is published (recorded in the audit log)'),
  })
  .describe('An excerpt to export');

const exportedFileSchema = z.object({
  name: z.string(),
  sha256: z.string().describe('SHA-256 (hex)'),
  bytes: z.number().int(),
});

export const excerptExportSchema = z
  .object({
    id: z.string().describe('Export id'),
    createdAt: isoDateTime,
    recordingId: z.string(),
    from: z.number(),
    to: z.number(),
    files: z
      .array(exportedFileSchema)
      .describe('The package’s files (provenance.json lists these with their hashes)'),
    zipBytes: z.number().int().describe('Size of the zip to download'),
    redactions: z.object({
      text: z.number().int(),
      audioSpans: z.number().int(),
      disguisedVoices: z.number().int(),
    }),
    usedSegmentFallback: z.boolean(),
    protectedAdded: z.number().int().describe('Register entries added by protectAll'),
    downloadUrl: z.string().describe('The package as one zip, for its exporter or an admin'),
  })
  .describe('An excerpt package written on the server, leak-checked, ready to download');
export type ExcerptExportResponse = z.infer<typeof excerptExportSchema>;

export const excerptExportParamsSchema = z.strictObject({
  id: z.guid().describe('Export id (UUID)'),
});
