import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/db/database.ts';
import { ffmpegPath } from '../../src/media/ffmpeg-binaries.ts';

// Tiny recordings for pipeline tests: audio made with the bundled ffmpeg, stored like ingest
// stores originals (content-addressed, read-only) and inserted as recordings rows.

export type AudioKind = 'stereo' | 'mono' | 'corrupt';

/** A scratch data directory laid out like EARSHOT_DATA_DIR. */
export interface TestDataDir {
  dataDir: string;
  originalsDir: string;
  derivedDir: string;
  remove(): void;
}

export function createTestDataDir(label: string): TestDataDir {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `earshot-${label}-`));
  const originalsDir = path.join(dataDir, 'originals');
  const derivedDir = path.join(dataDir, 'derived');
  fs.mkdirSync(originalsDir, { recursive: true });
  return {
    dataDir,
    originalsDir,
    derivedDir,
    remove: () => {
      // Originals are read-only; make them writable again so the folder can go.
      for (const file of fs.readdirSync(originalsDir, { recursive: true, withFileTypes: true })) {
        fs.chmodSync(path.join(file.parentPath, file.name), 0o755);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes an audio file: 'stereo' = different tones left and right, 8 kHz; 'mono' = one tone;
 * 'corrupt' = a WAV header followed by garbage. seconds sets the length (default 2).
 */
export function makeAudioFile(file: string, kind: AudioKind, seconds = 2): void {
  if (kind === 'corrupt') {
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from('RIFF\xff\xff\xff\xffWAVEjunk', 'latin1'), randomBytes(4096)]),
    );
    return;
  }
  // A random seed per file so two files never share a SHA-256 (recordings.sha256 is unique).
  const seed = randomBytes(3).readUIntBE(0, 3);
  const source =
    kind === 'stereo'
      ? `sine=frequency=440:sample_rate=8000:duration=${seconds}[l];` +
        `anoisesrc=color=pink:amplitude=0.2:sample_rate=8000:seed=${seed}:duration=${seconds}[r];` +
        `[l][r]join=inputs=2:channel_layout=stereo`
      : `anoisesrc=color=pink:amplitude=0.2:sample_rate=8000:seed=${seed}:duration=${seconds}`;
  execFileSync(ffmpegPath(), ['-v', 'error', '-filter_complex', source, '-c:a', 'pcm_s16le', '-y', file]);
}

export interface StoredRecording {
  id: string;
  sha256: string;
  storePath: string;
  originalPath: string;
}

/** Copies the file into the originals store (read-only, named by SHA-256) and inserts its row. */
export async function insertRecording(
  db: Db,
  store: TestDataDir,
  sourceFile: string,
  options: { collection?: string; channels?: number } = {},
): Promise<StoredRecording> {
  const bytes = fs.readFileSync(sourceFile);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const storePath = path.join(sha256.slice(0, 2), sha256);
  const originalPath = path.join(store.originalsDir, storePath);
  fs.mkdirSync(path.dirname(originalPath), { recursive: true });
  fs.writeFileSync(originalPath, bytes, { mode: 0o444 });

  const collectionName = options.collection ?? 'test';
  await db
    .insertInto('collections')
    .values({ name: collectionName })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const collection = await db
    .selectFrom('collections')
    .select('id')
    .where('name', '=', collectionName)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('recordings')
    .values({
      sha256,
      size_bytes: bytes.length,
      collection_id: collection.id,
      original_filename: path.basename(sourceFile),
      store_path: storePath,
      channels: options.channels ?? null,
      metadata_extra: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, sha256, storePath, originalPath };
}

/** makeAudioFile + insertRecording in one step, using a scratch file. */
export async function addRecording(
  db: Db,
  store: TestDataDir,
  kind: AudioKind,
  options: { seconds?: number; name?: string } = {},
): Promise<StoredRecording> {
  const scratch = path.join(store.dataDir, 'scratch');
  fs.mkdirSync(scratch, { recursive: true });
  const file = path.join(scratch, options.name ?? `${kind}-${randomBytes(4).toString('hex')}.wav`);
  makeAudioFile(file, kind, options.seconds);
  try {
    return await insertRecording(db, store, file, {
      channels: kind === 'stereo' ? 2 : kind === 'mono' ? 1 : undefined,
    });
  } finally {
    fs.rmSync(file, { force: true });
  }
}
