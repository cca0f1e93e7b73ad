import { sql } from 'kysely';
import { insertAnalysisRun } from '../../src/analysis/analysis-store.ts';
import type { Place } from '../../src/analysis/entities/types.ts';
import type { CallAnalysis, Category, MeaningFlag, TermMatch } from '../../src/analysis/types.ts';
import type { Db } from '../../src/db/database.ts';

/**
 * Transcripts and analysis runs for analysis and API tests, written directly in the shapes the
 * transcribe and analyse stages write (so API tests need neither models nor the analyser).
 */

export interface SegmentSpec {
  text: string;
  lane?: string;
  channel?: number;
  /** Language the recogniser gave the segment (default 'ru'; null: none). */
  language?: string | null;
}

/** Adds the recording's next transcript version; returns its id, version and segment ids. */
export async function insertTranscriptVersion(
  db: Db,
  recordingId: string,
  segments: readonly SegmentSpec[],
  kind: 'machine' | 'human' = 'machine',
): Promise<{ id: string; version: number; segmentIds: string[] }> {
  return db.transaction().execute(async (trx) => {
    const next = await trx
      .selectFrom('transcripts')
      .select(sql<number>`coalesce(max(version), 0) + 1`.as('version'))
      .where('recording_id', '=', recordingId)
      .executeTakeFirstOrThrow();
    const transcript = await trx
      .insertInto('transcripts')
      .values({
        recording_id: recordingId,
        version: next.version,
        kind,
        based_on_id: null,
        created_by: kind === 'machine' ? 'earshot (test)' : 'editor',
        model: kind === 'machine' ? 'test-asr-ru' : null,
        model_files: {},
        decoding: {},
        vad_run_id: null,
        language: 'ru',
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    const segmentIds: string[] = [];
    for (const [position, s] of segments.entries()) {
      const row = await trx
        .insertInto('transcript_segments')
        .values({
          transcript_id: transcript.id,
          position,
          channel: s.channel ?? 0,
          lane: s.lane ?? `channel-${s.channel ?? 0}`,
          speaker: null,
          start_seconds: position * 2,
          end_seconds: position * 2 + 1.5,
          text: s.text,
          language: s.language === undefined ? 'ru' : s.language,
          confidence: 0.9,
          words: '[]',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      segmentIds.push(String(row.id));
    }
    return { ...transcript, segmentIds };
  });
}

export const BAKHMUT: Place = {
  id: '712451',
  nameEn: 'Bakhmut',
  nameRu: 'Бахмут',
  nameUk: 'Бахмут',
  country: 'UA',
  admin1: 'Donetsk',
  lat: 48.5956,
  lon: 38.0003,
};

export const KHARKIV: Place = {
  id: '706483',
  nameEn: 'Kharkiv',
  nameRu: 'Харьков',
  country: 'UA',
  lat: 49.9808,
  lon: 36.2527,
};

/** A match of `term` where it first occurs in `text`, so offsets are real. */
export function matchIn(
  text: string,
  surface: string,
  category: Category,
  extra: Partial<TermMatch> = {},
): TermMatch {
  const start = text.indexOf(surface);
  if (start < 0) throw new Error(`"${surface}" is not in "${text}"`);
  return {
    start,
    end: start + surface.length,
    surface,
    termId: `term-${category}`,
    term: surface,
    category,
    gloss: `gloss of ${surface}`,
    confidence: 0.9,
    rule: 'lemma',
    ...extra,
  };
}

/** A meaning classifier flag whose phrases are where they first occur in `text`, so offsets are real. */
export function meaningIn(
  text: string,
  category: Category,
  confidence: number,
  phrases: ReadonlyArray<readonly [surface: string, weight: number]>,
): MeaningFlag {
  return {
    category,
    confidence,
    source: 'classifier',
    phrases: phrases.map(([surface, weight]) => {
      const start = text.indexOf(surface);
      if (start < 0) throw new Error(`"${surface}" is not in "${text}"`);
      return { start, end: start + surface.length, surface, weight };
    }),
  };
}

export interface AnalysedSegment {
  key: string;
  text: string;
  matches?: TermMatch[];
  meaning?: MeaningFlag[];
  places?: { surface: string; place: Place }[];
}

/** A CallAnalysis whose counts and casualties follow from its matches, as the analyser makes them. */
export function callAnalysisOf(segments: readonly AnalysedSegment[], triage = 0): CallAnalysis {
  const counts: Partial<Record<Category, number>> = {};
  let killed: number | null = null;
  let wounded: number | null = null;
  for (const s of segments) {
    for (const m of s.matches ?? []) {
      if (m.confidence >= 0.5) counts[m.category] = (counts[m.category] ?? 0) + 1;
      if (m.count !== undefined && m.category === 'casualties_killed') killed = (killed ?? 0) + m.count;
      if (m.count !== undefined && m.category === 'casualties_wounded') wounded = (wounded ?? 0) + m.count;
    }
  }
  return {
    segments: segments.map((s) => ({
      key: s.key,
      language: { code: 'ru', lexiconCovers: true },
      matches: s.matches ?? [],
      meaning: s.meaning ?? [],
      entities: (s.places ?? []).map(({ surface, place }) => {
        const start = s.text.indexOf(surface);
        return {
          kind: 'place' as const,
          start,
          end: start + surface.length,
          surface,
          value: place.nameEn,
          confidence: 0.8,
          rule: 'place:preposition',
          place,
        };
      }),
    })),
    counts,
    casualties: { killed, wounded, missing: null },
    triage: { score: triage, reasons: triage > 0 ? [`scored ${triage} in a test`] : [] },
    lexiconVersion: 'lex-test',
    analyserVersion: 'test-1',
    classifierVersion: 'meaning-test',
  };
}

/** Stores an analysis run of a transcript, committed (the current analysis updates at commit). */
export async function storeAnalysis(
  db: Db,
  recordingId: string,
  transcriptId: string | null,
  analysis: CallAnalysis,
): Promise<string> {
  return db
    .transaction()
    .execute((trx) =>
      insertAnalysisRun(trx, { recordingId, transcriptId, translation: null, createdBy: 'test', analysis }),
    );
}
