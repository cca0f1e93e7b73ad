import { sql, type Insertable, type Selectable } from 'kysely';
import { insertInChunks } from '../db/chunked-insert.ts';
import type { Db } from '../db/database.ts';
import type {
  AnalysisEntitiesTable,
  AnalysisMatchesTable,
  AnalysisMeaningFlagsTable,
  AnalysisRunRow,
  JsonObject,
} from '../db/schema.ts';
import { meaningCounts, wordedCategories } from './triage.ts';
import type { CallAnalysis, LanguageVerdict } from './types.ts';

/**
 * Rows of the analysis tables: write-once runs, one per analysis of one transcript version, with
 * their code-word matches, entities and meaning flags keyed by transcript segment. The recording's current
 * analysis (latest run of its latest transcript version) is kept in analysis_current by the
 * database itself (see migration 0005); this module only ever adds rows.
 */

/** Which translation rows an analysis saw: segment_translations is append-only, so this pins them. */
export interface TranslationSeen {
  targetLanguage: string;
  /** Translation rows for the transcript at the time of the analysis. */
  rows: number;
  /** Highest segment_translations id among them (null when there were none). */
  newestId: string | null;
  models: string[];
}

export interface AnalysisRunInput {
  recordingId: string;
  /** null when the recording has no transcript at all: the run is then an empty analysis. */
  transcriptId: string | null;
  translation: TranslationSeen | null;
  createdBy: string;
  analysis: CallAnalysis;
}

/** A call-level language verdict from the per-segment ones, with each segment's verdict kept. */
export function callLanguage(analysis: CallAnalysis): JsonObject {
  const verdicts = analysis.segments.map((s) => s.language);
  const known = new Set(verdicts.map((v) => v.code).filter((code) => code !== 'unknown'));
  const code: LanguageVerdict['code'] =
    known.size === 0 ? 'unknown' : known.size === 1 ? [...known][0]! : 'mixed';
  const uncovered = analysis.segments.filter((s) => !s.language.lexiconCovers).length;
  return {
    code,
    lexiconCovers: uncovered === 0,
    uncoveredSegments: uncovered,
    segments: Object.fromEntries(analysis.segments.map((s) => [s.key, s.language])),
  };
}

export async function translationSeen(
  db: Db,
  transcriptId: string,
  targetLanguage = 'en',
): Promise<TranslationSeen> {
  const row = await db
    .selectFrom('segment_translations')
    .select([
      sql<string>`count(*)`.as('rows'),
      sql<string | null>`max(id)::text`.as('newest'),
      sql<string[]>`coalesce(array_agg(DISTINCT model) FILTER (WHERE model IS NOT NULL), '{}')`.as('models'),
    ])
    .where('transcript_id', '=', transcriptId)
    .where('target_language', '=', targetLanguage)
    .executeTakeFirstOrThrow();
  return { targetLanguage, rows: Number(row.rows), newestId: row.newest, models: row.models };
}

/** The versions that make an analysis: a run by other ones is analysed again. */
export interface AnalyserVersions {
  lexiconVersion: string;
  analyserVersion: string;
  classifierVersion: string;
}

