import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.ts';
import { sha256Bytes } from '../runtime/file-hash.ts';
import { parseMonoPcm16Wav } from './wav-samples.ts';

export interface ChannelSamples {
  channel: number;
  sha256: string;
  sampleRate: number;
  samples: Float32Array;
}

/** The working copies are missing, damaged or were never made: the speech stages cannot start. */
export class WorkingAudioError extends Error {}

/**
 * Reads a recording's working copies (one 16 kHz mono WAV per channel, made by decode), checking
 * each against the SHA-256 recorded when it was made.
 */
export async function loadWorkingAudio(
  db: Db,
  derivedDir: string,
  recordingId: string,
  kind: string,
): Promise<ChannelSamples[]> {
  const rows = await db
    .selectFrom('derived_files')
    .select(['channel', 'path', 'sha256'])
    .where('recording_id', '=', recordingId)
    .where('kind', '=', kind)
    .orderBy('channel')
    .execute();
  if (rows.length === 0)
    throw new WorkingAudioError(`recording ${recordingId} has no working copies; decode it first`);
  return rows.map((row) => {
    const file = path.resolve(derivedDir, row.path);
    if (!file.startsWith(derivedDir + path.sep)) {
      throw new WorkingAudioError(`working copy path ${row.path} leads outside the derived-files directory`);
    }
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new WorkingAudioError(`working copy ${row.path} is missing; redo decode`);
    }
    if (sha256Bytes(bytes) !== row.sha256.trim()) {
      throw new WorkingAudioError(
        `working copy ${row.path} does not match its recorded SHA-256; redo decode`,
      );
    }
    const { sampleRate, samples } = parseMonoPcm16Wav(bytes, row.path);
    return { channel: row.channel, sha256: row.sha256.trim(), sampleRate, samples };
  });
}
