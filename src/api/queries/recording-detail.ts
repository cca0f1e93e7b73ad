import { collectionCondition, type CollectionScope } from '../../accounts/collection-scope.ts';
import type { Db } from '../../db/database.ts';
import { RecordingNotFound } from '../../recordings/recording-not-found.ts';
import {
  DerivedFileKind,
  type CustodyEvent,
  type DerivedFile,
  type ModelProfile,
  type Recording,
  type StageRun,
} from '../../db/schema.ts';
import { stageRunsByRecording } from './stage-runs.ts';
import { openQuarantines, type QuarantinedFile } from '../../ingest/store-quarantine.ts';

/** A recording with its collection's name and model profile (demo models or configured ones). */
export type RecordingInCollection = Recording & {
  collection_name: string;
  collection_model_profile: ModelProfile;
};

export interface RecordingSourceRow {
  id: string;
  batch_id: string;
  collection_id: string;
  collection_name: string;
  source_path: string;
  archive_path: string | null;
  archive_entry: string | null;
  size_bytes: string;
  modified_at: Date | null;
  received_at: Date;
  batch_actor: string;
  batch_started_at: Date;
}

export interface RecordingDetailRows {
  recording: RecordingInCollection;
  sources: RecordingSourceRow[];
  stageRuns: StageRun[];
  workingCopies: DerivedFile[];
  custody: CustodyEvent[];
  /** Files of this recording quarantined and not restored since. */
  quarantined: QuarantinedFile[];
}

/** A recording in the scope's collections: one outside them is not found, as one that does not exist. */
export async function findRecording(
  db: Db,
  id: string,
  scope: CollectionScope,
): Promise<RecordingInCollection | undefined> {
  return db
    .selectFrom('recordings as r')
    .innerJoin('collections as c', 'c.id', 'r.collection_id')
    .selectAll('r')
    .select(['c.name as collection_name', 'c.model_profile as collection_model_profile'])
    .where('r.id', '=', id)
    .where(collectionCondition('r.collection_id', scope))
    .executeTakeFirst();
}

/**
 * findRecording for a route: a recording that does not exist, or is in a collection the user may
 * not see, is the route's 404 (the same answer, so an id reveals nothing).
 */
export async function requireRecording(
  db: Db,
  id: string,
  scope: CollectionScope,
): Promise<RecordingInCollection> {
  const recording = await findRecording(db, id, scope);
  if (!recording) throw new RecordingNotFound(id);
  return recording;
}

/** Custody events of one recording in the order they were appended. */
export async function custodyEventsOf(db: Db, recordingId: string): Promise<CustodyEvent[]> {
  return db
    .selectFrom('custody_events')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .orderBy('id')
    .execute();
}

export async function workingCopiesOf(db: Db, recordingId: string): Promise<DerivedFile[]> {
  return db
    .selectFrom('derived_files')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .where('kind', '=', DerivedFileKind.WorkingAudio)
    .orderBy('channel')
    .execute();
}

export async function findWorkingCopy(
  db: Db,
  recordingId: string,
  channel: number,
): Promise<DerivedFile | undefined> {
  return db
    .selectFrom('derived_files')
    .selectAll()
    .where('recording_id', '=', recordingId)
    .where('kind', '=', DerivedFileKind.WorkingAudio)
    .where('channel', '=', channel)
    .executeTakeFirst();
}

export async function loadRecordingDetail(
  db: Db,
  id: string,
  scope: CollectionScope,
): Promise<RecordingDetailRows | undefined> {
  const recording = await findRecording(db, id, scope);
  if (!recording) return undefined;
  const [sources, runs, workingCopies, custody, quarantined] = await Promise.all([
    db
      .selectFrom('recording_sources as s')
      .innerJoin('collections as c', 'c.id', 's.collection_id')
      .innerJoin('ingest_batches as b', 'b.id', 's.batch_id')
      .select([
        's.id',
        's.batch_id',
        's.collection_id',
        'c.name as collection_name',
        's.source_path',
        's.archive_path',
        's.archive_entry',
        's.size_bytes',
        's.modified_at',
        's.received_at',
        'b.actor as batch_actor',
        'b.started_at as batch_started_at',
      ])
      .where('s.recording_id', '=', id)
      // The same file received into another collection: that receipt is the other collection's.
      .where(collectionCondition('s.collection_id', scope))
      .orderBy('s.received_at')
      .orderBy('s.id')
      .execute(),
    stageRunsByRecording(db, [id]),
    workingCopiesOf(db, id),
    custodyEventsOf(db, id),
    openQuarantines(db, [id]),
  ]);
  return { recording, sources, stageRuns: runs.get(id) ?? [], workingCopies, custody, quarantined };
}
