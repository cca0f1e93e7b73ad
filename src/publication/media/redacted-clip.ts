import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ffmpegPath } from '../../media/ffmpeg-binaries.ts';
import { lastToolLines, runMediaTool } from '../../media/run-media-tool.ts';
import { MediaDecodeError, probeAudio } from '../../media/transcode.ts';
import {
  type AudioRedaction,
  type ClipSpan,
  ClipRequestError,
  clipSpans,
  clipWindow,
  muteExpression,
  toneExpression,
} from './redaction-spans.ts';
import {
  DEFAULT_DISGUISE_FORMANT,
  DEFAULT_DISGUISE_PITCH,
  type VoiceDisguise,
  disguiseChain,
  disguisedLanes,
} from './voice-disguise.ts';
import {
  type LoudnessMeasurement,
  type LoudnormStats,
  applyLoudnormFilter,
  fitPeakLimit,
  measureLoudnormFilter,
  parseLoudnormJson,
} from './loudnorm.ts';

export interface RedactedClipRequest {
  /** A working copy WAV or the original recording; only read. */
  source: string;
  /** The selection, in seconds from the start of the call. */
  from: number;
  to: number;
  /** Context kept before and after the selection, clamped to the call. */
  marginSeconds: number;
  /** Spans to blank, in seconds from the start of the call. */
  redactions: readonly AudioRedaction[];
  /** Added to each side of every redaction span. Default 0.08 s. */
  redactionPaddingSeconds?: number;
  /** Ramp outside each span's edges, so the cut makes no click. Default 0.015 s. */
  fadeSeconds?: number;
  disguise?: VoiceDisguise;
  /** Paths chosen by the caller; their names must say nothing about the call. */
  out: { wav: string; mp3: string };
}

export interface RedactedClip {
  /** The clip's window in seconds from the start of the call (the selection with clamped margins). */
  clipStart: number;
  clipEnd: number;
  durationSeconds: number;
  /** What was blanked, in seconds from the clip's start, padded and merged. */
  spans: ClipSpan[];
  channels: number;
  disguised: { lanes: number[] | 'mix'; pitch: number; formant: number } | null;
  loudness: LoudnessMeasurement;
}

export const DEFAULT_REDACTION_PADDING_SECONDS = 0.08;
export const DEFAULT_FADE_SECONDS = 0.015;
export const OUTPUT_SAMPLE_RATE = 48_000;
// Phone audio carries nothing above 8 kHz; working at no more than 24 kHz halves the cost of the
// disguise and the redaction filters on 48 kHz Opus without losing anything a listener hears.
const PROCESSING_RATE = 24_000;
const TONE_HZ = 1000;
// About -18 dBFS peak before loudness normalisation: clearly a bleep, not louder than speech.
const TONE_AMPLITUDE = 0.125;
const MP3_BITRATE = '128k';
const TOOL_TIMEOUT_MS = 10 * 60_000;

// Strips what a container could say about where a file came from: no tags, no encoder name.
const NO_METADATA = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact'];

/**
 * Cuts an excerpt of a call, blanks the redaction spans with a 1 kHz tone or silence, disguises
 * the chosen lanes, normalises loudness to -16 LUFS in two passes and writes a PCM WAV and an MP3
 * with no container metadata. Nothing is written under the final names unless every step worked.
 */
