import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sha256File } from '../runtime/file-hash.ts';
import { ffmpegPath, ffprobePath } from './ffmpeg-binaries.ts';
import { lastToolLines, runMediaTool } from './run-media-tool.ts';
import { presentDataBytes, readWavFileHeader } from './wav-header.ts';

/** The input cannot be decoded (corrupt, not audio, no audio stream): retrying will not help. */
export class MediaDecodeError extends Error {}

export interface AudioStreamInfo {
  codec: string | null;
  channels: number;
  sampleRate: number | null;
  durationSeconds: number | null;
}

export interface WorkingCopiesRequest {
  /** The original; opened read-only by ffprobe and ffmpeg. */
  inputPath: string;
  /** Folder for ch<N>.wav; created if needed. Existing copies are replaced atomically. */
  outputDir: string;
  sampleRate?: number;
}

export interface WorkingCopy {
  /** 0-based channel of the original. */
  channel: number;
  path: string;
  sha256: string;
  sizeBytes: number;
  sampleRate: number;
  durationSeconds: number;
}

export interface WorkingCopiesResult {
  input: AudioStreamInfo;
  copies: WorkingCopy[];
  ffmpegArgs: string[];
  resampler: string;
  /** What ffmpeg complained about while still producing output (e.g. a truncated file). */
  warnings: string;
}

export const WORKING_SAMPLE_RATE = 16_000;
// Stereo call recordings carry one party per channel; more than this is not a phone call.
const MAX_CHANNELS = 8;
// soxr is the better resampler; the static ffmpeg from @ffmpeg-installer is built with it.
const RESAMPLER = 'soxr';

export function workingCopyFileName(channel: number): string {
  return `ch${channel}.wav`;
}

/** Reads codec, channel count, sample rate and duration of the first audio stream. */
export async function probeAudio(inputPath: string): Promise<AudioStreamInfo> {
  const args = [
    '-v',
    'error',
    '-select_streams',
    'a:0',
    '-show_entries',
    'stream=codec_name,channels,sample_rate:format=duration',
    '-of',
    'json',
    `file:${inputPath}`,
  ];
  const { code, stdout, stderr } = await runMediaTool(ffprobePath(), args, { stderrLimit: 8192 });
  if (code !== 0) throw new MediaDecodeError(`ffprobe could not read the file: ${lastToolLines(stderr)}`);
  const parsed = JSON.parse(stdout) as {
    streams?: { codec_name?: string; channels?: number; sample_rate?: string }[];
    format?: { duration?: string };
  };
  const stream = parsed.streams?.[0];
  if (!stream?.channels) throw new MediaDecodeError('the file has no audio stream');
  const duration = Number(parsed.format?.duration);
  const rate = Number(stream.sample_rate);
  return {
    codec: stream.codec_name ?? null,
    channels: stream.channels,
    sampleRate: Number.isFinite(rate) && rate > 0 ? rate : null,
    durationSeconds: Number.isFinite(duration) ? duration : null,
  };
}

/**
 * Makes one 16 kHz mono PCM16 WAV per channel of the input, in a single ffmpeg pass. Outputs are
 * written to temporary names and renamed into place only when ffmpeg succeeded, so a crash never
 * leaves a half-written working copy under its final name.
 */
