import type {
  AnalysisEntityRow,
  AnalysisMatchRow,
  AnalysisMeaningFlagRow,
  StoredAnalysis,
} from '../../analysis/analysis-store.ts';
import { isCategory, type Category } from '../../analysis/types.ts';
import type { AnalysisSummaryRow } from '../queries/recording-analysis.ts';
import type { z } from 'zod';
import {
  callLanguageSchema,
  type AnalysisSummaryResponse,
  type EntityResponse,
  type MeaningFlagResponse,
  type RecordingAnalysisResponse,
  type TermMatchResponse,
} from '../schemas/analysis.ts';
import { iso } from './dates.ts';

/**
 * The stored language verdict (jsonb written by the analyse stage, src/analysis/analysis-store.ts),
 * checked against the response schema; a row that does not fit says 'unknown' rather than
 * failing the whole answer.
 */
function presentCallLanguage(stored: unknown): z.infer<typeof callLanguageSchema> {
  const parsed = callLanguageSchema.safeParse(stored);
  return parsed.success
    ? parsed.data
    : { code: 'unknown', lexiconCovers: false, uncoveredSegments: 0, segments: {} };
}

/** Categories as stored, minus any a newer lexicon no longer has (the response enum is strict). */
function knownCategories(categories: readonly string[]): Category[] {
  return categories.filter(isCategory);
}

export function presentAnalysisSummary(row: AnalysisSummaryRow | undefined): AnalysisSummaryResponse | null {
  if (!row) return null;
  return {
    triageScore: row.triage_score,
    counts: row.counts,
    meaningCounts: row.meaning_counts,
    casualties: row.casualties,
    categories: knownCategories(row.categories),
  };
}

function presentMatch(m: AnalysisMatchRow): TermMatchResponse {
  return {
    segmentId: String(m.transcript_segment_id),
    start: m.start_offset,
    end: m.end_offset,
    surface: m.surface,
    confidence: m.confidence,
    rule: m.rule,
    termId: m.term_id,
    term: m.term,
    category: m.category,
    gloss: m.gloss,
    count: m.count,
  };
}

function presentMeaningFlag(f: AnalysisMeaningFlagRow): MeaningFlagResponse {
  return {
    segmentId: String(f.transcript_segment_id),
    category: f.category,
    confidence: f.confidence,
    source: 'classifier',
    lexiconAgrees: f.lexicon_agrees,
    phrases: [...f.phrases].sort((a, b) => b.weight - a.weight),
  };
}

function presentEntity(e: AnalysisEntityRow): EntityResponse {
  const entity: EntityResponse = {
    segmentId: String(e.transcript_segment_id),
    start: e.start_offset,
    end: e.end_offset,
    surface: e.surface,
    confidence: e.confidence,
    rule: e.rule,
    // The column's CHECK constraint admits only these kinds.
    kind: e.kind as EntityResponse['kind'],
    value: e.value,
  };
  if (e.place_id !== null && e.lat !== null && e.lon !== null) {
    entity.place = {
      id: e.place_id,
      nameEn: e.place_name_en ?? e.value,
      nameRu: e.place_name_ru ?? e.surface,
      nameUk: e.place_name_uk,
      country: e.country ?? '',
      admin1: e.place_admin1,
      lat: e.lat,
      lon: e.lon,
      population: e.place_population,
    };
  }
  return entity;
}

export function presentRecordingAnalysis(stored: StoredAnalysis): RecordingAnalysisResponse {
  const { run } = stored;
  return {
    runId: run.id,
    transcriptId: run.transcript_id,
    transcriptVersion: stored.transcriptVersion,
    createdAt: iso(run.created_at),
    createdBy: run.created_by,
    lexiconVersion: run.lexicon_version,
    analyserVersion: run.analyser_version,
    classifierVersion: run.classifier_version,
    translation: run.translation,
    language: presentCallLanguage(run.language),
    counts: run.counts,
    meaningCounts: run.meaning_counts,
    casualties: run.casualties,
    triage: { score: run.triage_score, reasons: run.triage_reasons },
    matches: stored.matches.map(presentMatch),
    entities: stored.entities.map(presentEntity),
    meaning: stored.meaning.map(presentMeaningFlag),
  };
}
