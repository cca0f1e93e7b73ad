import { z } from 'zod';
import { CATEGORIES } from '../../analysis/types.ts';
import { isoDateTime } from './common.ts';

export const categorySchema = z.enum(CATEGORIES).describe('Lexicon category');

const languageCodeSchema = z
  .enum(['ru', 'uk', 'mixed', 'unknown'])
  .describe('ru, uk, mixed (both in one call or segment) or unknown (too little text to tell)');

const segmentLanguageSchema = z
  .object({
    code: languageCodeSchema,
    lexiconCovers: z.boolean().describe("Whether the lexicon's code words cover this language"),
    note: z.string().optional().describe('Why the verdict is uncertain, when it is'),
  })
  .describe("One segment's language verdict");

export const callLanguageSchema = z
  .object({
    code: languageCodeSchema,
    lexiconCovers: z
      .boolean()
      .describe(
        'False when some segments are in a language the lexicon does not cover (flags may be missed)',
      ),
    uncoveredSegments: z.number().int().describe('Segments in a language the lexicon does not cover'),
    segments: z
      .record(z.string(), segmentLanguageSchema)
      .describe("Each segment's verdict, keyed by segment id"),
  })
  .describe('Language verdict for the call, and per segment');

export const categoryCountsSchema = z
  .record(z.string(), z.number().int())
  .describe('From words (lexicon): confident matches per category (categories without a match are left out)');

export const meaningCountsSchema = z
  .record(z.string(), z.number().int())
  .describe(
    'From meaning (classifier, machine judgement): segments per category the classifier flags at confidence 0.5 or more where no lexicon word of the category does (what meaning adds to counts)',
  );

export const casualtiesSchema = z
  .object({
    killed: z
      .number()
      .int()
      .nullable()
      .describe('Killed ("200s") stated in the call; null when no count was said'),
    wounded: z
      .number()
      .int()
      .nullable()
      .describe('Wounded ("300s") stated in the call; null when no count was said'),
    missing: z.number().int().nullable().describe('Missing stated in the call; null when no count was said'),
  })
  .describe('Casualty counts extracted from the call (machine output)');

export const analysisSummarySchema = z
  .object({
    triageScore: z.number().describe('Triage score 0 to 100: how urgently the call should be heard'),
    counts: categoryCountsSchema,
    meaningCounts: meaningCountsSchema,
    casualties: casualtiesSchema,
    categories: z
      .array(categorySchema)
      .describe('Categories with at least one confident flag, from words (lexicon) or meaning (classifier)'),
  })
  .describe('Summary of the current analysis (machine output)');

const placeSchema = z
  .object({
    id: z.string().describe('Gazetteer id (GeoNames)'),
    nameEn: z.string().describe('English name'),
    nameRu: z.string().describe('Russian name'),
    nameUk: z.string().nullable().describe('Ukrainian name, when known'),
    country: z.string().describe('ISO 3166-1 alpha-2 country code'),
    admin1: z.string().nullable().describe('First-level administrative region, when known'),
    lat: z.number().describe('Latitude (WGS 84)'),
    lon: z.number().describe('Longitude (WGS 84)'),
    population: z.number().int().nullable().describe('Population from the gazetteer, when known'),
  })
  .describe('A settlement from the gazetteer');

const spanFields = {
  segmentId: z.string().describe('Transcript segment the span is in'),
  start: z.number().int().describe('Start offset in the segment text (UTF-16 code units, inclusive)'),
  end: z.number().int().describe('End offset in the segment text (UTF-16 code units, exclusive)'),
  surface: z.string().describe('The text as it appears in the segment'),
  confidence: z.number().describe('0 to 1; ambiguous words without confirming context score low'),
  rule: z.string().describe('Which rule fired'),
};

export const termMatchSchema = z
  .object({
    ...spanFields,
    termId: z.string().describe('Stable id of the lexicon entry'),
    term: z.string().describe('Headword of the lexicon entry'),
    category: z.string().describe('Lexicon category'),
    gloss: z.string().describe('English gloss'),
    count: z.number().int().nullable().describe('Casualty count attached to the match, if any'),
  })
  .describe('From words (lexicon): a code word or term found in the transcript');

