import { sql } from 'kysely';
import { insertInChunks } from '../db/chunked-insert.ts';
import type { Db } from '../db/database.ts';
import type { JsonObject, Transcript, TranscriptSegment } from '../db/schema.ts';
import type { SegmentDraft } from './channel-transcription.ts';
import type { SpeechRegion } from './voice-activity.ts';

/** Rows of the speech tables: VAD runs with their regions, write-once transcript versions. */

export interface VadRunInput {
  recordingId: string;
  model: string;
  modelFiles: Record<string, string>;
  params: JsonObject;
  /** Working-copy SHA-256 per channel. */
  inputs: Record<string, string>;
  regions: { channel: number; regions: SpeechRegion[] }[];
}

export async function insertVadRun(db: Db, run: VadRunInput): Promise<string> {
  const row = await db
    .insertInto('vad_runs')
    .values({
      recording_id: run.recordingId,
      model: run.model,
      model_files: JSON.stringify(run.modelFiles),
      params: JSON.stringify(run.params),
      inputs: JSON.stringify(run.inputs),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const values = run.regions.flatMap(({ channel, regions }) =>
    regions.map((r) => ({
      vad_run_id: row.id,
      recording_id: run.recordingId,
      channel,
      start_seconds: r.start,
      end_seconds: r.end,
    })),
  );
  await insertInChunks(db, 'speech_regions', values);
  return row.id;
}

export interface LatestVadRun {
  id: string;
  model: string;
  modelFiles: Record<string, string>;
  params: JsonObject;
  inputs: Record<string, string>;
  regionsByChannel: Map<number, SpeechRegion[]>;
}

export async function latestVadRun(db: Db, recordingId: string): Promise<LatestVadRun | undefined> {
  const run = await db
    .selectFrom('vad_runs')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!run) return undefined;
  const rows = await db
    .selectFrom('speech_regions')
    .select(['channel', 'start_seconds', 'end_seconds'])
    .where('vad_run_id', '=', run.id)
    .orderBy('channel')
    .orderBy('start_seconds')
    .execute();
  const regionsByChannel = new Map<number, SpeechRegion[]>();
  for (const r of rows) {
    const list = regionsByChannel.get(r.channel) ?? [];
    list.push({ start: r.start_seconds, end: r.end_seconds });
    regionsByChannel.set(r.channel, list);
  }
  return {
    id: run.id,
    model: run.model,
    modelFiles: run.model_files,
    params: run.params,
    inputs: run.inputs as Record<string, string>,
    regionsByChannel,
  };
}

export interface MachineTranscriptInput {
  recordingId: string;
  createdBy: string;
  model: string;
  modelFiles: Record<string, string>;
  decoding: JsonObject;
  vadRunId: string;
  language: string;
  segments: SegmentDraft[];
}

/**
 * Adds a machine transcript as the recording's next version. Earlier versions stay as they are
 * (the tables reject updates); two writers racing for the same number collide on the unique key
 * and the loser's job is retried.
 */
export async function insertMachineTranscript(
  db: Db,
  input: MachineTranscriptInput,
): Promise<{ id: string; version: number }> {
  const next = await db
    .selectFrom('transcripts')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('version'))
    .where('recording_id', '=', input.recordingId)
    .executeTakeFirstOrThrow();
  const transcript = await db
    .insertInto('transcripts')
    .values({
      recording_id: input.recordingId,
      version: next.version,
      kind: 'machine',
      based_on_id: null,
      created_by: input.createdBy,
      model: input.model,
      model_files: JSON.stringify(input.modelFiles),
      decoding: JSON.stringify(input.decoding),
      vad_run_id: input.vadRunId,
      language: input.language,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const rows = input.segments.map((s, position) => ({
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
  }));
  await insertInChunks(db, 'transcript_segments', rows);
  return transcript;
}

/** A transcript version with its segments in spoken order; the latest version when none is given. */
export async function readTranscript(
  db: Db,
  recordingId: string,
  version?: number,
): Promise<{ transcript: Transcript; segments: TranscriptSegment[] } | undefined> {
  let query = db.selectFrom('transcripts').selectAll().where('recording_id', '=', recordingId);
  query =
    version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  const transcript = await query.executeTakeFirst();
  if (!transcript) return undefined;
  const segments = await db
    .selectFrom('transcript_segments')
    .selectAll()
    .where('transcript_id', '=', transcript.id)
    .orderBy('position')
    .execute();
  return { transcript, segments };
}
