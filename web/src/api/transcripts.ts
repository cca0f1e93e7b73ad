import type { SegmentChange } from '../../../src/transcripts/transcript-diff.ts';
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
  /** Null when the segment's language is not covered. */
  text: string | null;
  status: 'translated' | 'empty-source' | 'unsupported-language';
  engine: string;
  model: string | null;
  stale: boolean;
}

export interface Segment {
  id: string;
  position: number;
  channel: number;
  /** 'caller', 'callee', 'speaker 2', 'speaker unknown'… */
  lane: string;
  speaker: string | null;
  start: number;
  end: number;
  text: string;
  language: string | null;
  confidence: number | null;
  /** Empty for text a person changed. */
  words: Word[];
  sourceSegmentId?: string | null;
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
  lane: string;
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

export function postCorrection(recordingId: string, body: CorrectionRequest): Promise<CorrectionResult> {
  return postJson(`/api/recordings/${encodeURIComponent(recordingId)}/transcripts`, body);
}

// The diff's segment shapes are the server's own (src/transcripts/transcript-diff.ts), sent as JSON.
export type { DiffSegment, SegmentChange } from '../../../src/transcripts/transcript-diff.ts';

export interface TranscriptDiff {
  from: TranscriptVersion;
  to: TranscriptVersion;
  summary: { added: number; removed: number; changed: number; unchanged: number };
  changes: SegmentChange[];
}

export interface CorrectionResult {
  transcript: TranscriptVersion;
  segments: { kept: number; edited: number; added: number; removed: number };
  rerun: { stages: string[]; queued: boolean };
}

export function getTranscriptDiff(recordingId: string, from: number, to: number): Promise<TranscriptDiff> {
  return getJson(
    `/api/recordings/${encodeURIComponent(recordingId)}/transcripts/diff${queryString({ from, to })}`,
  );
}

export interface Note {
  id: string;
  segmentId: string | null;
  transcriptVersion: number | null;
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