export async function makeWorkingCopies(request: WorkingCopiesRequest): Promise<WorkingCopiesResult> {
  const sampleRate = request.sampleRate ?? WORKING_SAMPLE_RATE;
  const input = await probeAudio(request.inputPath);
  if (input.channels > MAX_CHANNELS) {
    throw new MediaDecodeError(
      `the audio has ${input.channels} channels; at most ${MAX_CHANNELS} are supported`,
    );
  }
  fs.mkdirSync(request.outputDir, { recursive: true });
  removeLeftoverTemporaries(request.outputDir);
  const channels = Array.from({ length: input.channels }, (_, channel) => channel);
  const tag = randomBytes(6).toString('hex');
  const temporary = channels.map((c) =>
    path.join(request.outputDir, `.${workingCopyFileName(c)}.${tag}.tmp`),
  );
  const finals = channels.map((c) => path.join(request.outputDir, workingCopyFileName(c)));

  const ffmpegArgs = buildArgs(request.inputPath, temporary, sampleRate);
  try {
    const { code, stderr } = await runMediaTool(ffmpegPath(), ffmpegArgs, { stderrLimit: 8192 });
    if (code !== 0) throw new MediaDecodeError(`ffmpeg could not decode the audio: ${lastToolLines(stderr)}`);
    const copies: WorkingCopy[] = [];
    for (const channel of channels) {
      const info = await describeWav(temporary[channel] ?? '', sampleRate);
      if (info.dataBytes === 0) throw new MediaDecodeError('the audio decoded to zero samples');
      copies.push({ channel, path: finals[channel] ?? '', sampleRate, ...info.summary });
    }
    for (const channel of channels) fs.renameSync(temporary[channel] ?? '', finals[channel] ?? '');
    return { input, copies, ffmpegArgs, resampler: RESAMPLER, warnings: lastToolLines(stderr) };
  } finally {
    for (const file of temporary) fs.rmSync(file, { force: true });
  }
}

// A worker killed mid-decode leaves its temporary outputs behind; they are never valid copies.
function removeLeftoverTemporaries(outputDir: string): void {
  for (const name of fs.readdirSync(outputDir)) {
    if (/^\.ch\d+\.wav\.[0-9a-f]+\.tmp$/.test(name)) fs.rmSync(path.join(outputDir, name), { force: true });
  }
}

function buildArgs(inputPath: string, outputs: string[], sampleRate: number): string[] {
  const count = outputs.length;
  const splits = outputs.map((_, c) => `[s${c}]`).join('');
  const perChannel = outputs
    // soxr dithers randomly when it writes 16-bit samples itself; resampling in float and
    // converting afterwards keeps the working copy reproducible byte for byte.
    .map(
      (_, c) =>
        `[s${c}]pan=mono|c0=c${c},aformat=sample_fmts=flt,` +
        `aresample=${sampleRate}:resampler=${RESAMPLER},aformat=sample_fmts=s16[a${c}]`,
    )
    .join(';');
  const graph =
    count === 1 ? perChannel.replace('[s0]', '[0:a:0]') : `[0:a:0]asplit=${count}${splits};${perChannel}`;
  const args = [
    '-hide_banner',
    '-nostdin',
    '-v',
    'warning',
    '-i',
    `file:${inputPath}`,
    '-filter_complex',
    graph,
  ];
  outputs.forEach((output, c) => {
    // bitexact and no metadata: the same original always gives byte-identical working copies.
    args.push('-map', `[a${c}]`, '-c:a', 'pcm_s16le', '-ar', String(sampleRate), '-ac', '1');
    args.push(
      '-map_metadata',
      '-1',
      '-fflags',
      '+bitexact',
      '-flags:a',
      '+bitexact',
      '-f',
      'wav',
      '-y',
      output,
    );
  });
  return args;
}

interface WavDescription {
  dataBytes: number;
  summary: { sha256: string; sizeBytes: number; durationSeconds: number };
}

/** Hashes the file and reads the data chunk size from its header to get the duration. */
async function describeWav(file: string, sampleRate: number): Promise<WavDescription> {
  const { sha256, sizeBytes } = await sha256File(file);
  const { header } = readWavFileHeader(file);
  if (!header) throw new MediaDecodeError('ffmpeg did not produce a WAV file');
  if (!header.data) throw new MediaDecodeError('the WAV file ffmpeg wrote has no data chunk');
  const dataBytes = presentDataBytes(header.data, sizeBytes);
  return { dataBytes, summary: { sha256, sizeBytes, durationSeconds: dataBytes / 2 / sampleRate } };
}
