import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type EarshotConfig } from '../../src/config/config.ts';
import type { Db } from '../../src/db/database.ts';
import type { CustodyAction, NewRecording, StageStatus } from '../../src/db/schema.ts';

/**
 * Rows and files for API tests, inserted directly (the API reads what ingest and the pipeline
 * write; these helpers write the same shapes without running them).
 */
export interface ApiFixture {
  config: EarshotConfig;
  db: Db;
  cleanup(): void;
}

/** `env` adds settings, e.g. speechTestEnv() where a route runs a recogniser (the excerpt leak check). */
export function createApiFixture(db: Db, env: Record<string, string> = {}): ApiFixture {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-api-'));
  const config = loadConfig({ ...env, EARSHOT_DATA_DIR: dataDir, EARSHOT_LOG_LEVEL: 'silent' });
  fs.mkdirSync(config.originalsDir, { recursive: true });
  fs.mkdirSync(config.derivedDir, { recursive: true });
  return { config, db, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export async function insertCollection(
  db: Db,
  name: string,
  description: string | null = null,
): Promise<string> {
  const row = await db
    .insertInto('collections')
    .values({ name, description })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertBatch(db: Db, collectionId: string, actor = 'tester'): Promise<string> {
  const row = await db
    .insertInto('ingest_batches')
    .values({
      collection_id: collectionId,
      actor,
      status: 'finished',
      // pg would send a JS array as a Postgres array; jsonb needs the JSON text.
      inputs: JSON.stringify(['/evidence']),
      options: {},
      tool_versions: {},
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface RecordingSpec extends Partial<Omit<NewRecording, 'sha256' | 'size_bytes' | 'store_path'>> {
  collection_id: string;
  /** Bytes of the original; written to the originals store under its hash. Random when absent. */
  content?: Buffer;
  /** Skip writing the file (for "missing from the store" cases). */
  writeFile?: boolean;
}

export async function insertRecording(
  fixture: ApiFixture,
  spec: RecordingSpec,
): Promise<{ id: string; sha256: string; content: Buffer }> {
  const { content = randomBytes(64), writeFile = true, ...columns } = spec;
  const sha256 = sha256Of(content);
  const storePath = path.join(sha256.slice(0, 2), sha256);
  if (writeFile) {
    const absolute = path.join(fixture.config.originalsDir, storePath);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, content);
  }
  const row = await fixture.db
    .insertInto('recordings')
    .values({
      original_filename: `${sha256.slice(0, 8)}.wav`,
      container: 'wav',
      codec: 'pcm_s16le',
      sample_rate: 8000,
      channels: 2,
      duration_seconds: 1.5,
      metadata_extra: {},
      ...columns,
      sha256,
      size_bytes: content.length,
      store_path: storePath,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, sha256, content };
}

export async function insertSource(
  db: Db,
  values: {
    recordingId: string;
    batchId: string;
    collectionId: string;
    sourcePath: string;
    sizeBytes: number;
  },
): Promise<void> {
  await db
    .insertInto('recording_sources')
    .values({
      recording_id: values.recordingId,
      batch_id: values.batchId,
      collection_id: values.collectionId,
      source_path: values.sourcePath,
      size_bytes: values.sizeBytes,
    })
    .execute();
}

export async function insertCustodyEvent(
  db: Db,
  values: { recordingId: string; batchId?: string; action: CustodyAction; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('custody_events')
    .values({
      recording_id: values.recordingId,
      batch_id: values.batchId ?? null,
      action: values.action,
      actor: 'tester',
      tool_versions: { earshot: 'test' },
      details: values.details ?? {},
    })
    .execute();
}

export async function insertStageRun(
  db: Db,
  values: { recordingId: string; stage: string; status: StageStatus; error?: string; attempts?: number },
): Promise<void> {
  await db
    .insertInto('stage_runs')
    .values({
      recording_id: values.recordingId,
      stage: values.stage,
      status: values.status,
      error: values.error ?? null,
      attempts: values.attempts ?? 1,
    })
    .execute();
}

/** A working copy: the file goes under config.derivedDir, the row into derived_files. */
export async function insertWorkingCopy(
  fixture: ApiFixture,
  values: { recordingId: string; channel: number; content: Buffer },
): Promise<{ sha256: string }> {
  const sha256 = sha256Of(values.content);
  const relative = path.join(values.recordingId, `channel-${values.channel}.wav`);
  const absolute = path.join(fixture.config.derivedDir, relative);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  fs.writeFileSync(absolute, values.content);
  await fixture.db
    .insertInto('derived_files')
    .values({
      recording_id: values.recordingId,
      stage: 'decode',
      kind: 'working_audio',
      channel: values.channel,
      path: relative,
      sha256,
      size_bytes: values.content.length,
      sample_rate: 16000,
      duration_seconds: 1.5,
      tool_versions: { ffmpeg: 'test' },
    })
    .execute();
  return { sha256 };
}
