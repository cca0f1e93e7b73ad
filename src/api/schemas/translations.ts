import { z } from 'zod';
import { isoDateTime } from './common.ts';

const wordDiffSchema = z
  .array(
    z
      .object({
        op: z.enum(['equal', 'delete', 'insert']).describe('Kept, taken out, or put in'),
        text: z.string().describe('The words of this run'),
      })
      .describe('A run of the word-level diff'),
  )
  .describe('Word-level diff against the previous version (all inserted for the first)');

export const segmentParamsSchema = z.object({
  id: z.guid().describe('Recording id (UUID)'),
  segmentId: z
    .string()
    .regex(/^\d{1,18}$/, 'expected a segment id (digits)')
    .describe('Segment id'),
});

export const translationQualitySchema = z
  .object({
    doubtful: z
      .boolean()
      .describe(
        'True when a check failed: the desk marks the English "check this translation". Never set for English a person wrote',
      ),
    issues: z
      .array(z.enum(['empty', 'not-english', 'length', 'repetition', 'numbers', 'names']))
      .describe(
        'Which checks failed: empty English, Cyrillic English, length far from the Russian, a looping output, a number the Russian does not say, a person or place the English leaves out (docs/models.md)',
      ),
  })
  .describe('Quality estimate of a machine translation, made from the Russian and the English alone');

export const translationVersionSchema = z
  .object({
    translationId: z.string().describe('Translation id'),
    version: z.number().int().describe('1 for the first translation of the segment; each one adds one'),
    kind: z.enum(['machine', 'human']).describe('machine: the translate stage; human: a person corrected it'),
    status: z
      .enum(['translated', 'empty-source', 'unsupported-language'])
      .describe('Whether there is English'),
    text: z.string().nullable().describe('The English'),
    engine: z.string().describe('Translation engine ("human" for a person)'),
    model: z.string().nullable().describe('Translation model (machine versions)'),
    createdBy: z.string().nullable().describe('Who wrote it (human versions)'),
    createdAt: isoDateTime.describe('When it was saved'),
    segmentId: z
      .string()
      .describe(
        'The segment it translates: this one, or the one it was corrected from in an earlier version',
      ),
    basedOnTranslationId: z.string().nullable().describe('The translation a person edited (human versions)'),
    current: z.boolean().describe('The English the segment shows now'),
    diff: wordDiffSchema,
  })
  .describe('One version of a segment’s English');

export const translationHistoryResponseSchema = z
  .object({
    versions: z.array(translationVersionSchema).describe('Every version, oldest first'),
    currentTranslationId: z.string().nullable().describe('The version shown now (null when none)'),
    newerMachineTranslationId: z
      .string()
      .nullable()
      .describe(
        'A machine translation made after the person’s current English: kept, not shown; save its text to adopt it',
      ),
  })
  .describe('The versions of a segment’s English translation');

export const translationCorrectionBodySchema = z
  .strictObject({
    baseTranslationId: z
      .string()
      .regex(/^\d{1,18}$/, 'expected a translation id (digits)')
      .nullable()
      .describe('The translation the edit was made on (the current one); null when the segment had none'),
    text: z.string().max(10_000).describe('The corrected English'),
  })
  .describe('A human correction of one segment’s English');

export const translationCorrectionResponseSchema = z
  .object({
    translationId: z.string().describe('The new translation (kind human)'),
    segmentId: z.string().describe('The segment'),
    basedOnTranslationId: z.string().nullable().describe('The translation it replaces as current'),
    history: translationHistoryResponseSchema,
  })
  .describe('The saved correction of the English');
