import type { Db } from '../db/database.ts';
import type { CustodyAction } from '../db/schema.ts';
import type { StageName } from '../jobs/stages.ts';
import type { AudioProbe } from '../media/probe.ts';
import { toolVersions } from '../runtime/tool-versions.ts';

/**
 * The one writer of the append-only custody log (migrations 0001 and 0008). Each action has its
 * own typed details, so every writer (ingest, the stages, human corrections) records the same
 * facts under the same names, and a new action cannot be logged without saying what it carries.
 */

export interface CustodyDetails {
  /** A source was seen (a file, an archive entry, or an input refused before reading it). */
  received: {
    sourcePath: string;
    archivePath?: string | null;
    archiveEntry?: string | null;
    announcedSizeBytes: number | null;
    modifiedAt?: string | null;
    /** For an archive entry: the CRC-32 (hex) and sizes the archive's directory records. */
    archiveCrc32?: string;
    archiveCompressedSize?: number;
    archiveUncompressedSize?: number;
    /** Set for a file that is not audio: the call-records sidecar of a batch. */
    role?: 'metadata-sidecar';
    /** How a sidecar's bytes were decoded (utf-8, windows-1251, ...). */
    encoding?: string;
  };
  hashed: { algorithm: 'sha256'; sha256: string; sizeBytes: number };
  stored: { storePath: string; alreadyInStore: boolean; mode: '0444' };
  duplicate: { recordingId: string; storePath: string; restoredMissingOriginal?: boolean };
  probed: Pick<
    AudioProbe,
    'container' | 'codec' | 'sampleRate' | 'channels' | 'durationSeconds' | 'bitRate'
  > & {
    decodedHeadSeconds: number;
    decodedTailSeconds: number;
    decodeCheck: 'decoded' | 'pcm-header';
  };
  metadata: {
    origin: string | null;
    caller: string | null;
    callee: string | null;
    startedAt: string | null;
    timezone: string | null;
    problems: string[];
  };
  rejected: { reasonCode: string; reason: string };
  /** A stage made something from the evidence; what it made and with which engine follow. */
  derived: {
    stage: StageName;
    worker: string;
    jobId: string;
    force: boolean;
    [detail: string]: unknown;
  };
  /**
   * A stored file did not hash to its recorded SHA-256: it was moved out of the store, bytes
   * kept, to `quarantinePath` (relative to the data folder). Nothing is put in its place.
   */
  quarantined: {
    kind: 'original' | 'working copy';
    storePath: string;
    expectedSha256: string;
    foundSha256: string;
    sizeBytes: number;
    quarantinePath: string;
  };
  /** A copy whose SHA-256 equals the recorded one was put back as the original (read-only). */
  restored: {
    kind: 'original';
    storePath: string;
    sourcePath: string;
    sizeBytes: number;
    /** The store already held the right bytes (put back by hand): nothing was copied. */
    alreadyInStore: boolean;
    mode: '0444';
  };
  /**
   * A person saved a corrected transcript version, decided on a newer machine version offered
   * while their correction was current (src/transcripts/machine-offer.ts), or corrected a
   * segment's translation.
   */
  corrected:
    | {
        stage: 'correction';
        kind: 'human';
        transcriptId: string;
        version: number;
        basedOnVersion: number;
        segments: { kept: number; edited: number; added: number; removed: number };
        rerun: StageName[];
        /** Changed words aligned to the audio or estimated, and why any were estimated (absent before issue 15). */
        wordTiming?: { aligned: number; estimated: number; notes: string[] };
      }
    | {
        stage: 'machine-transcript-decision';
        decision: 'adopted' | 'kept';
        machineVersion: number;
        machineTranscriptId: string;
        previousCurrentVersion: number;
        currentVersion: number;
        rerun: StageName[];
      }
    | {
        stage: 'translation-correction';
        kind: 'human';
        targetLanguage: string;
        /** The transcript version and segment whose English the person wrote. */
        transcriptId: string;
        version: number;
        segmentId: string;
        translationId: string;
        /** The translation they edited; null when the segment had none. */
        basedOnTranslationId: string | null;
      };
  /** Evidence for a verification case step was stored write-once (migration 0021). */
  attached: {
    attachmentId: string;
    caseEventId: string;
    storePath: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    user: string;
  };
}

/** One event: an action with the details of that action. */
export type CustodyEvent = {
  [A in CustodyAction]: { action: A; details: CustodyDetails[A]; occurredAt?: Date };
}[CustodyAction];

/** What the events are about and who logged them with which tools. */
export interface CustodySubject {
  recordingId: string | null;
  actor: string;
  sha256: string | null;
  toolVersions: Record<string, string>;
  batchId?: string | null;
  sourcePath?: string | null;
}

/** Appends the events; pass the transaction of the rows they describe. */
export async function writeCustodyEvents(
  db: Db,
  subject: CustodySubject,
  events: readonly CustodyEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const toolVersions = JSON.stringify(subject.toolVersions);
  await db
    .insertInto('custody_events')
    .values(
      events.map((e) => ({
        recording_id: subject.recordingId,
        batch_id: subject.batchId ?? null,
        action: e.action,
        actor: subject.actor,
        // Left out: the database's clock at insert.
        ...(e.occurredAt ? { occurred_at: e.occurredAt } : {}),
        source_path: subject.sourcePath ?? null,
        sha256: subject.sha256,
        tool_versions: toolVersions,
        details: JSON.stringify(e.details),
      })),
    )
    .execute();
}

/**
 * The custody events of one ingested source, collected as each action happens (with its own
 * time) and written in the same transaction as the rows they describe, so the log never tells
 * of a recording that was not stored, nor misses one that was.
 */
export class CustodyTrail {
  private events: CustodyEvent[] = [];

  constructor(
    private readonly context: {
      batchId: string;
      actor: string;
      sourcePath: string;
    },
  ) {}

  add<A extends CustodyAction>(action: A, details: CustodyDetails[A]): void {
    this.events.push({ action, details, occurredAt: new Date() } as CustodyEvent);
  }

  /** Drops events that turned out not to apply (a recording stored by a concurrent source). */
  drop(actions: CustodyAction[]): void {
    this.events = this.events.filter((e) => !actions.includes(e.action));
  }

  actions(): CustodyAction[] {
    return this.events.map((e) => e.action);
  }

  async write(trx: Db, recordingId: string | null, sha256: string | null): Promise<void> {
    await writeCustodyEvents(
      trx,
      { ...this.context, recordingId, sha256, toolVersions: toolVersions() },
      this.events,
    );
  }
}
