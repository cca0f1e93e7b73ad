import { sql } from 'kysely';
import { writeCustodyEvents } from '../custody/custody-log.ts';
import type { Db } from '../db/database.ts';
import type { VerificationStatus } from '../db/schema.ts';
import { toolVersions } from '../runtime/tool-versions.ts';
import { commitAttachment, type StagedAttachment } from './attachments.ts';
import { applyStep, STATUS_LABELS, type CaseAction, type CaseState, type StepOutcome } from './workflow.ts';

/**
 * The one writer of verification case files (migration 0021): the case row (current state), its
 * append-only events, and its attachments with their 'attached' custody events, all in one
 * transaction. The case row is locked for the step, and the step names the status the user saw:
 * of two people moving the same case at once, the second is refused (CaseChanged, 409).
 */

/** The case moved since the user saw it (409): they reload and decide again. */
export class CaseChanged extends Error {}

export interface CaseStepInput {
  recordingId: string;
  collectionId: string;
  /** The call's original: the custody log's events of a call carry its SHA-256. */
  recordingSha256: string;
  action: CaseAction;
  /** The status the user saw; the step is refused when the case is no longer there. */
  expectedStatus: VerificationStatus;
  to?: VerificationStatus;
  reason?: string;
  note?: string;
  links: string[];
  attachments: readonly StagedAttachment[];
  user: { id: string; name: string; maySignOff: boolean };
}

export interface CaseStepResult {
  eventId: string;
  outcome: StepOutcome;
  attachments: { id: string; sha256: string; sizeBytes: number; fileName: string; storePath: string }[];
}

const UNVERIFIED: CaseState = { status: 'unverified', proposedBy: null, heldStatus: null };

/** The case as it stands (no row: unverified), read without a lock. */
export async function caseStateOf(db: Db, recordingId: string): Promise<CaseState> {
  const row = await db
    .selectFrom('verification_cases')
    .select(['status', 'proposed_by', 'held_status'])
    .where('recording_id', '=', recordingId)
    .executeTakeFirst();
  return row ? { status: row.status, proposedBy: row.proposed_by, heldStatus: row.held_status } : UNVERIFIED;
}

function stepRequest(input: CaseStepInput) {
  return {
    action: input.action,
    to: input.to,
    userId: input.user.id,
    maySignOff: input.user.maySignOff,
    reason: input.reason,
    hasEvidence: Boolean(input.note?.trim()) || input.links.length > 0 || input.attachments.length > 0,
  };
}

function assertExpected(state: CaseState, expected: VerificationStatus): void {
  if (state.status !== expected)
    throw new CaseChanged(
      `The case changed while you looked at it: it is now "${STATUS_LABELS[state.status]}", not ` +
        `"${STATUS_LABELS[expected]}". Reload the case file and decide again; nothing was saved.`,
    );
}

/**
 * Checks a step against the case as it stands, before any file of it is streamed: a step the
 * rules refuse (a jump, a sign-off by the proposer) stores nothing. `assumeEvidence` lets a step
 * whose only evidence is files yet to come pass; the step itself is checked again under the lock.
 */
export async function precheckCaseStep(
  db: Db,
  input: Omit<CaseStepInput, 'attachments' | 'collectionId' | 'recordingSha256'>,
  assumeEvidence: boolean,
): Promise<void> {
  const state = await caseStateOf(db, input.recordingId);
  assertExpected(state, input.expectedStatus);
  const request = stepRequest({ ...input, collectionId: '', recordingSha256: '', attachments: [] });
  applyStep(state, { ...request, hasEvidence: request.hasEvidence || assumeEvidence });
}

/** Records one step: case row, event, attachments and their custody events, or nothing. */
export async function recordCaseStep(
  db: Db,
  attachmentsDir: string,
  input: CaseStepInput,
): Promise<CaseStepResult> {
  return db.transaction().execute(async (trx) => {
    // The row exists from the first step on; creating it first gives every step a row to lock.
    await trx
      .insertInto('verification_cases')
      .values({ recording_id: input.recordingId, collection_id: input.collectionId, status: 'unverified' })
      .onConflict((oc) => oc.column('recording_id').doNothing())
      .execute();
    const row = await trx
      .selectFrom('verification_cases')
      .select(['status', 'proposed_by', 'held_status'])
      .where('recording_id', '=', input.recordingId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const state: CaseState = { status: row.status, proposedBy: row.proposed_by, heldStatus: row.held_status };
    assertExpected(state, input.expectedStatus);
    const outcome = applyStep(state, stepRequest(input));

    await trx
      .updateTable('verification_cases')
      .set({
        status: outcome.to,
        proposed_by: outcome.proposedBy,
        proposed_at:
          outcome.proposedBy === null
            ? null
            : state.proposedBy === null
              ? sql`clock_timestamp()`
              : sql`proposed_at`,
        held_status: outcome.heldStatus,
        updated_at: sql`clock_timestamp()`,
        updated_by: input.user.id,
      })
      .where('recording_id', '=', input.recordingId)
      .execute();
    const event = await trx
      .insertInto('verification_case_events')
      .values({
        recording_id: input.recordingId,
        kind: outcome.kind,
        from_status: outcome.from,
        to_status: outcome.to,
        step: outcome.step,
        reason: input.reason?.trim() || null,
        note: input.note?.trim() || null,
        links: JSON.stringify(input.links),
        user_id: input.user.id,
        actor: input.user.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const attachments: CaseStepResult['attachments'] = [];
    for (const attachment of input.attachments) {
      attachments.push(await storeAttachment(trx, attachmentsDir, input, event.id, attachment));
    }
    return { eventId: event.id, outcome, attachments };
  });
}

/**
 * Links one staged file into the store and records it with its custody event. The file is in
 * the store before the transaction commits: a rollback leaves an unreferenced blob (harmless in
 * a content-addressed store), never a row whose file is missing.
 */
async function storeAttachment(
  trx: Db,
  attachmentsDir: string,
  input: CaseStepInput,
  eventId: string,
  attachment: StagedAttachment,
): Promise<CaseStepResult['attachments'][number]> {
  const { sha256, sizeBytes } = attachment.staged;
  const storePath = commitAttachment(attachmentsDir, attachment);
  const row = await trx
    .insertInto('case_attachments')
    .values({
      recording_id: input.recordingId,
      event_id: eventId,
      sha256,
      size_bytes: sizeBytes,
      file_name: attachment.fileName,
      media_type: attachment.mediaType,
      store_path: storePath,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeCustodyEvents(
    trx,
    {
      recordingId: input.recordingId,
      actor: input.user.name,
      sha256: input.recordingSha256,
      toolVersions: toolVersions(),
    },
    [
      {
        action: 'attached',
        details: {
          attachmentId: row.id,
          caseEventId: eventId,
          storePath,
          fileName: attachment.fileName,
          mediaType: attachment.mediaType,
          sizeBytes,
          user: input.user.name,
        },
      },
    ],
  );
  return { id: row.id, sha256, sizeBytes, fileName: attachment.fileName, storePath };
}
