import { writeCustodyEvents } from '../custody/custody-log.ts';
import type { Db } from '../db/database.ts';
import type { MachineTranscriptDecision } from '../db/schema.ts';
import type { StageName } from '../jobs/stages.ts';
import { toolVersions } from '../runtime/tool-versions.ts';
import { markRerunPending } from './rerun.ts';
import { listTranscriptVersions, lockCallTranscripts, type TranscriptVersion } from './transcript-store.ts';

/**
 * Corrections win: a machine run made while a person's version is current does not replace it
 * (the database keeps the current pointer, migration 0027). The newer machine version is offered
 * until a person decides: adopt it (it becomes current; translate and analyse run again on it,
 * as after a correction) or keep the correction (the offer goes away). A later machine run is
 * offered afresh. A person who corrects the current version instead lets the offer lapse: their
 * correction is the newest version.
 */

export interface MachineOffer {
  /** The newer machine version offered. */
  offered: TranscriptVersion;
  /** The person's version that stays current until someone decides. */
  current: TranscriptVersion;
}

/** The offered version is not (or no longer) waiting for a decision (409). */
export class MachineOfferConflict extends Error {}

/** What a decision was asked about does not exist (404). */
export class MachineVersionNotFound extends Error {}

/**
 * The newer machine version waiting for a decision, if any: the newest version, when it is a
 * machine version that is not current and nobody has decided on it.
 */
export async function machineOfferOf(
  db: Db,
  recordingId: string,
  versions?: readonly TranscriptVersion[],
): Promise<MachineOffer | undefined> {
  const all = versions ?? (await listTranscriptVersions(db, recordingId));
  const newest = all.at(-1);
  const current = all.find((v) => v.is_current);
  if (!newest || !current || newest.is_current || newest.kind !== 'machine') return undefined;
  const decided = await db
    .selectFrom('machine_transcript_decisions')
    .select('id')
    .where('transcript_id', '=', newest.id)
    .executeTakeFirst();
  return decided ? undefined : { offered: newest, current };
}

export interface MachineOfferDecision {
  recordingId: string;
  /** The version number of the offered machine transcript (what the person looked at). */
  version: number;
  decision: MachineTranscriptDecision;
  author: string;
}

export interface DecidedMachineOffer {
  decision: MachineTranscriptDecision;
  /** The version current after the decision. */
  currentVersion: number;
  /** Stages marked pending to run on the adopted version (none when the correction is kept). */
  rerun: StageName[];
}

/** Records a person's decision on the offered machine version, with a custody event. */
export async function decideMachineOffer(db: Db, input: MachineOfferDecision): Promise<DecidedMachineOffer> {
  return db.transaction().execute(async (trx) => {
    // The same lock as a correction: a decision and a correction of one call take turns.
    const recording = await lockCallTranscripts(trx, input.recordingId);
    const versions = await listTranscriptVersions(trx, input.recordingId);
    if (!versions.some((v) => v.version === input.version)) {
      throw new MachineVersionNotFound(
        `recording ${input.recordingId} has no transcript version ${input.version}`,
      );
    }
    const offer = await machineOfferOf(trx, input.recordingId, versions);
    if (!offer || offer.offered.version !== input.version) {
      throw new MachineOfferConflict(
        `version ${input.version} is not a newer machine transcript waiting for a decision` +
          (offer ? ` (version ${offer.offered.version} is)` : ' (nothing is waiting)') +
          '. Reload the call to see its versions as they are now.',
      );
    }
    await trx
      .insertInto('machine_transcript_decisions')
      .values({
        recording_id: input.recordingId,
        transcript_id: offer.offered.id,
        current_transcript_id: offer.current.id,
        decision: input.decision,
        decided_by: input.author,
      })
      .execute();
    const adopted = input.decision === 'adopted';
    if (adopted) await makeCurrent(trx, input.recordingId, offer);
    const rerun = adopted ? await markRerunPending(trx, input.recordingId) : [];
    // The custody log says who chose which version the call's findings rest on.
    await writeCustodyEvents(
      trx,
      {
        recordingId: input.recordingId,
        actor: input.author,
        sha256: recording.sha256,
        toolVersions: toolVersions(),
      },
      [
        {
          action: 'corrected',
          details: {
            stage: 'machine-transcript-decision',
            decision: input.decision,
            machineVersion: offer.offered.version,
            machineTranscriptId: offer.offered.id,
            previousCurrentVersion: offer.current.version,
            currentVersion: adopted ? offer.offered.version : offer.current.version,
            rerun,
          },
        },
      ],
    );
    return {
      decision: input.decision,
      currentVersion: adopted ? offer.offered.version : offer.current.version,
      rerun,
    };
  });
}

/** Moves the current pointer; search's superseded list and the analysis (trigger) follow. */
async function makeCurrent(trx: Db, recordingId: string, offer: MachineOffer): Promise<void> {
  await trx
    .updateTable('latest_transcripts')
    .set({ transcript_id: offer.offered.id, version: offer.offered.version })
    .where('recording_id', '=', recordingId)
    .execute();
  await trx.deleteFrom('superseded_transcripts').where('transcript_id', '=', offer.offered.id).execute();
  await trx
    .insertInto('superseded_transcripts')
    .values({ transcript_id: offer.current.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
