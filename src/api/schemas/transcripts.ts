import { z } from 'zod';
import { isoDateTime } from './common.ts';
import { translationQualitySchema } from './translations.ts';

const segmentIdString = z.string().regex(/^\d{1,18}$/, 'expected a segment id (digits)');

/**
 * A name or label in a JSON body: one line. Other control characters (NUL...) are refused for every
 * field before validation (src/api/control-characters.ts); multi-line text fields are plain strings.
 */
export const oneLineText = z
  .string()
  .refine((value) => !/[\t\n\r]/u.test(value), 'must be one line (no tab or line break)');

export const transcriptVersionSchema = z
  .object({
    id: z.string().describe('Transcript id (UUID)'),
    version: z.number().int().describe('Version number, 1 for the first; each correction adds one'),
    kind: z
      .enum(['machine', 'human'])
      .describe('machine: made by a recogniser (machine output); human: a person corrected it'),
    basedOnVersion: z.number().int().nullable().describe('The version a human correction started from'),
    createdBy: z.string().describe('Who made it: the person, or the worker that ran the recogniser'),
    createdAt: isoDateTime.describe('When it was saved'),
    model: z.string().nullable().describe('Recogniser model (machine versions)'),
    modelFiles: z.record(z.string(), z.string()).describe('SHA-256 of each model file (machine versions)'),
    decoding: z.record(z.string(), z.unknown()).describe('Decoding and VAD settings (machine versions)'),
    language: z.string().nullable().describe('Language of the transcript (e.g. "ru")'),
    isCurrent: z
      .boolean()
      .describe(
        'The version the desk shows and corrects and that translation, analysis and search follow: the newest, except that a machine version made while a person’s version is current waits for a decision',
      ),
  })
  .describe('One transcript version');

export const transcriptVersionsResponseSchema = z
  .object({
    versions: z.array(transcriptVersionSchema).describe('Every version, oldest first'),
    newerMachineVersion: z
      .number()
      .int()
      .nullable()
      .describe(
        'A machine version made after the current human correction and waiting for a person to adopt it or keep the correction; null when none',
      ),
  })
  .describe('Transcript versions of a recording');

export const machineOfferDecisionBodySchema = z
  .strictObject({
    version: z.number().int().min(1).describe('The newer machine version the decision is about'),
    decision: z
      .enum(['adopt', 'keep'])
      .describe('adopt: the machine version becomes current; keep: the correction stays current'),
  })
  .describe('A person’s decision on a newer machine transcript');

export const machineOfferDecisionResponseSchema = z
  .object({
    decision: z.enum(['adopted', 'kept']).describe('What was decided'),
    currentVersion: z.number().int().describe('The current version after the decision'),
    rerun: z
      .object({
        stages: z.array(z.string()).describe('Stages marked to run again on the adopted version'),
        queued: z
          .boolean()
          .describe('Whether their jobs were queued now (else a worker queues them when it starts)'),
      })
      .describe('Pipeline stages that run again because the current version changed'),
  })
  .describe('The recorded decision');

export const wordSchema = z
  .object({
    w: z.string().describe('The word'),
    start: z.number().describe('Start, seconds from the start of the recording'),
    end: z.number().describe('End, seconds from the start of the recording'),
    conf: z.number().nullable().describe('Recogniser confidence 0..1 (null when not given)'),
    estimated: z
      .boolean()
      .optional()
      .describe(
        'True when the timing was interpolated after a person edited the text (the recogniser did not measure it)',
      ),
    aligned: z
      .boolean()
      .optional()
      .describe(
        'True when the timing was found by aligning the edited text to the audio with the recogniser model (CTC forced alignment)',
      ),
  })
  .describe('A word with its timing: recognised, aligned to the audio after an edit, or estimated');

export const segmentTranslationSchema = z
  .object({
    translationId: z.string().describe('The translation shown (the base of a correction of the English)'),
    kind: z
      .enum(['machine', 'human'])
      .describe('machine: machine translation; human: a person corrected the English (createdBy)'),
    createdBy: z.string().nullable().describe('Who corrected the English (human translations)'),
    quality: translationQualitySchema,
    text: z.string().nullable().describe('English text (null when the language is not covered)'),
    status: z
      .enum(['translated', 'empty-source', 'unsupported-language'])
      .describe('Whether the segment could be translated'),
    engine: z.string().describe('Translation engine (machine output)'),
    model: z.string().nullable().describe('Translation model'),
    modelSha256: z
      .string()
      .nullable()
      .describe("SHA-256 of the translation model's file, as the translate stage recorded it"),
    stale: z
      .boolean()
      .describe(
        'True when the English was made for different words: the segment was corrected since and has not been translated again',
      ),
  })
  .describe('Translation of the segment into English: machine, or corrected by a person');

export const transcriptSegmentSchema = z
  .object({
    id: z.string().describe('Segment id'),
    position: z.number().int().describe('Position in spoken order, from 0'),
    channel: z.number().int().describe('Audio channel the segment was heard on'),
    lane: z.string().describe('Speaker lane (a channel, or a diarised speaker)'),
    speaker: z.string().nullable().describe('Speaker name or label, when known'),
    start: z.number().describe('Start, seconds from the start of the recording'),
    end: z.number().describe('End, seconds from the start of the recording'),
    text: z.string().describe('What was said'),
    language: z.string().nullable().describe('Language of the segment'),
    confidence: z.number().nullable().describe('Recogniser confidence 0..1; null for text a person wrote'),
    words: z
      .array(wordSchema)
      .describe('Word timings; words a person changed have estimated timings (estimated: true)'),
    sourceSegmentId: z
      .string()
      .nullable()
      .describe('For corrected versions: the segment of the base version this one was edited from'),
    translation: segmentTranslationSchema.nullable().describe('English translation, null when none yet'),
  })
  .describe('A transcript segment');

