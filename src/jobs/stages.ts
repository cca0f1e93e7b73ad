/**
 * The pipeline's stages, declared in one place, in the order they run for every recording.
 *
 * Adding a stage is three lines: its name in STAGE_ORDER, its payload in StagePayloads, and its
 * handler in the explicit list in ./handlers.ts (plus the handler's own file under ./stages/).
 */
export const STAGE_ORDER = ['decode', 'fingerprint', 'vad', 'transcribe', 'translate', 'analyse'] as const;

export type StageName = (typeof STAGE_ORDER)[number];

/** What every per-recording job carries. */
export interface RecordingStagePayload {
  recordingId: string;
  /** Redo even if the stage is done; passed on to the stages after it (their input changed). */
  force?: boolean;
}

/** The typed payload of each stage's jobs. */
export interface StagePayloads {
  decode: RecordingStagePayload;
  fingerprint: RecordingStagePayload;
  vad: RecordingStagePayload;
  transcribe: RecordingStagePayload;
  translate: RecordingStagePayload;
  analyse: RecordingStagePayload;
}

export function isStageName(value: string): value is StageName {
  return (STAGE_ORDER as readonly string[]).includes(value);
}
