import type { Db } from '../../db/database.ts';
import type { TranscriptWord } from '../../db/schema.ts';
import {
  appendTranscriptVersion,
  transcriptSegments,
  type NewTranscriptVersion,
} from '../transcript-store.ts';

/**
 * Transcript rows for tests, written as the transcribe and translate stages write them (machine
 * version, segments with words, per-segment translations), without running the models.
 */
export interface FixtureSegment {
  channel?: number;
  lane?: string;
  start: number;
  end: number;
  text: string;
  words?: TranscriptWord[];
  /** English translation; omitted: the segment has none. */
  english?: string;
}

/** Words spread evenly over the segment, as a recogniser would time them. */
export function evenWords(text: string, start: number, end: number): TranscriptWord[] {
  const words = text.split(/\s+/u).filter((w) => w !== '');
  const step = (end - start) / Math.max(1, words.length);
  return words.map((w, i) => ({ w, start: start + i * step, end: start + (i + 1) * step, conf: 0.9 }));
}

/** The header of a machine version as the test recogniser would write it. */
export function machineVersionFixture(recordingId: string): NewTranscriptVersion {
  return {
    recordingId,
    kind: 'machine',
    basedOnId: null,
    createdBy: 'worker-test',
    model: 'test-asr-ru',
    modelFiles: { 'model.onnx': 'ab'.repeat(32) },
    decoding: { method: 'greedy' },
    vadRunId: null,
    language: 'ru',
  };
}

export async function insertMachineTranscriptFixture(
  db: Db,
  recordingId: string,
  segments: readonly FixtureSegment[],
): Promise<{ transcriptId: string; version: number; segmentIds: string[] }> {
  const transcript = await appendTranscriptVersion(
    db,
    machineVersionFixture(recordingId),
    segments.map((s) => ({
      channel: s.channel ?? 0,
      lane: s.lane ?? `channel-${s.channel ?? 0}`,
      speaker: null,
      start: s.start,
      end: s.end,
      text: s.text,
      language: 'ru',
      confidence: 0.8,
      words: s.words ?? evenWords(s.text, s.start, s.end),
    })),
  );
  const segmentIds = (await transcriptSegments(db, transcript.id)).map((r) => String(r.id));
  await insertTranslationsFixture(
    db,
    transcript.id,
    segments.flatMap((s, i) =>
      s.english === undefined ? [] : [{ segmentId: segmentIds[i]!, text: s.english }],
    ),
  );
  return { transcriptId: transcript.id, version: transcript.version, segmentIds };
}

export async function insertTranslationsFixture(
  db: Db,
  transcriptId: string,
  translations: readonly { segmentId: string; text: string }[],
): Promise<void> {
  if (translations.length === 0) return;
  await db
    .insertInto('segment_translations')
    .values(
      translations.map((t) => ({
        transcript_segment_id: t.segmentId,
        transcript_id: transcriptId,
        target_language: 'en',
        text: t.text,
        status: 'translated' as const,
        engine: 'transformers.js',
        model: 'test-marian-ru-en',
        model_sha256: 'cd'.repeat(32),
      })),
    )
    .execute();
}