export const transcriptReadResponseSchema = z
  .object({
    transcript: transcriptVersionSchema,
    isLatest: z.boolean().describe('Whether this is the newest version'),
    isCurrent: z
      .boolean()
      .describe('Whether this is the current version (only the current one can be corrected)'),
    segments: z.array(transcriptSegmentSchema).describe('Segments in spoken order'),
  })
  .describe('One transcript version with its segments and translations');

export const transcriptReadQuerySchema = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('Version to read (default: the current one)'),
});

export const transcriptDiffQuerySchema = z
  .strictObject({
    from: z.coerce.number().int().min(1).max(1_000_000).describe('Older version'),
    to: z.coerce.number().int().min(1).max(1_000_000).describe('Newer version'),
  })
  .refine((q) => q.from < q.to, { message: 'from must be an earlier version than to', path: ['from'] });

const diffSegmentSchema = z
  .object({
    id: z.string().describe('Segment id'),
    position: z.number().int().describe('Position in its version'),
    channel: z.number().int().describe('Audio channel'),
    lane: z.string().describe('Speaker lane'),
    speaker: z.string().nullable().describe('Speaker'),
    start: z.number().describe('Start, seconds'),
    end: z.number().describe('End, seconds'),
    text: z.string().describe('Text'),
  })
  .describe('A segment as it is in one of the two versions');

export const transcriptDiffResponseSchema = z
  .object({
    from: transcriptVersionSchema,
    to: transcriptVersionSchema,
    summary: z
      .object({
        added: z.number().int().describe('Segments only in the newer version'),
        removed: z.number().int().describe('Segments only in the older version'),
        changed: z.number().int().describe('Segments with a different text, lane, speaker or boundaries'),
        unchanged: z.number().int().describe('Segments that are the same'),
      })
      .describe('Counts of each kind of change'),
    changes: z
      .array(
        z
          .object({
            type: z.enum(['added', 'removed', 'changed', 'unchanged']).describe('Kind of change'),
            from: diffSegmentSchema.nullable().describe('The segment in the older version (null when added)'),
            to: diffSegmentSchema.nullable().describe('The segment in the newer version (null when removed)'),
            textChanged: z.boolean().describe('The words differ'),
            laneChanged: z.boolean().describe('The lane or channel differs'),
            speakerChanged: z.boolean().describe('The speaker differs'),
            boundariesChanged: z.boolean().describe('Start or end moved'),
            words: z
              .array(
                z
                  .object({
                    op: z.enum(['equal', 'delete', 'insert']).describe('Kept, taken out, or put in'),
                    text: z.string().describe('The words of this run'),
                  })
                  .describe('A run of the word-level diff'),
              )
              .describe('Word-level diff of the text (empty unless textChanged)'),
          })
          .describe('How one segment changed'),
      )
      .describe('Segment changes in the newer version’s order'),
  })
  .describe('Differences between two transcript versions');

export const correctionBodySchema = z
  .strictObject({
    baseVersion: z
      .number()
      .int()
      .min(1)
      .describe('The version the edit was made on; must be the current one'),
    author: oneLineText
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'Ignored: the author is always the signed-in user (accepted so that older clients are not refused)',
      ),
    segments: z
      .array(
        z
          .strictObject({
            position: z
              .number()
              .int()
              .min(0)
              .optional()
              .describe(
                'Order among segments that start at the same time (segments are stored by start time)',
              ),
            sourceSegmentId: segmentIdString
              .optional()
              .describe('The base version’s segment this one edits; leave out for a new segment'),
            channel: z.number().int().min(0).max(255).describe('Audio channel (0-based)'),
            lane: oneLineText.min(1).max(100).describe('Speaker lane'),
            speaker: oneLineText.max(200).nullable().optional().describe('Speaker name or label'),
            start: z.number().min(0).describe('Start, seconds from the start of the recording'),
            end: z.number().min(0).describe('End, seconds; after start and within the recording'),
            text: z.string().max(10_000).describe('The corrected text'),
          })
          .describe('A segment of the new version'),
      )
      .max(20_000)
      .describe('Every segment of the new version; base segments left out are removed'),
  })
  .describe('A human correction: the whole new version');

export const correctionResponseSchema = z
  .object({
    transcript: transcriptVersionSchema,
    segments: z
      .object({
        kept: z.number().int().describe('Segments copied unchanged'),
        edited: z.number().int().describe('Segments changed'),
        added: z.number().int().describe('New segments'),
        removed: z.number().int().describe('Base segments left out'),
      })
      .describe('What the correction did'),
    rerun: z
      .object({
        stages: z.array(z.string()).describe('Stages marked to run again on the new version'),
        queued: z
          .boolean()
          .describe('Whether their jobs were queued now (else a worker queues them when it starts)'),
      })
      .describe('Pipeline stages that run again because the text changed'),
    wordTiming: z
      .object({
        aligned: z.number().int().describe('Changed words timed by aligning them to the audio'),
        estimated: z.number().int().describe('Changed words whose times were interpolated'),
        notes: z.array(z.string()).describe('Why words were estimated instead of aligned'),
      })
      .describe('How the words the correction changed were timed'),
  })
  .describe('The saved correction');

export type TranscriptVersionResponse = z.infer<typeof transcriptVersionSchema>;
export type TranscriptSegmentResponse = z.infer<typeof transcriptSegmentSchema>;
