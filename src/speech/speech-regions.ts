import type { SpeechRegion } from './voice-activity.ts';

/** Seconds of audio added around each VAD region before recognition. */
export interface RegionPadding {
  before: number;
  after: number;
}

/**
 * Silero v6.2 starts a region a few windows after telephone-band speech begins, and the
 * recogniser needs the tail of the last phoneme. Measured on the demo corpus (207 stereo turns,
 * test-asr-ru int8): first words kept 145 / 178 / 190 of 207 with no padding / 0.3+0.6 s /
 * 0.5+0.8 s, last words 166 / 197 / 197; corpus CER 8.3 % / 5.0 % / 4.6 %. Padding stops halfway
 * to the next region, so a larger value does not swallow the next turn.
 */
export const DEFAULT_REGION_PADDING: RegionPadding = { before: 0.5, after: 0.8 };

/**
 * Pads each region, clamped to the audio. Padding never crosses into the next region: where two
 * padded regions would overlap they meet halfway between the detected ends, so turns stay
 * separate segments (pauses between turns are often shorter than the padding). Regions the
 * detector itself reported as overlapping are merged.
 */
export function padRegions(
  regions: SpeechRegion[],
  padding: RegionPadding,
  audioSeconds: number,
): SpeechRegion[] {
  const sorted: SpeechRegion[] = [];
  for (const region of [...regions].sort((a, b) => a.start - b.start)) {
    const last = sorted.at(-1);
    if (last && region.start <= last.end) last.end = Math.max(last.end, region.end);
    else sorted.push({ ...region });
  }
  return sorted
    .map((region, i) => {
      const previous = sorted[i - 1];
      const next = sorted[i + 1];
      const floor = previous ? (previous.end + region.start) / 2 : 0;
      const ceiling = next ? (region.end + next.start) / 2 : audioSeconds;
      return {
        start: Math.max(floor, 0, region.start - padding.before),
        end: Math.min(ceiling, audioSeconds, region.end + padding.after),
      };
    })
    .filter((r) => r.end > r.start);
}

/** A speaker turn from diarisation (seconds) with its cluster number. */
export interface SpeakerTurn extends SpeechRegion {
  speaker: number;
}

export interface LabelledRegion extends SpeechRegion {
  /** Diarisation cluster, or null where no turn covers the region. */
  speaker: number | null;
}

/**
 * Cuts regions where diarised speaker turns change, so one segment never mixes two voices of a
 * mono call. Parts shorter than minPieceSeconds stay with the neighbouring piece; a region no
 * turn touches keeps speaker null ("speaker unknown").
 */
export function splitRegionsBySpeaker(
  regions: SpeechRegion[],
  turns: SpeakerTurn[],
  minPieceSeconds = 0.3,
): LabelledRegion[] {
  const sortedTurns = [...turns].sort((a, b) => a.start - b.start);
  const result: LabelledRegion[] = [];
  for (const region of regions) {
    const pieces: LabelledRegion[] = [];
    for (const turn of sortedTurns) {
      const start = Math.max(region.start, turn.start);
      const end = Math.min(region.end, turn.end);
      if (end <= start) continue;
      const previous = pieces.at(-1);
      if (previous && previous.speaker === turn.speaker && start <= previous.end + minPieceSeconds) {
        previous.end = Math.max(previous.end, end);
      } else {
        pieces.push({ start, end, speaker: turn.speaker });
      }
    }
    if (pieces.length === 0) {
      result.push({ ...region, speaker: null });
      continue;
    }
    // Stretch pieces to cover the whole region: gaps go to the piece before them.
    const first = pieces[0];
    if (first) first.start = region.start;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      const next = pieces[i + 1];
      if (piece) piece.end = next ? next.start : region.end;
    }
    for (const piece of pieces) {
      const last = result.at(-1);
      const short = piece.end - piece.start < minPieceSeconds;
      if (short && last && last.end >= piece.start && last.start >= region.start) last.end = piece.end;
      else result.push(piece);
    }
  }
  return result;
}
