import { ffmpegPath, ffprobePath } from './ffmpeg-binaries.ts';
import { type MediaToolRun, runMediaTool } from './run-media-tool.ts';

/** What ffprobe says about the first audio stream of a file. */
export interface AudioProbe {
  container: string;
  codec: string;
  sampleRate: number;
  channels: number;
  durationSeconds: number;
  bitRate: number | null;
  /** Warnings ffprobe printed (e.g. "file size and duration do not match"). */
  warnings: string[];
  /** The ffprobe JSON (format and streams), kept for the record. */
  raw: Record<string, unknown>;
}

export type ProbeOutcome =
  { ok: true; probe: AudioProbe } | { ok: false; code: 'not-audio' | 'zero-duration'; reason: string };

export interface DecodeCheck {
  ok: boolean;
  /** Seconds of audio actually decoded from the start and from the end of the file. */
  headSeconds: number;
  tailSeconds: number;
  /** Error lines the decoder printed (empty when it decoded cleanly). */
  errors: string[];
  /** 'decoded': ffmpeg decoded both ends; 'pcm-header': PCM, checked against its header instead. */
  method: 'decoded' | 'pcm-header';
}

const OUTPUT_LIMIT = 4 * 1024 * 1024;
const TOOL_TIMEOUT_MS = 120_000;

// Paths go to the tools as arguments (never through a shell); the `file:` protocol prefix keeps
// a hostile name (leading '-', 'http:', 'concat:') from being read as an option or a protocol.
function fileArgument(file: string): string {
  return `file:${file}`;
}

function runTool(binary: string, args: string[]): Promise<MediaToolRun> {
  return runMediaTool(binary, args, {
    timeoutMs: TOOL_TIMEOUT_MS,
    stderrLimit: OUTPUT_LIMIT,
    stdoutLimit: OUTPUT_LIMIT,
  });
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  sample_rate?: string;
  channels?: number;
  duration?: string;
  bit_rate?: string;
}

interface FfprobeJson {
  format?: { format_name?: string; duration?: string; bit_rate?: string };
  streams?: FfprobeStream[];
}

function toNumber(value: string | number | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Drops the `file:/path: ` prefix ffmpeg puts before messages about the input. */
function withoutPath(line: string): string {
  return line.replace(/^file:.*?: /, '');
}

/** Reads container, codec, sample rate, channels, duration and bit rate with ffprobe. */
export async function probeAudio(file: string): Promise<ProbeOutcome> {
  const run = await runTool(ffprobePath(), [
    '-v',
    'warning',
    '-of',
    'json',
    '-show_format',
    '-show_streams',
    fileArgument(file),
  ]);
  const messages = lines(run.stderr).map(withoutPath);
  if (run.code !== 0) {
    return {
      ok: false,
      code: 'not-audio',
      reason: `not a readable audio file (ffprobe: ${messages.at(-1) ?? 'no details'})`,
    };
  }
  let parsed: FfprobeJson;
  try {
    parsed = JSON.parse(run.stdout) as FfprobeJson;
  } catch {
    return { ok: false, code: 'not-audio', reason: 'ffprobe gave no readable description of the file' };
  }
  const audio = parsed.streams?.find((s) => s.codec_type === 'audio');
  if (!audio || !parsed.format) {
    const kinds = (parsed.streams ?? []).map((s) => s.codec_type ?? 'unknown').join(', ');
    return {
      ok: false,
      code: 'not-audio',
      reason: `no audio stream found${kinds ? ` (streams: ${kinds})` : ''}`,
    };
  }
  const duration = toNumber(audio.duration) ?? toNumber(parsed.format.duration) ?? 0;
  if (!(duration > 0)) {
    return { ok: false, code: 'zero-duration', reason: 'the audio stream has no duration (no samples)' };
  }
  return {
    ok: true,
    probe: {
      container: parsed.format.format_name ?? 'unknown',
      codec: audio.codec_name ?? 'unknown',
      sampleRate: toNumber(audio.sample_rate) ?? 0,
      channels: audio.channels ?? 0,
      durationSeconds: duration,
      bitRate: toNumber(audio.bit_rate) ?? toNumber(parsed.format.bit_rate),
      warnings: messages,
      raw: parsed as Record<string, unknown>,
    },
  };
}

/**
 * Decodes a few seconds at the start and at the end of the file (never the whole file, so this
 * stays cheap on multi-GB recordings). A file cut short decodes nothing at its announced end; a
 * corrupt one makes the decoder print errors.
 */
export async function checkDecodes(
  file: string,
  durationSeconds: number,
  windowSeconds = 3,
): Promise<DecodeCheck> {
  const window = Math.max(0.5, Math.min(windowSeconds, durationSeconds));
  const run = await runTool(ffmpegPath(), [
    '-v',
    'error',
    '-nostdin',
    '-t',
    String(window),
    '-i',
    fileArgument(file),
    '-sseof',
    `-${window}`,
    '-i',
    fileArgument(file),
    '-map',
    '0:a:0',
    '-map',
    '1:a:0',
    '-f',
    'framecrc',
    '-',
  ]);
  const decoded = decodedSecondsPerStream(run.stdout);
  const headSeconds = decoded.get(0) ?? 0;
  const tailSeconds = decoded.get(1) ?? 0;
  // Muxer lines are timestamp noise on damaged input, not decoder errors.
  const errors = lines(run.stderr)
    .filter((l) => !/^\[(null|framecrc) @/.test(l))
    .map(withoutPath);
  // Frame boundaries make the decoded span a little shorter than asked for; half is plenty.
  const expected = window * 0.5;
  const ok = run.code === 0 && errors.length === 0 && headSeconds >= expected && tailSeconds >= expected;
  return { ok, headSeconds, tailSeconds, errors, method: 'decoded' };
}

/** Sums frame durations per output stream from ffmpeg's framecrc listing. */
export function decodedSecondsPerStream(framecrc: string): Map<number, number> {
  const timeBases = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const line of framecrc.split('\n')) {
    const tb = /^#tb (\d+): (\d+)\/(\d+)/.exec(line);
    if (tb) {
      timeBases.set(Number(tb[1]), Number(tb[2]) / Number(tb[3]));
      continue;
    }
    if (line.startsWith('#') || line.trim() === '') continue;
    const fields = line.split(',').map((f) => f.trim());
    const stream = Number(fields[0]);
    const duration = Number(fields[3]);
    if (Number.isFinite(stream) && Number.isFinite(duration)) {
      ticks.set(stream, (ticks.get(stream) ?? 0) + duration);
    }
  }
  const seconds = new Map<number, number>();
  for (const [stream, total] of ticks) seconds.set(stream, total * (timeBases.get(stream) ?? 0));
  return seconds;
}
