import type { Category } from './categories.ts';
import { getJson, queryString, type QueryValue } from './http.ts';

// Shapes of GET /api/recordings and /api/recordings/:id (src/api/schemas/recordings.ts), plus the
// list's analysis fields from the session contract (H5).

export type StageStatus = 'pending' | 'running' | 'done' | 'failed';

export interface StageRun {
  stage: string;
  status: StageStatus;
  attempts: number;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

export interface CallMetadata {
  callerNumber: string | null;
  callerRaw: string | null;
  calleeNumber: string | null;
  calleeRaw: string | null;
  startedAt: string | null;
  timezone: string | null;
  durationSeconds: number | null;
  cellId: string | null;
  locationText: string | null;
  source: string | null;
  batch: string | null;
  origin: 'sidecar' | 'filename' | null;
  extra: Record<string, unknown>;
}

export interface Casualties {
  killed: number | null;
  wounded: number | null;
  missing: number | null;
}

export interface RecordingAnalysisSummary {
  triageScore: number;
  counts: Partial<Record<Category, number>>;
  casualties: Casualties;
  categories: Category[];
}

export interface RecordingSummary {
  id: string;
  collection: { id: string; name: string };
  originalFilename: string;
  sha256: string;
  sizeBytes: number;
  probe: {
    container: string | null;
    codec: string | null;
    sampleRate: number | null;
    channels: number | null;
    durationSeconds: number | null;
    bitRate: number | null;
  };
  call: CallMetadata;
  stages: StageRun[];
  createdAt: string;
  /** Added by the analysis work; absent on servers without it. */
  analysis?: RecordingAnalysisSummary | null;
  lanes?: number;
  /** Languages of the latest transcript's segments, most segments first; empty without one. */
  languages?: string[];
}

export interface RecordingList {
  items: RecordingSummary[];
  total: number;
  limit: number;
  offset: number;
}

export interface WorkingCopy {
  channel: number;
  sha256: string;
  sizeBytes: number;
  sampleRate: number;
  durationSeconds: number | null;
  stage: string;
  createdAt: string;
  audioUrl: string;
}

export interface CustodyEvent {
  id: string;
  action: string;
  actor: string;
  occurredAt: string;
  batchId: string | null;
  sourcePath: string | null;
  sha256: string | null;
  toolVersions: Record<string, unknown>;
  details: Record<string, unknown>;
}

export interface RecordingSource {
  id: string;
  sourcePath: string;
  archivePath: string | null;
  archiveEntry: string | null;
  sizeBytes: number;
  modifiedAt: string | null;
  receivedAt: string;
  collection: { id: string; name: string };
  batch: { id: string; actor: string; startedAt: string };
}

export interface RecordingDetail extends RecordingSummary {
  originalAudioUrl: string;
  channels: { channel: number; workingCopy: WorkingCopy | null }[];
  workingCopies: WorkingCopy[];
  sources: RecordingSource[];
  custody: CustodyEvent[];
}

/** Filters shared by the Calls and Search pages; they travel in the page's URL. */
export interface CallFilters {
  collection?: string;
  from?: string;
  to?: string;
  category?: string;
  place?: string;
  phone?: string;
  stage?: string;
  status?: string;
  minTriage?: string;
  /** Only calls from / to this number (E.164): one edge of the call graph. */
  caller?: string;
  callee?: string;
  /** 'true': only calls without a start time. */
  undated?: string;
}

export interface RecordingListParams extends CallFilters {
  sort?: 'call_started_at' | 'created_at' | 'triage';
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export function listRecordings(params: RecordingListParams, signal?: AbortSignal): Promise<RecordingList> {
  return getJson(`/api/recordings${queryString(params as unknown as Record<string, QueryValue>)}`, signal);
}

export function getRecording(id: string, signal?: AbortSignal): Promise<RecordingDetail> {
  return getJson(`/api/recordings/${encodeURIComponent(id)}`, signal);
}

export interface Collection {
  id: string;
  name: string;
  description: string | null;
  recordingCount: number;
  createdAt: string;
}

export function listCollections(signal?: AbortSignal): Promise<{ items: Collection[] }> {
  return getJson('/api/collections', signal);
}

export function workingAudioUrl(recordingId: string, channel: number): string {
  return `/api/recordings/${encodeURIComponent(recordingId)}/audio/working?channel=${channel}`;
}
