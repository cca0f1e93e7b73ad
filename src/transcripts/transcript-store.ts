import { sql } from 'kysely';
import { insertInChunks } from '../db/chunked-insert.ts';
import type { Db } from '../db/database.ts';
import { RecordingNotFound } from '../recordings/recording-not-found.ts';
import type {
  JsonObject,
  SegmentTranslationKind,
  SegmentTranslationStatus,
  Transcript,
  TranscriptKind,
  TranscriptSegment,
  TranscriptWord,
} from '../db/schema.ts';

/**
 * The one owner of transcript versions: every read and write of `transcripts` and
 * `transcript_segments` for the stages and the desk goes through here, and so does the one
 * definition of a stale translation (segmentTranslations). Versions are write-once: a change is
 * always a new version, numbered after the recording's latest.
 */

export type TranscriptVersion = Transcript & { based_on_version: number | null; is_current: boolean };

/**
 * Every transcript version of a recording, oldest first, with the version each was based on and
 * which one is current. The current version is the one the desk shows and corrects, and the one
 * translate, analyse and search follow: the newest, except that a machine version made while a
 * person's version was current waits for a person's decision (src/transcripts/machine-offer.ts;
 * the database keeps the pointer, latest_transcripts, migrations 0006 and 0027).
 */
export async function listTranscriptVersions(db: Db, recordingId: string): Promise<TranscriptVersion[]> {
  const rows = await db
    .selectFrom('transcripts as t')
    .leftJoin('transcripts as b', 'b.id', 't.based_on_id')
    .leftJoin('latest_transcripts as c', 'c.transcript_id', 't.id')
    .selectAll('t')
    .select(['b.version as based_on_version', 'c.recording_id as current_of'])
    .where('t.recording_id', '=', recordingId)
    .orderBy('t.version')
    .execute();
  return rows.map(({ current_of, ...t }) => ({ ...t, is_current: current_of !== null }));
}

export interface TranscriptVersionRead {
  transcript: TranscriptVersion;
  latestVersion: number;
  currentVersion: number;
  segments: TranscriptSegment[];
}

/** One version (the current one when none is given) with its segments in spoken order. */
export async function readTranscriptVersion(
  db: Db,
  recordingId: string,
  version?: number,
): Promise<TranscriptVersionRead | undefined> {
  const versions = await listTranscriptVersions(db, recordingId);
  const latest = versions.at(-1);
  const current = versions.find((v) => v.is_current) ?? latest;
  const transcript = version === undefined ? current : versions.find((v) => v.version === version);
  if (!transcript || !latest || !current) return undefined;
  return {
    transcript,
    latestVersion: latest.version,
    currentVersion: current.version,
    segments: await transcriptSegments(db, transcript.id),
  };
}

/** The segments of one transcript version in spoken (stored) order. */
export async function transcriptSegments(db: Db, transcriptId: string): Promise<TranscriptSegment[]> {
  return db
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
    .where('transcript_id', '=', transcriptId)
    .orderBy('position')
    .execute();
}

/** The recording a segment (of any version) belongs to; undefined for an unknown segment. */
export async function recordingOfSegment(db: Db, segmentId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('transcript_segments as s')
    .innerJoin('transcripts as t', 't.id', 's.transcript_id')
    .select('t.recording_id')
    .where('s.id', '=', segmentId)
    .executeTakeFirst();
  return row?.recording_id;
}

export interface NewTranscriptVersion {
  recordingId: string;
  kind: TranscriptKind;
  /** The version a human correction was made on; null for a machine transcript. */
  basedOnId: string | null;
  createdBy: string;
  model: string | null;
  modelFiles: Record<string, string>;
  decoding: JsonObject;
  vadRunId: string | null;
  language: string | null;
  /**
   * The version the new one must directly follow (a correction checked it is the latest): if
   * another version took the next number meanwhile, the insert collides instead of skipping it.
   * Left out: the next free number.
   */
  follows?: number;
}

/** Where a segment lies and what it says, as every segment shape shares it. Times in seconds. */
export interface SegmentPlacement {
  channel: number;
  lane: string;
  speaker: string | null;
  start: number;
  end: number;
  text: string;
}

/** One segment of a new version, in the order it is to be stored. */
export interface NewTranscriptSegment extends SegmentPlacement {
  language: string | null;
  confidence: number | null;
  words: readonly TranscriptWord[];
  /** The segment of the base version this one was edited from (human corrections). */
  sourceSegmentId?: string | null;
}

/**
 * Adds a transcript as the recording's next version. Earlier versions stay as they are (the
 * tables reject updates); two writers racing for the same number collide on the unique key
 * (23505), and the caller decides: a stage's job is retried, a correction is refused with 409.
 */
