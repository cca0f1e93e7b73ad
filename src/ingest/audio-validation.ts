import { checkDecodes, probeAudio, type AudioProbe, type DecodeCheck } from '../media/probe.ts';
import { oggTruncation } from './ogg-check.ts';
import { riffTruncation } from './riff-check.ts';
import { RejectionCode } from './types.ts';

export type AudioVerdict =
  | { ok: true; probe: AudioProbe; decode: DecodeCheck }
  | { ok: false; code: RejectionCode; reason: string; probe: AudioProbe | null };

/** Probes a staged file and decodes a few seconds at both ends: is this whole, playable audio? */
export async function validateAudio(file: string, decodeCheckSeconds: number): Promise<AudioVerdict> {
  const probed = await probeAudio(file);
  if (!probed.ok) {
    const code = probed.code === 'zero-duration' ? RejectionCode.ZeroDuration : RejectionCode.NotAudio;
    return { ok: false, code, reason: probed.reason, probe: null };
  }
  const { probe } = probed;
  const truncated = riffTruncation(file) ?? oggTruncation(file);
  if (truncated) return { ok: false, code: RejectionCode.TruncatedAudio, reason: truncated, probe };
  // An MP3 whose LAME/Xing header announces more frames than the file holds.
  const sizeMismatch = probe.warnings.find((w) => /file size and duration do not match/i.test(w));
  if (sizeMismatch) {
    return {
      ok: false,
      code: RejectionCode.TruncatedAudio,
      reason: `the header announces more audio than the file holds (ffprobe: ${sizeMismatch}); the file looks cut short`,
      probe,
    };
  }
  // PCM samples need no decoding (any bytes are valid samples), and a WAV cut short was caught
  // by the header check above: spawning a decoder would only cost time.
  const decode = /^pcm_/.test(probe.codec)
    ? pcmNeedsNoDecode(probe.durationSeconds, decodeCheckSeconds)
    : await checkDecodes(file, probe.durationSeconds, decodeCheckSeconds);
  if (!decode.ok) {
    if (decode.errors.length > 0) {
      return {
        ok: false,
        code: RejectionCode.CorruptAudio,
        reason: `the ${probe.codec} audio does not decode cleanly (ffmpeg: ${decode.errors.slice(0, 2).join('; ')})`,
        probe,
      };
    }
    const where = decode.headSeconds < decode.tailSeconds ? 'start' : 'end';
    return {
      ok: false,
      code: where === 'end' ? RejectionCode.TruncatedAudio : RejectionCode.CorruptAudio,
      reason:
        where === 'end'
          ? `no audio can be decoded at the announced end (${probe.durationSeconds.toFixed(1)} s): the file looks cut short`
          : 'no audio can be decoded at the start of the file',
      probe,
    };
  }
  return { ok: true, probe, decode };
}

function pcmNeedsNoDecode(durationSeconds: number, windowSeconds: number): DecodeCheck {
  const span = Math.min(durationSeconds, windowSeconds);
  return { ok: true, headSeconds: span, tailSeconds: span, errors: [], method: 'pcm-header' };
}