export async function writeRedactedClip(request: RedactedClipRequest): Promise<RedactedClip> {
  if (path.resolve(request.out.wav) === path.resolve(request.out.mp3)) {
    throw new ClipRequestError('the WAV and MP3 outputs need two different paths');
  }
  const input = await probeAudio(request.source);
  if (input.durationSeconds === null || input.sampleRate === null) {
    throw new MediaDecodeError('the recording does not say how long it is or its sample rate');
  }
  const window = clipWindow(request.from, request.to, request.marginSeconds, input.durationSeconds);
  const fadeSeconds = request.fadeSeconds ?? DEFAULT_FADE_SECONDS;
  const spans = clipSpans(
    request.redactions,
    window,
    request.redactionPaddingSeconds ?? DEFAULT_REDACTION_PADDING_SECONDS,
    2 * fadeSeconds,
  );
  const plan: GraphPlan = {
    channels: input.channels,
    sampleRate: Math.min(input.sampleRate, PROCESSING_RATE),
    clipSeconds: window.end - window.start,
    spans,
    fadeSeconds,
    disguise: request.disguise,
  };
  const graph = redactionGraph(plan);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-clip-'));
  const tag = randomBytes(6).toString('hex');
  const temporary = { wav: `${request.out.wav}.${tag}.tmp`, mp3: `${request.out.mp3}.${tag}.tmp` };
  try {
    const staged = path.join(work, 'staged.wav');
    const measured = await stageAndMeasure(request.source, window, graph, staged);
    const loudness = await normaliseAndEncode(staged, measured, temporary);
    fs.renameSync(temporary.wav, request.out.wav);
    fs.renameSync(temporary.mp3, request.out.mp3);
    return {
      clipStart: window.start,
      clipEnd: window.end,
      durationSeconds: window.end - window.start,
      spans,
      channels: request.disguise?.lanes === 'mix' ? 1 : input.channels,
      disguised: describeDisguise(request.disguise),
      loudness,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(temporary.wav, { force: true });
    fs.rmSync(temporary.mp3, { force: true });
  }
}

interface GraphPlan {
  channels: number;
  /** The rate the graph works at (the source's, at most PROCESSING_RATE). */
  sampleRate: number;
  clipSeconds: number;
  spans: ClipSpan[];
  fadeSeconds: number;
  disguise: VoiceDisguise | undefined;
}

/**
 * The filter graph from the cut input [0:a] to [clip]. Spans are muted before the disguise (the
 * protected word never reaches rubberband, whose window could smear it) and again after it, where
 * the tone is added (so the tone stays at 1 kHz on a disguised lane).
 */
export function redactionGraph(plan: GraphPlan): string {
  const mute = `aeval='${muteExpression(plan.spans, plan.fadeSeconds)}'`;
  const tone = `aeval='${toneExpression(plan.spans, plan.fadeSeconds, TONE_HZ, TONE_AMPLITUDE)}'`;
  const disguise = plan.disguise;
  const source = `[0:a]aresample=${plan.sampleRate}:resampler=soxr[src];`;
  if (disguise?.lanes === 'mix') {
    const mix = Array.from({ length: plan.channels }, (_, c) => `${(1 / plan.channels).toFixed(6)}*c${c}`);
    const chain = disguiseChain(disguise, plan.sampleRate, plan.clipSeconds);
    return `${source}[src]pan=mono|c0=${mix.join('+')},${mute}:c=mono,${chain},${tone}:c=mono[clip]`;
  }
  const lanes = disguisedLanes(disguise, plan.channels);
  if (lanes.size === 0) return `${source}[src]${tone}:c=same[clip]`;
  const parts: string[] = [];
  const labels = Array.from({ length: plan.channels }, (_, c) => `[lane${c}]`);
  parts.push(`${source}[src]asplit=${plan.channels}${labels.map((_, c) => `[in${c}]`).join('')}`);
  for (let c = 0; c < plan.channels; c++) {
    const chain =
      lanes.has(c) && disguise ? `,${disguiseChain(disguise, plan.sampleRate, plan.clipSeconds)}` : '';
    // aformat names the layout again: amerge refuses inputs whose layout a filter left unset.
    parts.push(`[in${c}]pan=mono|c0=c${c},${mute}:c=mono${chain},aformat=channel_layouts=mono${labels[c]}`);
  }
  const merged = plan.channels === 1 ? labels.join('') : `${labels.join('')}amerge=inputs=${plan.channels},`;
  parts.push(`${merged}${tone}:c=same[clip]`);
  return parts.join(';');
}

/** Pass one: cut, redact and disguise into a float WAV, measuring its loudness on the way. */
async function stageAndMeasure(
  source: string,
  window: { start: number; end: number },
  graph: string,
  staged: string,
): Promise<LoudnormStats> {
  const args = [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-v',
    'info',
    // Input seeking decodes from the previous keyframe and drops samples before the start: exact.
    '-ss',
    window.start.toFixed(6),
    '-t',
    (window.end - window.start).toFixed(6),
    '-i',
    `file:${source}`,
    '-filter_complex',
    `${graph};[clip]asplit=2[keep][measure];[measure]${measureLoudnormFilter()}[measured]`,
    '-map',
    '[keep]',
    '-c:a',
    'pcm_f32le',
    ...NO_METADATA,
    '-f',
    'wav',
    '-y',
    `file:${staged}`,
    '-map',
    '[measured]',
    '-f',
    'null',
    '-',
  ];
  const run = await runMediaTool(ffmpegPath(), args, { timeoutMs: TOOL_TIMEOUT_MS });
  if (run.code !== 0)
    throw new MediaDecodeError(`ffmpeg could not cut the clip: ${lastToolLines(run.stderr)}`);
  return parseLoudnormJson(run.stderr);
}

/** Pass two: apply the measured loudness correction, resample, write WAV and MP3. */
async function normaliseAndEncode(
  staged: string,
  measured: LoudnormStats,
  out: { wav: string; mp3: string },
): Promise<LoudnessMeasurement> {
  const limit = await fitPeakLimit(staged, measured, TOOL_TIMEOUT_MS);
  const loudnorm = applyLoudnormFilter(limit.measured);
  const args = [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-v',
    'info',
    '-i',
    `file:${staged}`,
    '-filter_complex',
    `[0:a]${limit.preFilter}${loudnorm}aresample=${OUTPUT_SAMPLE_RATE},asplit=2[wav][mp3]`,
    '-map',
    '[wav]',
    '-c:a',
    'pcm_s16le',
    ...NO_METADATA,
    '-f',
    'wav',
    '-y',
    `file:${out.wav}`,
    '-map',
    '[mp3]',
    '-c:a',
    'libmp3lame',
    '-b:a',
    MP3_BITRATE,
    ...NO_METADATA,
    // No ID3 tags at all and no Xing/LAME info frame (it names the encoder); CBR needs neither.
    '-id3v2_version',
    '0',
    '-write_id3v1',
    '0',
    '-write_xing',
    '0',
    '-f',
    'mp3',
    '-y',
    `file:${out.mp3}`,
  ];
  const run = await runMediaTool(ffmpegPath(), args, { timeoutMs: TOOL_TIMEOUT_MS });
  if (run.code !== 0)
    throw new MediaDecodeError(`ffmpeg could not encode the clip: ${lastToolLines(run.stderr)}`);
  const applied = loudnorm === '' ? null : parseLoudnormJson(run.stderr);
  return {
    measuredInputI: measured.inputI,
    limiterGainDb: limit.gainDb,
    normalizationType: applied?.normalizationType ?? 'none: the clip is silent',
    outputI: applied?.outputI ?? null,
  };
}

function describeDisguise(disguise: VoiceDisguise | undefined): RedactedClip['disguised'] {
  if (!disguise) return null;
  const lanes = disguise.lanes === 'mix' ? 'mix' : [...disguise.lanes];
  if (lanes !== 'mix' && lanes.length === 0) return null;
  return {
    lanes,
    pitch: disguise.pitch ?? DEFAULT_DISGUISE_PITCH,
    formant: disguise.formant ?? DEFAULT_DISGUISE_FORMANT,
  };
}
