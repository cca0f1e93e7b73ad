import type { Db } from '../../db/database.ts';
import type { TranscriptWord } from '../../db/schema.ts';

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

export async function insertMachineTranscriptFixture(
  db: Db,
  recordingId: string,
  segments: readonly FixtureSegment[],
): Promise<{ transcriptId: string; version: number; segmentIds: string[] }> {
  const previous = await db
    .selectFrom('transcripts')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('recording_id', '=', recordingId)
    .executeTakeFirst();
  const transcript = await db
    .insertInto('transcripts')
    .values({
      recording_id: recordingId,
      version: (previous?.v ?? 0) + 1,
      kind: 'machine',
      created_by: 'worker-test',
      model: 'test-asr-ru',
      model_files: JSON.stringify({ 'model.onnx': 'ab'.repeat(32) }),
      decoding: JSON.stringify({ method: 'greedy' }),
      language: 'ru',
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const rows = await db
    .insertInto('transcript_segments')
    .values(
      segments.map((s, position) => ({
        transcript_id: transcript.id,
        position,
        channel: s.channel ?? 0,
        lane: s.lane ?? `channel-${s.channel ?? 0}`,
        speaker: null,
        start_seconds: s.start,
        end_seconds: s.end,
        text: s.text,
        language: 'ru',
        confidence: 0.8,
        words: JSON.stringify(s.words ?? evenWords(s.text, s.start, s.end)),
      })),
    )
    .returning('id')
    .execute();
  const segmentIds = rows.map((r) => String(r.id));
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
