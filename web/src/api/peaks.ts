import { getJson } from './http.ts';
import type { GetResponse } from './openapi.ts';

// GET /api/recordings/:id/audio/working/peaks: the waveform of one channel as min/max pairs, so the
// desk draws it without downloading the audio (src/api/schemas/peaks.ts → openapi-types.ts).

export type WorkingPeaks = GetResponse<'/api/recordings/{id}/audio/working/peaks'>;

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