export async function appendTranscriptVersion(
  db: Db,
  version: NewTranscriptVersion,
  segments: readonly NewTranscriptSegment[],
): Promise<{ id: string; version: number }> {
  const number =
    version.follows !== undefined ? version.follows + 1 : await nextVersionNumber(db, version.recordingId);
  const transcript = await db
    .insertInto('transcripts')
    .values({
      recording_id: version.recordingId,
      version: number,
      kind: version.kind,
      based_on_id: version.basedOnId,
      created_by: version.createdBy,
      model: version.model,
      model_files: JSON.stringify(version.modelFiles),
      decoding: JSON.stringify(version.decoding),
      vad_run_id: version.vadRunId,
      language: version.language,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const rows = segments.map((s, position) => ({
    transcript_id: transcript.id,
    position,
    channel: s.channel,
    lane: s.lane,
    speaker: s.speaker,
    start_seconds: s.start,
    end_seconds: s.end,
    text: s.text,
    language: s.language,
    confidence: s.confidence,
    words: JSON.stringify(s.words),
    source_segment_id: s.sourceSegmentId ?? null,
  }));
  await insertInChunks(db, 'transcript_segments', rows);
  return transcript;
}

async function nextVersionNumber(db: Db, recordingId: string): Promise<number> {
  const next = await db
    .selectFrom('transcripts')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('version'))
    .where('recording_id', '=', recordingId)
    .executeTakeFirstOrThrow();
  return next.version;
}

export interface SegmentTranslationView {
  segmentId: string;
  /** The segment_translations row shown: a correction of the English names it as its base. */
  translationId: string;
  /** machine: the translate stage; human: a person corrected the English (createdBy). */
  kind: SegmentTranslationKind;
  createdBy: string | null;
  text: string | null;
  status: SegmentTranslationStatus;
  engine: string;
  model: string | null;
  /** SHA-256 of the translation model's file, as the translate stage recorded it. */
  modelSha256: string | null;
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

/** What every writer of a call's transcripts needs to know of the call. */
export interface LockedRecording {
  channels: number | null;
  duration_seconds: number | null;
  sha256: string;
}

/**
 * Takes the one lock under which a call's transcript versions and their translations change
 * (a correction, a decision on a machine version, a person's English), for the transaction: the
 * second of two writers waits, then finds what the first one stored. Throws RecordingNotFound
 * (404) when there is no such call.
 */
export async function lockCallTranscripts(trx: Db, recordingId: string): Promise<LockedRecording> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('transcript-correction'), hashtext(${recordingId}))`.execute(
    trx,
  );
  const recording = await trx
    .selectFrom('recordings')
    .select(['channels', 'duration_seconds', 'sha256'])
    .where('id', '=', recordingId)
    .executeTakeFirst();
  if (!recording) throw new RecordingNotFound(recordingId);
  return recording;
}

/** A segment's translation as the Call page and an excerpt show it (without the ids it was found by). */
export type SegmentTranslation = Omit<SegmentTranslationView, 'segmentId' | 'translatedSegmentId'>;

export function segmentTranslationOf(view: SegmentTranslationView): SegmentTranslation {
  const { segmentId: _segment, translatedSegmentId: _translated, ...shown } = view;
  return shown;
}

/**
 * The one definition of a stale translation: the text it was made from is no longer the
 * segment's text. Lane, speaker or boundary changes leave a translation valid.
 */
export function translationIsStale(translatedSourceText: string, segmentText: string): boolean {
  return translatedSourceText !== segmentText;
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
    own_text: string;
    translated_source_text: string;
    text: string | null;
    status: SegmentTranslationStatus;
    engine: string;
    model: string | null;
    model_sha256: string | null;
    translation_id: string;
    kind: SegmentTranslationKind;
    created_by: string | null;
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
      c.own_text, c.ancestor_text AS translated_source_text, t.text, t.status, t.engine, t.model,
      t.model_sha256, t.id AS translation_id, t.kind, t.created_by
    FROM chain c
    JOIN latest_segment_translations l
      ON l.transcript_segment_id = c.ancestor_id AND l.target_language = ${targetLanguage}
    JOIN segment_translations t ON t.id = l.translation_id
    -- A person's English for this very text wins over a machine translation made later for a
    -- copy of the segment (a correction elsewhere in the call gives every segment a new id).
    ORDER BY c.segment_id, (t.kind = 'human' AND c.ancestor_text = c.own_text) DESC, c.depth
  `.execute(db);
  return new Map(
    rows.rows.map((r) => [
      String(r.segment_id),
      {
        segmentId: String(r.segment_id),
        translationId: String(r.translation_id),
        kind: r.kind,
        createdBy: r.created_by,
        text: r.text,
        status: r.status,
        engine: r.engine,
        model: r.model,
        modelSha256: r.model_sha256,
        translatedSegmentId: String(r.translated_segment_id),
        stale: translationIsStale(r.translated_source_text, r.own_text),
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
