import type { CustodyEvent, Recording } from '../../db/schema.ts';
import type { CustodyEventResponse } from '../schemas/recordings.ts';
import { iso } from './dates.ts';

export function presentCustodyEvent(event: CustodyEvent): CustodyEventResponse {
  return {
    id: String(event.id),
    action: event.action,
    actor: event.actor,
    occurredAt: iso(event.occurred_at),
    recordedAt: event.recorded_at ? iso(event.recorded_at) : null,
    batchId: event.batch_id,
    sourcePath: event.source_path,
    sha256: event.sha256,
    toolVersions: event.tool_versions,
    details: event.details,
  };
}

export function presentCustody(recording: Recording, events: CustodyEvent[]) {
  return { recordingId: recording.id, sha256: recording.sha256, events: events.map(presentCustodyEvent) };
}
