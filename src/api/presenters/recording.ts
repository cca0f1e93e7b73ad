import type { DerivedFile, ModelProfile, Recording, StageRun } from '../../db/schema.ts';
import type { RecordingDetailRows, RecordingSourceRow } from '../queries/recording-detail.ts';
import type {
  RecordingDetailResponse,
  RecordingSummaryResponse,
  SourceResponse,
  WorkingCopyResponse,
} from '../schemas/recordings.ts';
import { presentCustodyEvent } from './custody.ts';
import { iso, isoOrNull } from './dates.ts';
import { presentStageRun } from './stage-run.ts';
import { quarantineMessage } from '../../ingest/store-quarantine.ts';

type RecordingWithCollection = Recording & {
  collection_name: string;
  collection_model_profile: ModelProfile;
};

export const originalAudioUrl = (id: string): string => `/api/recordings/${id}/audio/original`;
export const workingAudioUrl = (id: string, channel: number): string =>
  `/api/recordings/${id}/audio/working?channel=${channel}`;

export function presentRecordingSummary(
  r: RecordingWithCollection,
  runs: StageRun[],
): RecordingSummaryResponse {
  return {
    id: r.id,
    collection: {
      id: r.collection_id,
      name: r.collection_name,
      demoModels: r.collection_model_profile === 'demo',
    },
    originalFilename: r.original_filename,
    sha256: r.sha256,
    sizeBytes: Number(r.size_bytes),
    probe: {
      container: r.container,
      codec: r.codec,
      sampleRate: r.sample_rate,
      channels: r.channels,
      durationSeconds: r.duration_seconds,
      bitRate: r.bit_rate,
    },
    call: {
      callerNumber: r.caller_number,
      callerRaw: r.caller_raw,
      calleeNumber: r.callee_number,
      calleeRaw: r.callee_raw,
      startedAt: isoOrNull(r.call_started_at),
      timezone: r.call_timezone,
      durationSeconds: r.call_duration_seconds,
      cellId: r.cell_id,
      locationText: r.location_text,
      source: r.call_source,
      batch: r.call_batch,
      origin: r.metadata_origin,
      extra: r.metadata_extra,
    },
    stages: runs.map(presentStageRun),
    createdAt: iso(r.created_at),
  };
}

export function presentWorkingCopy(file: DerivedFile): WorkingCopyResponse {
  return {
    channel: file.channel,
    sha256: file.sha256,
    sizeBytes: Number(file.size_bytes),
    sampleRate: file.sample_rate,
    durationSeconds: file.duration_seconds,
    stage: file.stage,
    toolVersions: file.tool_versions,
    createdAt: iso(file.created_at),
    audioUrl: workingAudioUrl(file.recording_id, file.channel),
  };
}

function presentSource(s: RecordingSourceRow): SourceResponse {
  return {
    id: s.id,
    sourcePath: s.source_path,
    archivePath: s.archive_path,
    archiveEntry: s.archive_entry,
    sizeBytes: Number(s.size_bytes),
    modifiedAt: isoOrNull(s.modified_at),
    receivedAt: iso(s.received_at),
    collection: { id: s.collection_id, name: s.collection_name },
    batch: { id: s.batch_id, actor: s.batch_actor, startedAt: iso(s.batch_started_at) },
  };
}

export function presentRecordingDetail(rows: RecordingDetailRows): RecordingDetailResponse {
  const { recording } = rows;
  const workingCopies = rows.workingCopies.map(presentWorkingCopy);
  // Channels as the probe counted them, plus any channel a working copy exists for.
  const channelNumbers = new Set<number>();
  for (let c = 0; c < (recording.channels ?? 0); c++) channelNumbers.add(c);
  for (const copy of workingCopies) channelNumbers.add(copy.channel);
  const channels = [...channelNumbers]
    .sort((a, b) => a - b)
    .map((channel) => ({ channel, workingCopy: workingCopies.find((w) => w.channel === channel) ?? null }));
  return {
    ...presentRecordingSummary(recording, rows.stageRuns),
    originalAudioUrl: originalAudioUrl(recording.id),
    channels,
    workingCopies,
    sources: rows.sources.map(presentSource),
    custody: rows.custody.map(presentCustodyEvent),
    quarantined: rows.quarantined.map((q) => ({
      kind: q.kind,
      path: q.storePath,
      expectedSha256: q.expectedSha256,
      foundSha256: q.foundSha256,
      quarantinedAt: q.quarantinedAt.toISOString(),
      message: quarantineMessage(q),
    })),
  };
}
