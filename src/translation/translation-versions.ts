import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { SegmentTranslationKind, SegmentTranslationStatus } from '../db/schema.ts';
import { diffWords, type WordDiffPart } from '../transcripts/word-diff.ts';
import { segmentTranslations } from '../transcripts/transcript-store.ts';

/**
 * The versions of one segment's English, oldest first: every translation of the segment and of
 * the segments it was corrected from (a corrected Russian segment inherits the English history
 * of the one it replaced), machine and human, each with a word diff against the one before.
 */

export interface TranslationVersion {
  translationId: string;
  /** 1 for the first translation of the segment's line; each translation adds one. */
  version: number;
  kind: SegmentTranslationKind;
  status: SegmentTranslationStatus;
  text: string | null;
  engine: string;
  model: string | null;
  createdBy: string | null;
  createdAt: Date;
  /** The segment (of this or an earlier transcript version) the English was written for. */
  segmentId: string;
  basedOnTranslationId: string | null;
  /** The English the segment shows now. */
  current: boolean;
  /** Word diff against the previous version (all inserted for the first). */
  diff: WordDiffPart[];
}

export interface SegmentTranslationHistory {
  versions: TranslationVersion[];
  currentTranslationId: string | null;
  /**
   * A machine translation newer than the person's current English: the translate stage ran again
   * after the correction. It is kept, not shown as current; a person can adopt it by saving it.
   */
  newerMachineTranslationId: string | null;
}

export async function segmentTranslationHistory(
  db: Db,
  transcriptId: string,
  segmentId: string,
  targetLanguage = 'en',
): Promise<SegmentTranslationHistory> {
  const rows = await sql<{
    id: string;
    kind: SegmentTranslationKind;
    status: SegmentTranslationStatus;
    text: string | null;
    engine: string;
    model: string | null;
    created_by: string | null;
    created_at: Date;
    transcript_segment_id: string;
    based_on_id: string | null;
  }>`
    WITH RECURSIVE chain AS (
      SELECT s.id, s.source_segment_id, 0 AS depth FROM transcript_segments s WHERE s.id = ${segmentId}
      UNION ALL
      SELECT a.id, a.source_segment_id, c.depth + 1
      FROM chain c JOIN transcript_segments a ON a.id = c.source_segment_id
      WHERE c.depth < 100
    )
    SELECT t.id, t.kind, t.status, t.text, t.engine, t.model, t.created_by, t.created_at,
      t.transcript_segment_id, t.based_on_id
    FROM segment_translations t JOIN chain c ON c.id = t.transcript_segment_id
    WHERE t.target_language = ${targetLanguage}
    ORDER BY t.id
  `.execute(db);
  const current = (await segmentTranslations(db, transcriptId, targetLanguage)).get(segmentId);
  const currentId = current?.translationId ?? null;
  let previous = '';
  const versions = rows.rows.map((r, index): TranslationVersion => {
    const text = r.text ?? '';
    const diff = diffWords(previous, text);
    previous = text;
    return {
      translationId: String(r.id),
      version: index + 1,
      kind: r.kind,
      status: r.status,
      text: r.text,
      engine: r.engine,
      model: r.model,
      createdBy: r.created_by,
      createdAt: r.created_at,
      segmentId: String(r.transcript_segment_id),
      basedOnTranslationId: r.based_on_id === null ? null : String(r.based_on_id),
      current: String(r.id) === currentId,
      diff,
    };
  });
  const newer =
    current?.kind === 'human'
      ? versions.filter((v) => v.kind === 'machine' && BigInt(v.translationId) > BigInt(currentId!)).at(-1)
      : undefined;
  return {
    versions,
    currentTranslationId: currentId,
    newerMachineTranslationId: newer?.translationId ?? null,
  };
}
