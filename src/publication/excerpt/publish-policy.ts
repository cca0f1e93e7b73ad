import { assertMay } from '../../accounts/permissions.ts';
import type { Actor } from '../../accounts/principal.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { Db } from '../../db/database.ts';
import type { VerificationStatus } from '../../db/schema.ts';
import { caseStateOf } from '../../verification/case-store.ts';
import { STATUS_LABELS } from '../../verification/workflow.ts';

/**
 * Who may publish a call: a role with the 'export' permission, and only a call whose case file
 * is verified (docs/verification.md). An admin may publish an unverified call with a reason; the
 * override is its own audit entry ('publication-override'), written before anything is exported.
 */

/** The call's case file is not verified and nobody overrode that (409). */
export class CallNotVerified extends Error {
  constructor(
    readonly recordingId: string,
    readonly status: VerificationStatus,
  ) {
    super(
      `Call ${recordingId} is not verified (its case file is "${STATUS_LABELS[status]}"): only a verified ` +
        'call may be exported for publication. Take the case file to "verified", or an admin may ' +
        'override with a reason.',
    );
  }
}

/** An override asked for by a non-admin, or without a reason (403 / 400 by the message). */
export class PublicationOverrideRefused extends Error {
  constructor(
    message: string,
    readonly byRole: boolean,
  ) {
    super(message);
  }
}

export interface PublishCall {
  id: string;
  collection_id: string;
}

export interface PublishOverride {
  reason: string;
}

export interface PublishDecision {
  status: VerificationStatus;
  /** Present when an admin published an unverified call: the reason and the audit entry. */
  override: { reason: string; auditSeq: string } | null;
}

/**
 * Refuses a publication the principal may not make; an admin's override is recorded in the audit
 * log (the refusal when the log cannot be written: an override nobody can trace is no override).
 */
export async function assertMayPublish(
  db: Db,
  principal: Actor,
  call: PublishCall,
  options: { override?: PublishOverride; address?: string | null } = {},
): Promise<PublishDecision> {
  const { status, reason } = await publishRefusals(db, principal, call, options.override);
  if (status === 'verified') return { status, override: null };
  const entry = await recordAudit(db, {
    actor: principal.name,
    userId: principal.userId,
    action: 'publication-override',
    target: call.id,
    address: options.address ?? null,
    details: { collectionId: call.collection_id, caseStatus: status, reason },
  });
  return { status, override: { reason, auditSeq: String(entry.seq) } };
}

/**
 * Every refusal of assertMayPublish, recording nothing: an export asks it before its slower
 * checks, so that one who may not publish the call hears that first. Answers the reason of an
 * admin's override of an unverified call ('' for a verified one).
 */
export async function publishRefusals(
  db: Db,
  principal: Actor,
  call: PublishCall,
  override: PublishOverride | undefined,
): Promise<{ status: VerificationStatus; reason: string }> {
  assertMay(principal, 'export');
  const { status } = await caseStateOf(db, call.id);
  const reason = override?.reason.trim();
  if (override) {
    if (principal.role !== 'admin')
      throw new PublicationOverrideRefused(
        `Only an admin may export an unverified call for publication; your role is ${principal.role}.`,
        true,
      );
    if (!reason)
      throw new PublicationOverrideRefused(
        'An override needs a reason: say why this call is published before it is verified.',
        false,
      );
  }
  if (status === 'verified') return { status, reason: '' };
  if (!reason) throw new CallNotVerified(call.id, status);
  return { status, reason };
}

/** What the desk's preview says of the policy: the call's case status, and whether an export needs an override. */
export interface PreviewPolicy {
  status: VerificationStatus;
  verified: boolean;
  /** An admin may export this unverified call only with a reason (recorded when exporting). */
  overrideNeeded: boolean;
}

/**
 * The policy of a preview: the same refusals as an export for a role that may not export and for
 * a non-admin on an unverified call; an admin previews an unverified call without an override
 * (a preview publishes nothing), and is told that exporting it will need one.
 */
export async function previewPolicy(db: Db, principal: Actor, call: PublishCall): Promise<PreviewPolicy> {
  assertMay(principal, 'export');
  const { status } = await caseStateOf(db, call.id);
  if (status === 'verified') return { status, verified: true, overrideNeeded: false };
  if (principal.role !== 'admin') throw new CallNotVerified(call.id, status);
  return { status, verified: false, overrideNeeded: true };
}
