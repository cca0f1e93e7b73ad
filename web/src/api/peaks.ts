import type { WorkingPeaksResponse } from '../../../src/api/schemas/peaks.ts';
import { getJson } from './http.ts';

// GET /api/recordings/:id/audio/working/peaks (src/api/schemas/peaks.ts): the waveform of one
// channel as min/max pairs, so the desk draws it without downloading the audio.

export type WorkingPeaks = WorkingPeaksResponse;

export function workingPeaksUrl(recordingId: string, channel: number): string {
  return `/api/recordings/${encodeURIComponent(recordingId)}/audio/working/peaks?channel=${channel}`;
}

export function fetchWorkingPeaks(
  recordingId: string,
  channel: number,
  signal?: AbortSignal,
): Promise<WorkingPeaks> {
  return getJson<WorkingPeaks>(workingPeaksUrl(recordingId, channel), signal);
}
