import { getJson, postJson, queryString } from './http.ts';
import type { GetResponse, PostBody, PostResponse } from './openapi.ts';

// Transcripts, corrections and notes: the shapes are the server's own, from its OpenAPI document
// (src/api/schemas/transcripts.ts and notes.ts → openapi-types.ts).

export type TranscriptVersionList = GetResponse<'/api/recordings/{id}/transcripts'>;
export type TranscriptVersion = TranscriptVersionList['versions'][number];

export type TranscriptResponse = GetResponse<'/api/recordings/{id}/transcript'>;
export type Segment = TranscriptResponse['segments'][number];
/** A recognised word; segments a person changed have none. */
export type Word = Segment['words'][number];

export function listTranscriptVersions(
  recordingId: string,
  signal?: AbortSignal,
): Promise<TranscriptVersionList> {
  return getJson(`/api/recordings/${encodeURIComponent(recordingId)}/transcripts`, signal);
}

export function getTranscript(
  recordingId: string,
  version?: number,
  signal?: AbortSignal,
): Promise<TranscriptResponse> {
  return getJson(
    `/api/recordings/${encodeURIComponent(recordingId)}/transcript${queryString({ version })}`,
    signal,
  );
}

export type CorrectionRequest = PostBody<'/api/recordings/{id}/transcripts'>;
export type CorrectionResult = PostResponse<'/api/recordings/{id}/transcripts', 201>;

export function postCorrection(recordingId: string, body: CorrectionRequest): Promise<CorrectionResult> {
  return postJson(`/api/recordings/${encodeURIComponent(recordingId)}/transcripts`, body);
}

export type MachineOfferDecision = PostBody<'/api/recordings/{id}/transcripts/machine-offer'>;
export type MachineOfferDecided = PostResponse<'/api/recordings/{id}/transcripts/machine-offer', 200>;

/** Adopt a newer machine transcript, or keep the human correction that is current. */
export function postMachineOfferDecision(
  recordingId: string,
  body: MachineOfferDecision,
): Promise<MachineOfferDecided> {
  return postJson(`/api/recordings/${encodeURIComponent(recordingId)}/transcripts/machine-offer`, body);
}

export type TranscriptDiff = GetResponse<'/api/recordings/{id}/transcripts/diff'>;
export type SegmentChange = TranscriptDiff['changes'][number];
export type DiffSegment = NonNullable<SegmentChange['from']>;

export function getTranscriptDiff(
  recordingId: string,
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<TranscriptDiff> {
  return getJson(
    `/api/recordings/${encodeURIComponent(recordingId)}/transcripts/diff${queryString({ from, to })}`,
    signal,
  );
}

export type NoteList = GetResponse<'/api/recordings/{id}/notes'>;
export type Note = NoteList['notes'][number];
export type NoteRequest = PostBody<'/api/recordings/{id}/notes'>;
export type CreatedNote = PostResponse<'/api/recordings/{id}/notes', 201>;

export function listNotes(recordingId: string, signal?: AbortSignal): Promise<NoteList> {
  return getJson(`/api/recordings/${encodeURIComponent(recordingId)}/notes`, signal);
}

export function postNote(recordingId: string, body: NoteRequest): Promise<CreatedNote> {
  return postJson(`/api/recordings/${encodeURIComponent(recordingId)}/notes`, body);
}
