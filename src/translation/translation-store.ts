import { insertInChunks } from '../db/chunked-insert.ts';
import type { Db } from '../db/database.ts';
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
