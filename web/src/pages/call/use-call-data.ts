import { useCallback, useEffect, useState } from 'react';
import { getRecordingAnalysis, type RecordingAnalysis } from '../../api/analysis.ts';
import { ApiError, errorText } from '../../api/http.ts';
import { getRecording, type RecordingDetail } from '../../api/recordings.ts';
import {
  getTranscript,
  getTranscriptDiff,
  listNotes,
  listTranscriptVersions,
  postCorrection,
  postMachineOfferDecision,
  postNote,
  type CorrectionRequest,
  type CorrectionResult,
  type Note,
  type Segment,
  type TranscriptDiff,
  type TranscriptResponse,
  type TranscriptVersion,
} from '../../api/transcripts.ts';
import { useLoad } from '../../hooks.ts';
import type { SegmentEdit } from './segment-editor.tsx';

type CallPart = 'recording' | 'transcript' | 'versions' | 'analysis' | 'notes';

export interface CallData {
  recording: RecordingDetail | null;
  transcript: TranscriptResponse | null;
  versions: TranscriptVersion[];
  /** A machine version made after the current correction, waiting for a person's decision. */
  newerMachineVersion: number | null;
  analysis: RecordingAnalysis | null;
  notes: Note[];
  /** One message per part that failed to load; the page shows what did load. */
  errors: Partial<Record<CallPart, string>>;
}

/** Two transcript versions compared, as the Versions panel shows them. */
export interface ShownDiff {
  from: number;
  to: number;
  diff: TranscriptDiff;
}

const EMPTY: CallData = {
  recording: null,
  transcript: null,
  versions: [],
  newerMachineVersion: null,
  analysis: null,
  notes: [],
  errors: {},
};

/** How long after the last read the call is read again while one of its stages is pending or running. */
const POLL_MS = 2000;
/**
 * While a stage waits for a model, less often: it goes on by itself once someone installs the
 * model, and the page should then show it without a reload.
 */
const WAITING_POLL_MS = 15_000;

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
 * Everything the Call page shows, read in parallel. It never rejects: a part that fails is empty
 * and its message is in `errors`; a transcript or analysis that does not exist yet is no error.
 */
async function loadCallData(
  recordingId: string,
  version: number | undefined,
  signal: AbortSignal,
): Promise<CallData> {
  const [recording, transcript, versions, analysis, notes] = await Promise.all([
    settle(getRecording(recordingId, signal)),
    settle(getTranscript(recordingId, version, signal), true),
    settle(listTranscriptVersions(recordingId, signal)),
    settle(getRecordingAnalysis(recordingId, signal), true),
    settle(listNotes(recordingId, signal)),
  ]);
  const errors: CallData['errors'] = {};
  const parts = { recording, transcript, versions, analysis, notes };
  for (const [name, part] of Object.entries(parts) as [CallPart, { error: string | null }][]) {
    if (part.error) errors[name] = part.error;
  }
  return {
    recording: recording.value,
    transcript: transcript.value,
    versions: versions.value?.versions ?? [],
    newerMachineVersion: versions.value?.newerMachineVersion ?? null,
    analysis: analysis.value,
    notes: notes.value?.notes ?? [],
    errors,
  };
}

/** A correction as the server takes it: every segment of the shown version, the edited one changed. */
export function correctionOf(
  transcript: TranscriptResponse,
  edited: Segment,
  edit: SegmentEdit,
): CorrectionRequest {
  return {
    baseVersion: transcript.transcript.version,
    segments: transcript.segments.map((s, position) => {
      const base = { position, sourceSegmentId: s.id, channel: s.channel, speaker: s.speaker };
      return s.id === edited.id
        ? { ...base, lane: edit.lane, start: edit.start, end: edit.end, text: edit.text }
        : { ...base, lane: s.lane, start: s.start, end: s.end, text: s.text };
    }),
  };
}

/** The diff the Versions panel asked for, loaded when asked and dropped when closed. */
function useTranscriptDiff(recordingId: string) {
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const loaded = useLoad(
    pair ? `${recordingId}:${pair.from}:${pair.to}` : `${recordingId}:none`,
    async (signal): Promise<ShownDiff | null> =>
      pair ? { ...pair, diff: await getTranscriptDiff(recordingId, pair.from, pair.to, signal) } : null,
  );
  const compare = useCallback((from: number, to: number) => setPair({ from, to }), []);
  const close = useCallback(() => setPair(null), []);
  return { shown: pair ? loaded.data : null, error: loaded.error, compare, close };
}

/**
 * The one owner of the Call page's data: loads it (`version` picks a transcript version, default
 * the latest), reads it again after a correction or a note, and while a stage is pending or running
 * (after a correction, say) so that the re-run flags update by themselves. Panels get the data and
 * these callbacks; none of them fetches on its own.
 */
export function useCallData(recordingId: string, version: number | undefined) {
  const call = useLoad(`${recordingId}:${version ?? 'latest'}`, (signal) =>
    loadCallData(recordingId, version, signal),
  );
  const data = call.data ?? EMPTY;
  const { reload, loading } = call;

  const stages = data.recording?.stages ?? [];
  const busy = stages.some((s) => s.status === 'pending' || s.status === 'running');
  const waiting = stages.some((s) => s.status === 'waiting');
  useEffect(() => {
    if ((!busy && !waiting) || loading) return;
    const timer = setTimeout(reload, busy ? POLL_MS : WAITING_POLL_MS);
    return () => clearTimeout(timer);
  }, [busy, waiting, loading, reload]);

  const { transcript } = data;
  const saveCorrection = useCallback(
    async (edited: Segment, edit: SegmentEdit): Promise<CorrectionResult> => {
      if (!transcript) throw new Error('There is no transcript to correct yet.');
      const result = await postCorrection(recordingId, correctionOf(transcript, edited, edit));
      reload();
      return result;
    },
    [recordingId, transcript, reload],
  );

  const addNote = useCallback(
    async (text: string, segmentId: string | undefined): Promise<void> => {
      await postNote(recordingId, { text, segmentId });
      reload();
    },
    [recordingId, reload],
  );

  const decideMachineOffer = useCallback(
    async (version: number, decision: 'adopt' | 'keep'): Promise<void> => {
      await postMachineOfferDecision(recordingId, { version, decision });
      reload();
    },
    [recordingId, reload],
  );

  const diff = useTranscriptDiff(recordingId);
  return { data, saveCorrection, addNote, decideMachineOffer, diff };
}
