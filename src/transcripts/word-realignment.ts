import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { DerivedFileKind, type TranscriptWord } from '../db/schema.ts';
import { stageModelsOf } from '../jobs/stages/speech-stage-support.ts';
import { ctcWordAligner, type WordAligner } from '../speech/ctc-aligner.ts';
import { isWhisperModel, locateRecogniserModel } from '../speech/model-location.ts';
import { loadWorkingAudio, type ChannelSamples } from '../speech/working-audio.ts';
import { applyRetiming, planRetiming, type AlignedGap } from './word-retiming.ts';

/**
 * Word timings for the words a person changed, heard in the audio: the gaps word-retiming.ts
 * leaves between kept recogniser timings are force-aligned, each within the time between its
 * neighbours, over the segment's stretch of the channel's working copy, with the collection's
 * recogniser model (ctc-aligner.ts). Whatever cannot be aligned keeps the estimate, and the reason
 * is returned for the custody log; nothing here fails a correction.
 */

export interface SegmentSpan {
  channel: number;
  start: number;
  end: number;
}

/** Aligns the changed words of one segment, or says why it cannot. */
export interface EditAligner {
  /** `db` reads the recording's model and working copies (the correction's own transaction). */
  alignSegment(
    db: Db,
    segment: SegmentSpan,
    gaps: readonly { words: readonly string[]; from: number; to: number }[],
  ): Promise<{ gaps: (AlignedGap | undefined)[] } | { reason: string }>;
}

export interface RetimedWords {
  words: TranscriptWord[];
  /** Why some changed words kept estimated times, when they did. */
  note?: string;
}

/** Word timings for an edited segment: kept, aligned to the audio where possible, else estimated. */
export async function realignWords(
  db: Db,
  aligner: EditAligner | undefined,
  sourceWords: readonly TranscriptWord[],
  text: string,
  segment: SegmentSpan,
): Promise<RetimedWords> {
  const plan = planRetiming(sourceWords, text, segment.start, segment.end);
  if (plan.gaps.length === 0) return { words: applyRetiming(plan) };
  if (!aligner) return { words: applyRetiming(plan), note: 'no aligner for this correction' };
  let outcome: Awaited<ReturnType<EditAligner['alignSegment']>>;
  try {
    outcome = await aligner.alignSegment(db, segment, plan.gaps);
  } catch (error) {
    outcome = { reason: `alignment failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if ('reason' in outcome) return { words: applyRetiming(plan), note: outcome.reason };
  const missed = outcome.gaps.filter((g) => g === undefined).length;
  const words = applyRetiming(plan, outcome.gaps);
  return missed > 0
    ? { words, note: `${missed} run(s) of changed words did not fit their stretch of audio` }
    : { words };
}

/**
 * The aligner a correction of this recording uses: the collection's recogniser model when it is
 * a NeMo CTC model, over the recording's working copies. Both are opened on first use, once per
 * correction (the model session once per process); a missing piece becomes the reason every
 * segment keeps estimated times.
 */
export function editAlignerFor(config: EarshotConfig, recordingId: string): EditAligner {
  let opened: Promise<{ aligner: WordAligner; channels: ChannelSamples[] } | { reason: string }> | undefined;
  const open = async (
    db: Db,
  ): Promise<{ aligner: WordAligner; channels: ChannelSamples[] } | { reason: string }> => {
    const models = await stageModelsOf(db, config, recordingId);
    if (isWhisperModel(models.asr)) {
      return {
        reason: `the recogniser ${models.asr} is a Whisper model, which gives no CTC output to align with`,
      };
    }
    let aligner: WordAligner;
    try {
      aligner = ctcWordAligner(locateRecogniserModel(models.modelsDir, models.asr));
    } catch (error) {
      return {
        reason: `the recogniser ${models.asr} is not usable: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    try {
      const channels = await loadWorkingAudio(
        db,
        config.derivedDir,
        recordingId,
        DerivedFileKind.WorkingAudio,
      );
      return { aligner, channels };
    } catch (error) {
      return { reason: `no working audio: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
  return {
    async alignSegment(db, segment, gaps) {
      opened ??= open(db);
      const ready = await opened;
      if ('reason' in ready) return ready;
      const channel = ready.channels.find((c) => c.channel === segment.channel);
      if (!channel) return { reason: `the working audio has no channel ${segment.channel}` };
      return alignInChannel(ready.aligner, channel, segment, gaps);
    },
  };
}

/** Aligns a segment's gaps over its stretch of one channel's samples; times in the channel's seconds. */
export async function alignInChannel(
  aligner: WordAligner,
  channel: { sampleRate: number; samples: Float32Array },
  segment: SegmentSpan,
  gaps: readonly { words: readonly string[]; from: number; to: number }[],
): Promise<{ gaps: (AlignedGap | undefined)[] } | { reason: string }> {
  const { sampleRate } = channel;
  const first = Math.max(0, Math.floor(segment.start * sampleRate));
  const samples = channel.samples.subarray(
    first,
    Math.min(channel.samples.length, Math.ceil(segment.end * sampleRate)),
  );
  // Times inside the stretch count from its first sample.
  const offset = first / sampleRate;
  const runs = gaps.map((g) => ({ words: g.words, from: g.from - offset, to: g.to - offset }));
  const results = await aligner.alignRuns(samples, sampleRate, runs);
  const failed = results.find((r) => !r.aligned);
  if (failed && !failed.aligned && results.every((r) => !r.aligned)) return { reason: failed.reason };
  return {
    gaps: results.map((r) =>
      r.aligned
        ? r.words.map((w) => (w ? { start: round(w.start + offset), end: round(w.end + offset) } : null))
        : undefined,
    ),
  };
}

const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;
