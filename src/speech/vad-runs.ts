import { insertInChunks } from '../db/chunked-insert.ts';
import type { Db } from '../db/database.ts';
import type { JsonObject } from '../db/schema.ts';
import type { SpeechRegion } from './voice-activity.ts';

/** Rows of the VAD tables: write-once VAD runs with their speech regions. Transcripts: src/transcripts/transcript-store.ts. */

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
