import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MediaDecodeError } from './transcode.ts';
import {
  computeWaveformPeaks,
  MAX_PEAKS,
  TARGET_PEAKS_PER_SECOND,
  type WaveformPeaks,
} from './waveform-peaks.ts';

/** Bumped whenever the reduction changes, so caches written by older code are recomputed. */
export const PEAKS_FORMAT = 1;

export interface PeaksSource {
  /** The audio file (a working copy in the derived store); only read. */
  audioPath: string;
  /** Its SHA-256 as recorded when it was made: the cache key, together with its size on disk. */
  sha256: string;
  /** What the file is, for people (e.g. "working copy of channel 0"): errors name it. */
  description: string;
}

export interface PeaksResult {
  peaks: WaveformPeaks;
  /** Whether the peaks were read from the cache file rather than computed now. */
  fromCache: boolean;
  /** Why the computed peaks could not be cached (the answer is still good); null when they were. */
  cacheError: string | null;
}

/** The audio file is not on disk, though the database lists it. */
export class PeaksSourceMissingError extends Error {
  constructor(readonly source: PeaksSource) {
    super(`${source.audioPath} is missing`);
  }
}

/** ffmpeg could not decode the audio file; nothing was cached. */
export class PeaksSourceUndecodable extends Error {
  constructor(
    readonly source: PeaksSource,
    cause: MediaDecodeError,
  ) {
    super(cause.message, { cause });
  }
}

const cacheFileSchema = z.object({
  format: z.literal(PEAKS_FORMAT),
  source: z.object({ sha256: z.string(), sizeBytes: z.number() }),
  resolution: z.object({ targetPeaksPerSecond: z.number(), maxPeaks: z.number() }),
  peaks: z.object({
    sampleRate: z.number().positive(),
    samplesPerPeak: z.number().int().positive(),
    durationSeconds: z.number().positive(),
    min: z.array(z.number()),
    max: z.array(z.number()),
  }),
});
type CacheFile = z.infer<typeof cacheFileSchema>;

/** The cache sits beside the audio it describes, so it goes wherever the derived store goes. */
export function peaksCachePath(audioPath: string): string {
  return `${audioPath}.peaks.json`;
}

// Two desk lanes opening the same call at once share one ffmpeg run instead of racing two.
const inFlight = new Map<string, Promise<PeaksResult>>();

/**
 * The waveform peaks of an audio file, from its cache file when that was made from the same bytes
 * (same SHA-256 and size) by the same reduction; otherwise computed with ffmpeg and cached, written
 * to a temporary name and renamed so a reader never sees half a file.
 */
export function loadOrComputePeaks(source: PeaksSource): Promise<PeaksResult> {
  const key = `${source.audioPath}\0${source.sha256}`;
  const running = inFlight.get(key);
  if (running) return running;
  const work = loadOrCompute(source).finally(() => inFlight.delete(key));
  inFlight.set(key, work);
  return work;
}

async function loadOrCompute(source: PeaksSource): Promise<PeaksResult> {
  let sizeBytes: number;
  try {
    const stat = await fs.promises.stat(source.audioPath);
    if (!stat.isFile()) throw new Error('not a regular file');
    sizeBytes = stat.size;
  } catch {
    throw new PeaksSourceMissingError(source);
  }
  const cachePath = peaksCachePath(source.audioPath);
  const cached = await readCache(cachePath);
  if (
    cached &&
    cached.source.sha256 === source.sha256 &&
    cached.source.sizeBytes === sizeBytes &&
    cached.resolution.targetPeaksPerSecond === TARGET_PEAKS_PER_SECOND &&
    cached.resolution.maxPeaks === MAX_PEAKS
  ) {
    return { peaks: cached.peaks, fromCache: true, cacheError: null };
  }

  let peaks: WaveformPeaks;
  try {
    peaks = await computeWaveformPeaks(source.audioPath);
  } catch (error) {
    if (error instanceof MediaDecodeError) throw new PeaksSourceUndecodable(source, error);
    throw error;
  }
  const file: CacheFile = {
    format: PEAKS_FORMAT,
    source: { sha256: source.sha256, sizeBytes },
    resolution: { targetPeaksPerSecond: TARGET_PEAKS_PER_SECOND, maxPeaks: MAX_PEAKS },
    peaks,
  };
  try {
    await writeAtomically(cachePath, JSON.stringify(file));
    return { peaks, fromCache: false, cacheError: null };
  } catch (error) {
    return { peaks, fromCache: false, cacheError: error instanceof Error ? error.message : String(error) };
  }
}

/** A missing, unreadable or foreign cache file is no cache: the peaks are computed again. */
async function readCache(cachePath: string): Promise<CacheFile | null> {
  let text: string;
  try {
    text = await fs.promises.readFile(cachePath, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = cacheFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function writeAtomically(target: string, content: string): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await fs.promises.writeFile(temporary, content, { flag: 'wx' });
    await fs.promises.rename(temporary, target);
  } finally {
    await fs.promises.rm(temporary, { force: true });
  }
}
