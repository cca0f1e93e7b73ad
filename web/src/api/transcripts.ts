import { getJson, postJson, queryString } from './http.ts';

// Transcripts, corrections and notes (session contract, H6).

export interface TranscriptVersion {
  id: string;
  version: number;
  kind: 'machine' | 'human';
  basedOnVersion: number | null;
  createdBy: string;
  createdAt: string;
  model: string | null;
  modelFiles?: unknown;
  decoding?: unknown;
  language: string | null;
}

export interface Word {
  w: string;
  start: number;
  end: number;
  conf: number | null;
}

export interface SegmentTranslation {
  text: string;
  status: string;
  engine: string | null;
  model: string | null;
  stale: boolean;
}

export interface Segment {
  id: string;
  position: number;
  channel: number;
  lane: number;
  speaker: string | null;
  start: number;
  end: number;
  text: string;
  language: string | null;
  confidence: number | null;
  words: Word[] | null;
  translation: SegmentTranslation | null;
}

export interface TranscriptResponse {
  transcript: TranscriptVersion;
  isLatest: boolean;
  segments: Segment[];
}

export function listTranscriptVersions(recordingId: string): Promise<{ versions: TranscriptVersion[] }> {
  return getJson(`/api/recordings/${encodeURIComponent(recordingId)}/transcripts`);
}

export function getTranscript(recordingId: string, version?: number): Promise<TranscriptResponse> {
  return getJson(`/api/recordings/${encodeURIComponent(recordingId)}/transcript${queryString({ version })}`);
}

export interface CorrectedSegment {
  position?: number;
  sourceSegmentId?: string;
  channel: number;
  lane: number;
  speaker?: string | null;
  start: number;
  end: number;
  text: string;
}

export interface CorrectionRequest {
  baseVersion: number;
  author?: string;
  segments: CorrectedSegment[];
}

export function postCorrection(recordingId: string, body: CorrectionRequest): Promise<unknown> {
  return postJson(`/api/recordings/${encodeURIComponent(recordingId)}/transcripts`, body);
}

/**
 * The diff's exact per-segment shape is the server's; the desk reads the fields it knows and shows
 * the rest verbatim, so a richer diff never hides a change.
 */
export interface DiffWordOp {
  op?: string;
  type?: string;
  text?: string;
  w?: string;
  value?: string;
}

export interface SegmentChange {
  change?: string;
  kind?: string;
  type?: string;
  position?: number;
  fromSegmentId?: string | null;
  toSegmentId?: string | null;
  before?: Partial<Segment> | null;
  after?: Partial<Segment> | null;
  from?: Partial<Segment> | null;
  to?: Partial<Segment> | null;
  words?: DiffWordOp[];
  wordDiff?: DiffWordOp[];
  [key: string]: unknown;
}

export interface TranscriptDiff {
  from?: unknown;
  to?: unknown;
  changes?: SegmentChange[];
  segments?: SegmentChange[];
  [key: string]: unknown;
}

export function getTranscriptDiff(recordingId: string, from: number, to: number): Promise<TranscriptDiff> {
  return getJson(
    `/api/recordings/${encodeURIComponent(recordingId)}/transcripts/diff${queryString({ from, to })}`,
  );
}

export interface Note {
  id: string;
  segmentId: string | null;
  text: string;
  author: string;
  createdAt: string;
}

export function listNotes(recordingId: string): Promise<{ notes: Note[] }> {
  return getJson(`/api/recordings/${encodeURIComponent(recordingId)}/notes`);
}

export function postNote(
  recordingId: string,
  body: { segmentId?: string; text: string; author?: string },
): Promise<unknown> {
  return postJson(`/api/recordings/${encodeURIComponent(recordingId)}/notes`, body);
}
