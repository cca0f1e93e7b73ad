import { writeCustodyEvents } from '../custody/custody-log.ts';
import type { Db } from '../db/database.ts';
import { toolVersions } from '../runtime/tool-versions.ts';
import {
  lockCallTranscripts,
  readTranscriptVersion,
  segmentTranslations,
} from '../transcripts/transcript-store.ts';

/**
 * Human corrections of the English: a person's translation of one segment becomes a new row of
 * segment_translations (kind 'human', based on the translation they edited), with a custody
 * event, in one transaction. Nothing is changed in place: the machine English stays on record
 * and in the segment's versions. A human row stays the segment's current English when the
 * translate stage runs again (migration 0029); the machine's newer text is kept beside it.
 */

export interface TranslationCorrectionInput {
  recordingId: string;
  segmentId: string;
  /** The translation row the person edited (the segment's current English); null if it had none. */
  baseTranslationId: string | null;
  text: string;
  author: string;
  targetLanguage?: string;
}

export interface SavedTranslationCorrection {
  translationId: string;
  segmentId: string;
  transcriptId: string;
  basedOnTranslationId: string | null;
}

/** A correction of the English that cannot be stored as sent (400). */
export class TranslationCorrectionRejected extends Error {}

/** The English was changed since the person loaded it, or the segment was replaced (409). */
export class TranslationCorrectionConflict extends Error {}

/** The segment is not one of this recording's (404). */
export class SegmentNotInCall extends Error {}

const MAX_TEXT_LENGTH = 10_000;

export async function saveTranslationCorrection(
  db: Db,
  input: TranslationCorrectionInput,
): Promise<SavedTranslationCorrection> {
  const text = input.text.trim();
  if (text === '') throw new TranslationCorrectionRejected('text is empty: write the English translation');
  if (text.length > MAX_TEXT_LENGTH) {
    throw new TranslationCorrectionRejected(`text is longer than ${MAX_TEXT_LENGTH} characters`);
  }
  const targetLanguage = input.targetLanguage ?? 'en';
  return db.transaction().execute(async (trx) => {
    // The same lock as transcript corrections: the segment cannot be replaced while this is stored.
    const recording = await lockCallTranscripts(trx, input.recordingId);
    const latest = await readTranscriptVersion(trx, input.recordingId);
    const segment = latest?.segments.find((s) => String(s.id) === input.segmentId);
    if (!latest || !segment) await explainMissingSegment(trx, input);
    const transcriptId = latest!.transcript.id;
    const current = (await segmentTranslations(trx, transcriptId, targetLanguage)).get(input.segmentId);
    const currentId = current?.translationId ?? null;
    if (currentId !== input.baseTranslationId) {
      throw new TranslationCorrectionConflict(
        `the English of segment ${input.segmentId} changed since you loaded it (now translation ` +
          `${currentId ?? 'none'}, you edited ${input.baseTranslationId ?? 'none'}). Reload it and apply your edit again.`,
      );
    }
    // A stale translation was made for other Russian words: the same English is still a change.
    if (current && !current.stale && current.text === text) {
      throw new TranslationCorrectionRejected('nothing changed: the text is the same as the current English');
    }
    const row = await trx
      .insertInto('segment_translations')
      .values({
        transcript_segment_id: input.segmentId,
        transcript_id: transcriptId,
        target_language: targetLanguage,
        text,
        status: 'translated',
        engine: 'human',
        model: null,
        model_sha256: null,
        kind: 'human',
        created_by: input.author,
        based_on_id: currentId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const saved = {
      translationId: String(row.id),
      segmentId: input.segmentId,
      transcriptId,
      basedOnTranslationId: currentId,
    };
    await writeCustodyEvents(
      trx,
      {
        recordingId: input.recordingId,
        actor: input.author,
        sha256: recording.sha256,
        toolVersions: toolVersions(),
      },
      [
        {
          action: 'corrected',
          details: {
            stage: 'translation-correction',
            kind: 'human',
            targetLanguage,
            version: latest!.transcript.version,
            ...saved,
          },
        },
      ],
    );
    return saved;
  });
}

async function explainMissingSegment(db: Db, input: TranslationCorrectionInput): Promise<never> {
  const owner = await db
    .selectFrom('transcript_segments as s')
    .innerJoin('transcripts as t', 't.id', 's.transcript_id')
    .select(['t.recording_id', 't.version'])
    .where('s.id', '=', input.segmentId)
    .executeTakeFirst();
  if (!owner || owner.recording_id !== input.recordingId) {
    throw new SegmentNotInCall(
      `segment ${input.segmentId} is not a segment of recording ${input.recordingId}`,
    );
  }
  throw new TranslationCorrectionConflict(
    `segment ${input.segmentId} belongs to transcript version ${owner.version}, which is no longer ` +
      `the current one. Reload the call and correct the English of the current version.`,
  );
}
