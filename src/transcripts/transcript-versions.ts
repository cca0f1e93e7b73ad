import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { SegmentTranslationStatus, Transcript, TranscriptSegment } from '../db/schema.ts';

/** Reads of versioned transcripts for the desk: versions, one version's segments, translations. */

export type TranscriptVersion = Transcript & { based_on_version: number | null };

/** Every transcript version of a recording, oldest first, with the version each was based on. */
export async function listTranscriptVersions(db: Db, recordingId: string): Promise<TranscriptVersion[]> {
  return db
    .selectFrom('transcripts as t')
    .leftJoin('transcripts as b', 'b.id', 't.based_on_id')
    .selectAll('t')
    .select('b.version as based_on_version')
    .where('t.recording_id', '=', recordingId)
    .orderBy('t.version')
    .execute();
}

export interface TranscriptVersionRead {
  transcript: TranscriptVersion;
  latestVersion: number;
  segments: TranscriptSegment[];
}

/** One version (the latest when none is given) with its segments in spoken order. */
export async function readTranscriptVersion(
  db: Db,
  recordingId: string,
  version?: number,
): Promise<TranscriptVersionRead | undefined> {
  const versions = await listTranscriptVersions(db, recordingId);
  const latest = versions.at(-1);
  const transcript = version === undefined ? latest : versions.find((v) => v.version === version);
  if (!transcript || !latest) return undefined;
  const segments = await db
    .selectFrom('transcript_segments')
    .select([
      'id',
      'transcript_id',
      'position',
      'channel',
      'lane',
      'speaker',
      'start_seconds',
      'end_seconds',
      'text',
      'language',
      'confidence',
      'words',
      'source_segment_id',
    ])
    .where('transcript_id', '=', transcript.id)
    .orderBy('position')
    .execute();
  return { transcript, latestVersion: latest.version, segments };
}

export interface SegmentTranslationView {
  segmentId: string;
  text: string | null;
  status: SegmentTranslationStatus;
  engine: string;
  model: string | null;
  /** The segment the translation was made for: this one, or the one it was corrected from. */
  translatedSegmentId: string;
  /**
   * The English no longer translates this segment's text. A segment's own translation is never
   * stale. A corrected segment that has none yet shows the translation of the segment it was
   * edited from (following source_segment_id back through the versions); that translation was
   * made for an older version, and it is stale exactly when the text differs from the text it
   * translated. A change of lane, speaker or boundaries alone leaves the English valid.
   */
  stale: boolean;
}

/** For each segment of a transcript version, the newest translation that applies to it. */
export async function segmentTranslations(
  db: Db,
  transcriptId: string,
  targetLanguage = 'en',
): Promise<Map<string, SegmentTranslationView>> {
  const rows = await sql<{
    segment_id: string;
    translated_segment_id: string;
    text_differs: boolean;
    text: string | null;
    status: SegmentTranslationStatus;
    engine: string;
    model: string | null;
  }>`
    WITH RECURSIVE chain AS (
      SELECT s.id AS segment_id, s.id AS ancestor_id, s.source_segment_id, s.text AS own_text,
        s.text AS ancestor_text, 0 AS depth
      FROM transcript_segments s WHERE s.transcript_id = ${transcriptId}
      UNION ALL
      SELECT c.segment_id, a.id, a.source_segment_id, c.own_text, a.text, c.depth + 1
      FROM chain c JOIN transcript_segments a ON a.id = c.source_segment_id
      WHERE c.depth < 100
    )
    SELECT DISTINCT ON (c.segment_id) c.segment_id, c.ancestor_id AS translated_segment_id,
      c.ancestor_text <> c.own_text AS text_differs, t.text, t.status, t.engine, t.model
    FROM chain c
    JOIN latest_segment_translations l
      ON l.transcript_segment_id = c.ancestor_id AND l.target_language = ${targetLanguage}
    JOIN segment_translations t ON t.id = l.translation_id
    ORDER BY c.segment_id, c.depth
  `.execute(db);
  return new Map(
    rows.rows.map((r) => [
      String(r.segment_id),
      {
        segmentId: String(r.segment_id),
        text: r.text,
        status: r.status,
        engine: r.engine,
        model: r.model,
        translatedSegmentId: String(r.translated_segment_id),
        stale: r.text_differs,
      },
    ]),
  );
}

/**
 * For each segment of the newer transcript, the segment of the older one it was corrected from,
 * following source_segment_id back through any versions in between.
 */
export async function segmentOrigins(
  db: Db,
  newerTranscriptId: string,
  olderTranscriptId: string,
): Promise<Map<string, string>> {
  const rows = await sql<{ segment_id: string; origin_id: string }>`
    WITH RECURSIVE chain AS (
      SELECT s.id AS segment_id, s.source_segment_id AS ancestor_id, 0 AS depth
      FROM transcript_segments s
      WHERE s.transcript_id = ${newerTranscriptId} AND s.source_segment_id IS NOT NULL
      UNION ALL
      SELECT c.segment_id, a.source_segment_id, c.depth + 1
      FROM chain c JOIN transcript_segments a ON a.id = c.ancestor_id
      WHERE a.transcript_id <> ${olderTranscriptId} AND a.source_segment_id IS NOT NULL AND c.depth < 100
    )
    SELECT c.segment_id, c.ancestor_id AS origin_id
    FROM chain c JOIN transcript_segments o ON o.id = c.ancestor_id
    WHERE o.transcript_id = ${olderTranscriptId}
  `.execute(db);
  return new Map(rows.rows.map((r) => [String(r.segment_id), String(r.origin_id)]));
}
