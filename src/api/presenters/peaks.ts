import type { WaveformPeaks } from '../../media/waveform-peaks.ts';
import type { WorkingPeaksResponse } from '../schemas/peaks.ts';

export function presentWorkingPeaks(
  copy: { recordingId: string; channel: number; sha256: string },
  peaks: WaveformPeaks,
): WorkingPeaksResponse {
  return {
    recordingId: copy.recordingId,
    channel: copy.channel,
    sha256: copy.sha256,
    sampleRate: peaks.sampleRate,
    samplesPerPeak: peaks.samplesPerPeak,
    peaksPerSecond: peaks.sampleRate / peaks.samplesPerPeak,
    durationSeconds: peaks.durationSeconds,
    min: peaks.min,
    max: peaks.max,
  };
}
