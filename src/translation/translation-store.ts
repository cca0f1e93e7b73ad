import { insertInChunks } from '../db/chunked-insert.ts';
import type { Db } from '../db/database.ts';
import type { SegmentTranslationRow } from '../db/schema.ts';
import type { SegmentTranslation } from './translator.ts';

/** Rows of segment_translations: append-only machine translations of transcript segments. */

/** Segment ids of a transcript that already have a translation into the target language. */
export async function translatedSegmentIds(
  db: Db,
  transcriptId: string,
  targetLanguage: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('segment_translations')
    .select('transcript_segment_id')
    .where('transcript_id', '=', transcriptId)
    .where('target_language', '=', targetLanguage)
    .execute();
  return new Set(rows.map((r) => String(r.transcript_segment_id)));
}

export async function insertSegmentTranslations(
  db: Db,
  transcriptId: string,
  translations: readonly SegmentTranslation<string>[],
): Promise<void> {
  const rows = translations.map((t) => ({
    transcript_segment_id: t.id,
    transcript_id: transcriptId,
    target_language: t.targetLanguage,
    text: t.text,
    status: t.status,
    engine: t.engine,
    model: t.model,
    model_sha256: t.modelSha256,
  }));
  await insertInChunks(db, 'segment_translations', rows);
}

export type TranslationWithStaleness = SegmentTranslationRow & {
  transcript_version: number;
  /** The translated segment belongs to an older transcript version than the recording's latest. */
  stale: boolean;
};

/**
 * For every translated segment of the recording (any transcript version), its newest translation
 * into the target language, marked stale when its transcript is no longer the latest version:
 * transcript versions never change, so a changed source segment always means a newer version.
 */
export async function latestTranslations(
  db: Db,
  recordingId: string,
  targetLanguage = 'en',
): Promise<TranslationWithStaleness[]> {
  const latest = await db
    .selectFrom('transcripts')
    .select('version')
    .where('recording_id', '=', recordingId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const rows = await db
    .selectFrom('segment_translations as t')
    .innerJoin('transcripts as v', 'v.id', 't.transcript_id')
    .innerJoin('transcript_segments as s', 's.id', 't.transcript_segment_id')
    .distinctOn(['t.transcript_segment_id'])
    .selectAll('t')
    .select(['v.version as transcript_version', 's.position as position'])
    .where('v.recording_id', '=', recordingId)
    .where('t.target_language', '=', targetLanguage)
    .orderBy('t.transcript_segment_id')
    .orderBy('t.id', 'desc')
    .execute();
  return rows
    .sort((a, b) => a.transcript_version - b.transcript_version || a.position - b.position)
    .map(({ position: _position, ...row }) => ({
      ...row,
      stale: row.transcript_version !== latest?.version,
    }));
}
