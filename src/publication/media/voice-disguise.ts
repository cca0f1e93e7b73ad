import { ClipRequestError } from './redaction-spans.ts';

/**
 * Voice disguise with the `rubberband` filter of the npm ffmpeg build (librubberband): pitch and
 * formants are moved by separate factors, the duration is kept. A first pass shifts pitch and
 * formants together by the formant factor (formant=shifted); a second moves the pitch on to its own
 * factor while keeping the formants where the first pass put them (formant=preserved). Moving both
 * changes what a listener recognises a voice by (its pitch and the timbre of the vocal tract);
 * rhythm, accent, word choice and background stay, so a disguise is not a guarantee of anonymity.
 */
export interface VoiceDisguise {
  /** Channel indexes (lanes) of the source to disguise, or 'mix': downmix to mono and disguise that. */
  lanes: readonly number[] | 'mix';
  /** Pitch factor (0.5–2; below 1 is lower). Default 0.8, about 3.9 semitones down. */
  pitch?: number;
  /** Formant factor (0.5–2). Default 0.88: a longer-sounding vocal tract. */
  formant?: number;
}

export const DEFAULT_DISGUISE_PITCH = 0.8;
export const DEFAULT_DISGUISE_FORMANT = 0.88;

function factor(value: number | undefined, fallback: number, name: string): number {
  const f = value ?? fallback;
  if (!Number.isFinite(f) || f < 0.5 || f > 2) {
    throw new ClipRequestError(`the disguise ${name} factor must be between 0.5 and 2 (got ${f})`);
  }
  return f;
}

/**
 * The filter chain for one mono lane. rubberband drops the last fraction of a second it has not
 * flushed, so the lane is padded with a second of silence and cut back to the clip's length;
 * rubberband compensates its own latency, so the words stay where they were.
 */
export function disguiseChain(disguise: VoiceDisguise, sampleRate: number, clipSeconds: number): string {
  const pitch = factor(disguise.pitch, DEFAULT_DISGUISE_PITCH, 'pitch');
  const formant = factor(disguise.formant, DEFAULT_DISGUISE_FORMANT, 'formant');
  return [
    `apad=pad_len=${Math.round(sampleRate)}`,
    `rubberband=pitch=${formant.toFixed(5)}:formant=shifted`,
    `rubberband=pitch=${(pitch / formant).toFixed(5)}:formant=preserved`,
    `asetpts=N/SR/TB`,
    `atrim=end=${clipSeconds.toFixed(6)}`,
  ].join(',');
}

/** Checks the lanes against the source's channels; the set of lanes to disguise. */
export function disguisedLanes(disguise: VoiceDisguise | undefined, channels: number): Set<number> {
  if (!disguise || disguise.lanes === 'mix') return new Set();
  for (const lane of disguise.lanes) {
    if (!Number.isInteger(lane) || lane < 0 || lane >= channels) {
      throw new ClipRequestError(
        `lane ${lane} cannot be disguised: the recording has ${channels} channel(s), numbered from 0`,
      );
    }
  }
  return new Set(disguise.lanes);
}
