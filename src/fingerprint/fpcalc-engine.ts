import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { EnvironmentError } from '../runtime/environment-error.ts';

// Chromaprint through Debian's `fpcalc` (package libchromaprint-tools): the reference C
// implementation, the same one AcoustID uses. The npm ports are unmaintained re-implementations
// and the npm ffmpeg build has no chromaprint muxer, so the system binary is the engine. It is
// looked up once per process; an install without it still runs every other stage.

/** Seconds of audio per fingerprint item: Chromaprint's hop of 4096/3 samples at 11025 Hz. */
export const ITEM_SECONDS = 4096 / 3 / 11025;

/** The fix, in one sentence, for a machine without fpcalc. */
export const FPCALC_FIX =
  'fpcalc (Chromaprint) is not installed: run `apt install libchromaprint-tools`, or set EARSHOT_FPCALC=/path/to/fpcalc';

/** fpcalc cannot be found or run: the fingerprint stage waits for it, nothing else does. */
export class FpcalcMissingError extends EnvironmentError {
  constructor(detail?: string) {
    super(detail ? `${FPCALC_FIX} (${detail})` : FPCALC_FIX);
  }
}

/** fpcalc ran but could not fingerprint this audio. */
export class FingerprintError extends Error {}

export interface RawFingerprint {
  /** Chromaprint's raw 32-bit items (unsigned), one per ITEM_SECONDS. */
  items: Uint32Array;
  durationSeconds: number;
}

interface Located {
  path: string;
  version: string;
}

let located: Located | undefined;

/** Where fpcalc is: EARSHOT_FPCALC, else the first `fpcalc` on PATH. Undefined when neither works. */
function findFpcalc(): string | undefined {
  const configured = process.env.EARSHOT_FPCALC;
  if (configured) return configured;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'fpcalc');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The binary and its version, found on first use; FpcalcMissingError with the fix when absent. */
export function locateFpcalc(): Located {
  if (located) return located;
  const binary = findFpcalc();
  if (binary === undefined) throw new FpcalcMissingError();
  let out: string;
  try {
    out = execFileSync(binary, ['-version'], { encoding: 'utf8', timeout: 10_000 });
  } catch (error) {
    throw new FpcalcMissingError(`${binary} does not run: ${(error as Error).message.split('\n')[0]}`);
  }
  const version = /fpcalc version (\S+)/.exec(out)?.[1];
  if (!version) throw new FpcalcMissingError(`${binary} -version printed no version`);
  located = { path: binary, version };
  return located;
}

/** Whether fpcalc can be used now (looks again each time, so an install is noticed). */
export function fpcalcAvailable(): boolean {
  if (located) return true;
  try {
    locateFpcalc();
    return true;
  } catch {
    return false;
  }
}

/** For custody events: the Chromaprint version that made a fingerprint. */
export function fpcalcVersions(): Record<string, string> {
  return { fpcalc: locateFpcalc().version };
}

/** Whole input, raw unsigned items, JSON: the flags of fpcalc 1.5.1. */
const RAW_ARGS = ['-raw', '-length', '0', '-json'];

/** The raw fingerprint of a WAV (or any file fpcalc's FFmpeg reads). */
export async function fingerprintFile(file: string): Promise<RawFingerprint> {
  return parseFpcalcJson(await runFpcalc([...RAW_ARGS, file]));
}

/**
 * The raw fingerprint of mono float samples (e.g. a mix of channels), fed to fpcalc as 16-bit PCM
 * on stdin so no temporary file is written. The duration comes from the sample count (fpcalc
 * cannot know it for a stream).
 */
export async function fingerprintSamples(samples: Float32Array, sampleRate: number): Promise<RawFingerprint> {
  const pcm = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    pcm.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(samples[i]! * 32768))), 2 * i);
  }
  const args = ['-format', 's16le', '-rate', String(sampleRate), '-channels', '1', ...RAW_ARGS, '-'];
  const parsed = parseFpcalcJson(await runFpcalc(args, pcm));
  return { items: parsed.items, durationSeconds: samples.length / sampleRate };
}

/**
 * Runs fpcalc and returns its JSON. With `-length 0` fpcalc 1.5.1 reads to the end of the input
 * and then reports the end as a decoding error (exit status 3), so the printed JSON is what
 * counts, not the exit status.
 */
function runFpcalc(args: string[], stdin?: Buffer): Promise<string> {
  const { path: binary } = locateFpcalc();
  return new Promise<string>((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new FpcalcMissingError(error.message)));
    child.on('close', (code) => {
      const text = Buffer.concat(out).toString('utf8');
      const errors = Buffer.concat(err).toString();
      if (text.trim().startsWith('{')) resolve(text);
      // Audio too short or without features (a steady tone): nothing to match, not a failure.
      else if (errors.includes('Empty fingerprint')) resolve('{"fingerprint": []}');
      else
        reject(
          new FingerprintError(`fpcalc failed (exit ${code}): ${firstLine(Buffer.concat(err).toString())}`),
        );
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

function parseFpcalcJson(stdout: string): RawFingerprint {
  let parsed: { duration?: unknown; fingerprint?: unknown };
  try {
    parsed = JSON.parse(stdout) as typeof parsed;
  } catch {
    throw new FingerprintError(`fpcalc printed no JSON: ${firstLine(stdout)}`);
  }
  if (!Array.isArray(parsed.fingerprint) || !parsed.fingerprint.every((v) => Number.isInteger(v))) {
    throw new FingerprintError('fpcalc printed no raw fingerprint');
  }
  return {
    items: Uint32Array.from(parsed.fingerprint as number[]),
    durationSeconds: typeof parsed.duration === 'number' ? parsed.duration : 0,
  };
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] || 'no output';
}
