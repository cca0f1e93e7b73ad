import type { NewTranscriptSegment } from '../transcripts/transcript-store.ts';
import type { Diariser } from './diarisation.ts';
import type { Recogniser } from './recogniser.ts';
import { padRegions, splitRegionsBySpeaker, type RegionPadding, type SpeakerTurn } from './speech-regions.ts';
import type { SpeechRegion } from './voice-activity.ts';
import type { TimedWord } from './word-timing.ts';

/**
 * One recognised stretch of one lane, ready to be stored (as a segment of a new transcript
 * version) or printed. Times in seconds; the recogniser always names the language.
 */
export interface SegmentDraft extends NewTranscriptSegment {
  language: string;
  words: TimedWord[];
}

export const UNKNOWN_SPEAKER_LANE = 'speaker unknown';

/**
 * The lane a channel stands for. Two-channel intercepts record one party per side, the caller on
 * the left; a mono call mixes everybody into one lane until diarisation or a person splits it.
 */
export function laneForChannel(channel: number, channelCount: number): string {
  if (channelCount === 1) return UNKNOWN_SPEAKER_LANE;
  if (channelCount === 2) return channel === 0 ? 'caller' : 'callee';
  return `channel ${channel + 1}`;
}

export interface ChannelTranscriptionRequest {
  channel: number;
  channelCount: number;
  samples: Float32Array;
  sampleRate: number;
  /** VAD regions of this channel (unpadded). Only these stretches are recognised. */
  regions: SpeechRegion[];
  padding: RegionPadding;
  recogniser: Recogniser;
  language: string;
  /** Diarised turns of a mono channel; each becomes a lane "speaker N". */
  speakerTurns?: SpeakerTurn[];
}

/** Recognises the padded speech regions of one channel; regions that give no text give no segment. */
export async function transcribeChannel(request: ChannelTranscriptionRequest): Promise<SegmentDraft[]> {
  const { samples, sampleRate } = request;
  const audioSeconds = samples.length / sampleRate;
  const padded = padRegions(request.regions, request.padding, audioSeconds);
  const labelled = request.speakerTurns
    ? splitRegionsBySpeaker(padded, request.speakerTurns)
    : padded.map((r) => ({ ...r, speaker: null }));
  const baseLane = laneForChannel(request.channel, request.channelCount);
  const segments: SegmentDraft[] = [];
  for (const region of labelled) {
    const from = Math.floor(region.start * sampleRate);
    const to = Math.min(samples.length, Math.ceil(region.end * sampleRate));
    if (to <= from) continue;
    const result = await request.recogniser.recognise(samples.subarray(from, to), sampleRate);
    if (result.text === '') continue;
    const offset = from / sampleRate;
    const lane = region.speaker === null ? baseLane : `speaker ${region.speaker + 1}`;
    segments.push({
      channel: request.channel,
      lane,
      speaker: lane,
      start: round(offset),
      end: round(to / sampleRate),
      text: result.text,
      // Multilingual recognisers (Whisper) identify the language of each region.
      language: result.language ?? request.language,
      confidence: result.confidence,
      words: result.words.map((w) => ({ ...w, start: round(w.start + offset), end: round(w.end + offset) })),
    });
  }
  return segments;
}

/**
 * The language of most of the speech (by seconds), for the transcript as a whole; each segment
 * keeps its own. Undefined when there are no segments.
 */
export function dominantLanguage(segments: SegmentDraft[]): string | undefined {
  const seconds = new Map<string, number>();
  for (const s of segments) seconds.set(s.language, (seconds.get(s.language) ?? 0) + (s.end - s.start));
  return [...seconds.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Segments of all lanes in the order they were spoken (ties: lower channel first). */
export function orderSegments(segments: SegmentDraft[]): SegmentDraft[] {
  return [...segments].sort((a, b) => a.start - b.start || a.channel - b.channel);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export interface RecordingTranscriptionRequest {
  channels: { channel: number; sampleRate: number; samples: Float32Array }[];
  regionsByChannel: Map<number, SpeechRegion[]>;
  padding: RegionPadding;
  recogniser: Recogniser;
  language: string;
  /** Used only for mono recordings, and only when its models are installed. */
  diariser?: Diariser;
}

export interface DiarisationOutcome {
  used: boolean;
  /** Why a mono call kept one "speaker unknown" lane. */
  reason?: string;
  models?: { segmentation: string; embedding: string };
  modelFiles?: Record<string, string>;
  speakers?: number;
}

/**
 * Every lane of one recording, in spoken order. Diarisation is best effort: when its models are
 * missing or it fails, the mono call keeps one "speaker unknown" lane and says why.
 */
export async function transcribeRecording(
  request: RecordingTranscriptionRequest,
): Promise<{ segments: SegmentDraft[]; diarisation: DiarisationOutcome }> {
  const channelCount = request.channels.length;
  let diarisation: DiarisationOutcome = {
    used: false,
    reason: channelCount > 1 ? 'one lane per channel' : 'no diarisation models installed',
  };
  const segments: SegmentDraft[] = [];
  for (const channel of request.channels) {
    let speakerTurns: SpeakerTurn[] | undefined;
    if (channelCount === 1 && request.diariser) {
      try {
        speakerTurns = request.diariser.diarise(channel.samples);
        diarisation = {
          used: true,
          models: request.diariser.models,
          modelFiles: request.diariser.modelFiles,
          speakers: new Set(speakerTurns.map((t) => t.speaker)).size,
        };
      } catch (error) {
        diarisation = {
          used: false,
          reason: `diarisation failed: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    }
    segments.push(
      ...(await transcribeChannel({
        channel: channel.channel,
        channelCount,
        samples: channel.samples,
        sampleRate: channel.sampleRate,
        regions: request.regionsByChannel.get(channel.channel) ?? [],
        padding: request.padding,
        recogniser: request.recogniser,
        language: request.language,
        ...(speakerTurns ? { speakerTurns } : {}),
      })),
    );
  }
  return { segments: orderSegments(segments), diarisation };
}