const meaningPhraseSchema = z
  .object({
    start: z.number().int().describe('Start offset in the segment text (UTF-16 code units, inclusive)'),
    end: z.number().int().describe('End offset in the segment text (UTF-16 code units, exclusive)'),
    surface: z.string().describe('The phrase as it appears in the segment'),
    weight: z
      .number()
      .describe('How much the phrase pushed the classifier towards the flag (> 0; larger weighs more)'),
  })
  .describe('A phrase that weighed in a meaning flag');

export const meaningFlagSchema = z
  .object({
    segmentId: z.string().describe('Transcript segment the flag is on'),
    category: z.string().describe('Category the classifier sees in the segment'),
    confidence: z.number().describe('Calibrated probability 0 to 1 that the segment is of the category'),
    source: z
      .literal('classifier')
      .describe('Always classifier: a machine judgement of meaning, not a word found'),
    lexiconAgrees: z
      .boolean()
      .describe('Whether a lexicon word of the same category is in the segment (words and meaning agree)'),
    phrases: z.array(meaningPhraseSchema).describe('The phrases that weighed most, heaviest first'),
  })
  .describe(
    'From meaning (classifier, machine judgement): a category the meaning classifier sees in a segment',
  );

export const entitySchema = z
  .object({
    ...spanFields,
    kind: z.enum(['person', 'place', 'unit', 'phone', 'call_sign']).describe('What was found'),
    value: z.string().describe('Normalised value (E.164 for phones, English name for places)'),
    place: placeSchema.optional().describe('The gazetteer entry, for places'),
  })
  .describe('A person, place, unit, phone number or call sign found in the transcript');

export const recordingAnalysisSchema = z
  .object({
    runId: z.string().describe('Analysis run id (UUID); runs are write-once'),
    transcriptId: z
      .string()
      .nullable()
      .describe('Transcript version analysed (null: the recording had none)'),
    transcriptVersion: z.number().int().nullable().describe('Version number of that transcript'),
    createdAt: isoDateTime.describe('When the analysis was made'),
    createdBy: z.string().describe('Which worker made it'),
    lexiconVersion: z.string().describe('Version (hash) of the lexicon data used'),
    analyserVersion: z.string().describe('Version of the matching and scoring rules used'),
    classifierVersion: z
      .string()
      .nullable()
      .describe('Version of the meaning classifier used (null: analysed before there was one)'),
    translation: z
      .record(z.string(), z.unknown())
      .describe('Which translation rows of the transcript existed when it was analysed'),
    language: callLanguageSchema,
    counts: categoryCountsSchema,
    meaningCounts: meaningCountsSchema,
    casualties: casualtiesSchema,
    triage: z
      .object({
        score: z.number().describe('0 to 100'),
        reasons: z
          .array(z.string())
          .describe(
            'Why the call ranks where it does, in sentences that say which flags came from words (lexicon) and which from meaning (classifier)',
          ),
      })
      .describe('Triage score and its explanation'),
    matches: z
      .array(termMatchSchema)
      .describe('From words (lexicon): matches in segment order, then by offset'),
    meaning: z
      .array(meaningFlagSchema)
      .describe('From meaning (classifier): flags in segment order, then by category'),
    entities: z.array(entitySchema).describe('Entities in segment order, then by offset'),
  })
  .describe("A recording's current analysis: latest run on its latest transcript version (machine output)");

export type AnalysisSummaryResponse = z.infer<typeof analysisSummarySchema>;
export type RecordingAnalysisResponse = z.infer<typeof recordingAnalysisSchema>;
export type TermMatchResponse = z.infer<typeof termMatchSchema>;
export type MeaningFlagResponse = z.infer<typeof meaningFlagSchema>;
export type EntityResponse = z.infer<typeof entitySchema>;