/** The id of a run of this transcript version by this lexicon, analyser and classifier, if one exists. */
export async function findAnalysisRun(
  db: Db,
  key: { recordingId: string; transcriptId: string | null } & AnalyserVersions,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('analysis_runs')
    .select('id')
    .where('recording_id', '=', key.recordingId)
    .where(sql<boolean>`transcript_id IS NOT DISTINCT FROM ${key.transcriptId}`)
    .where('lexicon_version', '=', key.lexiconVersion)
    .where('analyser_version', '=', key.analyserVersion)
    .where('classifier_version', '=', key.classifierVersion)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

type MatchRow = Omit<AnalysisMatchesTable, 'id'>;
type EntityRow = Omit<AnalysisEntitiesTable, 'id'>;
type MeaningRow = Insertable<AnalysisMeaningFlagsTable>;

function matchRows(runId: string, analysis: CallAnalysis): MatchRow[] {
  return analysis.segments.flatMap((segment) =>
    segment.matches.map((m) => ({
      run_id: runId,
      transcript_segment_id: segment.key,
      start_offset: m.start,
      end_offset: m.end,
      surface: m.surface,
      term_id: m.termId,
      term: m.term,
      category: m.category,
      gloss: m.gloss,
      confidence: m.confidence,
      rule: m.rule,
      count: m.count ?? null,
    })),
  );
}

function entityRows(runId: string, analysis: CallAnalysis): EntityRow[] {
  return analysis.segments.flatMap((segment) =>
    segment.entities.map((e) => ({
      run_id: runId,
      transcript_segment_id: segment.key,
      kind: e.kind,
      start_offset: e.start,
      end_offset: e.end,
      surface: e.surface,
      value: e.value,
      confidence: e.confidence,
      rule: e.rule,
      place_id: e.place?.id ?? null,
      place_name_en: e.place?.nameEn ?? null,
      place_name_ru: e.place?.nameRu ?? null,
      place_name_uk: e.place?.nameUk ?? null,
      place_admin1: e.place?.admin1 ?? null,
      place_population: e.place?.population ?? null,
      lat: e.place?.lat ?? null,
      lon: e.place?.lon ?? null,
      country: e.place?.country ?? null,
    })),
  );
}

/** The classifier's flags, each marked with whether the lexicon flags the same category there. */
function meaningRows(runId: string, analysis: CallAnalysis): MeaningRow[] {
  return analysis.segments.flatMap((segment) => {
    const worded = wordedCategories(segment.matches);
    return segment.meaning.map((f) => ({
      run_id: runId,
      transcript_segment_id: segment.key,
      category: f.category,
      confidence: f.confidence,
      lexicon_agrees: worded.has(f.category),
      phrases: JSON.stringify(
        f.phrases.map((p) => ({ start: p.start, end: p.end, surface: p.surface, weight: p.weight })),
      ),
    }));
  });
}

/**
 * Adds one analysis run with its matches, entities and meaning flags. Segment keys must be transcript segment
 * ids of the given transcript. Call inside the stage's transaction: the database refreshes the
 * recording's current analysis when that transaction commits.
 */
export async function insertAnalysisRun(db: Db, input: AnalysisRunInput): Promise<string> {
  const { analysis } = input;
  const run = await db
    .insertInto('analysis_runs')
    .values({
      recording_id: input.recordingId,
      transcript_id: input.transcriptId,
      translation: JSON.stringify(input.translation ?? {}),
      created_by: input.createdBy,
      lexicon_version: analysis.lexiconVersion,
      analyser_version: analysis.analyserVersion,
      classifier_version: analysis.classifierVersion,
      meaning_counts: JSON.stringify(meaningCounts(analysis.segments)),
      segments: analysis.segments.length,
      language: JSON.stringify(callLanguage(analysis)),
      counts: JSON.stringify(analysis.counts),
      casualties: JSON.stringify(analysis.casualties),
      triage_score: analysis.triage.score,
      triage_reasons: JSON.stringify(analysis.triage.reasons),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertInChunks(db, 'analysis_matches', matchRows(run.id, analysis));
  await insertInChunks(db, 'analysis_entities', entityRows(run.id, analysis));
  await insertInChunks(db, 'analysis_meaning_flags', meaningRows(run.id, analysis));
  return run.id;
}

export type AnalysisMatchRow = Selectable<AnalysisMatchesTable>;
export type AnalysisEntityRow = Selectable<AnalysisEntitiesTable>;
export type AnalysisMeaningFlagRow = Selectable<AnalysisMeaningFlagsTable>;

export interface StoredAnalysis {
  run: AnalysisRunRow;
  /** Version number of the transcript analysed (null for an empty analysis without transcript). */
  transcriptVersion: number | null;
  matches: AnalysisMatchRow[];
  entities: AnalysisEntityRow[];
  /** The meaning classifier's flags, in segment order, then by category. */
  meaning: AnalysisMeaningFlagRow[];
}

/** The recording's current analysis (latest run of its latest transcript version), if any. */
export async function readCurrentAnalysis(db: Db, recordingId: string): Promise<StoredAnalysis | undefined> {
  const run = await db
    .selectFrom('analysis_current as c')
    .innerJoin('analysis_runs as a', 'a.id', 'c.run_id')
    .leftJoin('transcripts as t', 't.id', 'a.transcript_id')
    .selectAll('a')
    .select('t.version as transcript_version')
    .where('c.recording_id', '=', recordingId)
    .executeTakeFirst();
  if (!run) return undefined;
  const { transcript_version, ...runRow } = run;
  const [matches, entities, meaning] = await Promise.all([
    db
      .selectFrom('analysis_matches as m')
      .innerJoin('transcript_segments as s', 's.id', 'm.transcript_segment_id')
      .selectAll('m')
      .where('m.run_id', '=', run.id)
      .orderBy('s.position')
      .orderBy('m.start_offset')
      .orderBy('m.id')
      .execute(),
    db
      .selectFrom('analysis_entities as e')
      .innerJoin('transcript_segments as s', 's.id', 'e.transcript_segment_id')
      .selectAll('e')
      .where('e.run_id', '=', run.id)
      .orderBy('s.position')
      .orderBy('e.start_offset')
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('analysis_meaning_flags as f')
      .innerJoin('transcript_segments as s', 's.id', 'f.transcript_segment_id')
      .selectAll('f')
      .where('f.run_id', '=', run.id)
      .orderBy('s.position')
      .orderBy('f.category')
      .execute(),
  ]);
  return { run: runRow, transcriptVersion: transcript_version, matches, entities, meaning };
}
