import { useCallback, useEffect, useState } from 'react';
import { getRecordingAnalysis, type RecordingAnalysis } from '../../api/analysis.ts';
import { ApiError, errorText } from '../../api/http.ts';
import { getRecording, type RecordingDetail } from '../../api/recordings.ts';
import {
  getTranscript,
  listNotes,
  listTranscriptVersions,
  type Note,
  type TranscriptResponse,
  type TranscriptVersion,
} from '../../api/transcripts.ts';

export interface CallData {
  recording: RecordingDetail | null;
  transcript: TranscriptResponse | null;
  versions: TranscriptVersion[];
  analysis: RecordingAnalysis | null;
  notes: Note[];
  /** One message per part that failed to load; the page shows what did load. */
  errors: Record<string, string>;
}

const EMPTY: CallData = {
  recording: null,
  transcript: null,
  versions: [],
  analysis: null,
  notes: [],
  errors: {},
};

async function settle<T>(
  promise: Promise<T>,
  notFoundIsEmpty = false,
): Promise<{ value: T | null; error: string | null }> {
  try {
    return { value: await promise, error: null };
  } catch (error) {
    if (
      notFoundIsEmpty &&
      error instanceof ApiError &&
      error.status === 404 &&
      error.body.error === 'not_found'
    )
      return { value: null, error: null };
    return { value: null, error: errorText(error) };
  }
}

/**
 * Everything the Call page shows, loaded in parallel. `version` picks a transcript version (default
 * the latest). While a stage is pending or running after a correction, the recording's stage status
 * is polled so that the re-run flags update by themselves.
 */
export function useCallData(recordingId: string, version: number | undefined) {
  const [data, setData] = useState<CallData>(EMPTY);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [recording, transcript, versions, analysis, notes] = await Promise.all([
        settle(getRecording(recordingId)),
        settle(getTranscript(recordingId, version), true),
        settle(listTranscriptVersions(recordingId)),
        settle(getRecordingAnalysis(recordingId), true),
        settle(listNotes(recordingId)),
      ]);
      if (cancelled) return;
      const errors: Record<string, string> = {};
      for (const [name, part] of Object.entries({ recording, transcript, versions, analysis, notes })) {
        if (part.error) errors[name] = part.error;
      }
      setData({
        recording: recording.value,
        transcript: transcript.value,
        versions: versions.value?.versions ?? [],
        analysis: analysis.value,
        notes: notes.value?.notes ?? [],
        errors,
      });
    })();
    return () => {
      cancelled = true;
    };
  }, [recordingId, version, generation]);

  const busy = data.recording?.stages.some((s) => s.status === 'pending' || s.status === 'running') ?? false;
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => setGeneration((g) => g + 1), 2000);
    return () => clearInterval(timer);
  }, [busy]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, reload };
}
