import type { VerificationEventKind, VerificationStatus } from '../db/schema.ts';

/**
 * The verification workflow of a call's case file (docs/verification.md), as pure rules: given
 * the case as it stands and the step a user asks for, the case after it, or a refusal that names
 * what is allowed instead. The store (case-store.ts) applies the answer under a row lock.
 *
 *   unverified → number_attributed → identity_corroborated → context_confirmed → verified
 *
 * one step at a time. 'verified' takes two people: one proposes it (the case stays
 * context_confirmed with the proposal pending), another with the sign-off permission signs it
 * off. Any case can be disputed or rejected, with a reason; reopening returns it to the step it
 * held, with a reason.
 */

/** The steps towards 'verified', in order. */
export const STEP_ORDER = [
  'unverified',
  'number_attributed',
  'identity_corroborated',
  'context_confirmed',
  'verified',
] as const satisfies readonly VerificationStatus[];

/** What a user may ask of a case; 'evidence' adds a note, links or files without moving it. */
export const CASE_ACTIONS = [
  'evidence',
  'advance',
  'propose_verified',
  'sign_off',
  'withdraw_proposal',
  'dispute',
  'reject',
  'reopen',
] as const satisfies readonly VerificationEventKind[];
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const STATUS_LABELS: Record<VerificationStatus, string> = {
  unverified: 'unverified',
  number_attributed: 'number attributed',
  identity_corroborated: 'identity corroborated',
  context_confirmed: 'context confirmed',
  verified: 'verified',
  disputed: 'disputed',
  rejected: 'rejected',
};

/** A case as the rules need it. */
export interface CaseState {
  status: VerificationStatus;
  proposedBy: string | null;
  heldStatus: VerificationStatus | null;
}

export interface StepRequest {
  action: CaseAction;
  /** For 'advance': the status asked for, so that a jump over a step is refused, not taken. */
  to?: VerificationStatus;
  userId: string;
  /** The user may sign off verification (sign_off_verification). */
  maySignOff: boolean;
  reason?: string;
  /** At least one note, link or file is given. */
  hasEvidence: boolean;
}

/** The case after a step, and what the history records of it. */
export interface StepOutcome {
  kind: CaseAction;
  from: VerificationStatus;
  to: VerificationStatus;
  /** The step the event's evidence supports. */
  step: VerificationStatus;
  proposedBy: string | null;
  heldStatus: VerificationStatus | null;
}

/** A step the workflow does not allow from where the case stands (400). */
export class CaseStepRefused extends Error {}

/** A step the rules allow, but not to this user: a sign-off of one's own proposal (403). */
export class CaseStepForbidden extends Error {}

const label = (status: VerificationStatus): string => `"${STATUS_LABELS[status]}"`;

/** The next step towards 'verified', or null where none follows by advancing. */
export function nextStep(status: VerificationStatus): VerificationStatus | null {
  const at = (STEP_ORDER as readonly VerificationStatus[]).indexOf(status);
  return at >= 0 && at < STEP_ORDER.length - 1 ? STEP_ORDER[at + 1]! : null;
}

const isClosed = (status: VerificationStatus): boolean => status === 'disputed' || status === 'rejected';

/** The step evidence given now supports: the one being worked towards, or where the case stands. */
function stepWorkedOn(state: CaseState): VerificationStatus {
  if (state.proposedBy !== null) return 'verified';
  return nextStep(state.status) ?? state.status;
}

/** Applies one step to a case, or throws CaseStepRefused / CaseStepForbidden naming why. */
export function applyStep(state: CaseState, request: StepRequest): StepOutcome {
  const stay = { from: state.status, proposedBy: state.proposedBy, heldStatus: state.heldStatus };
  const needsEvidence = (what: string) => {
    if (!request.hasEvidence) throw new CaseStepRefused(`${what} needs evidence: a note, a link or a file.`);
  };
  switch (request.action) {
    case 'evidence':
      needsEvidence('Adding evidence');
      return { ...stay, kind: 'evidence', to: state.status, step: stepWorkedOn(state) };
    case 'advance':
      return advance(state, request, needsEvidence);
    case 'propose_verified':
      if (state.status !== 'context_confirmed')
        throw new CaseStepRefused(
          `Only a case at ${label('context_confirmed')} can be proposed as verified; this one is ${label(state.status)}.`,
        );
      if (state.proposedBy !== null)
        throw new CaseStepRefused('Verified is already proposed and waits for a sign-off.');
      needsEvidence('Proposing verified');
      return {
        ...stay,
        kind: 'propose_verified',
        to: state.status,
        step: 'verified',
        proposedBy: request.userId,
      };
    case 'sign_off':
      if (state.proposedBy === null)
        throw new CaseStepRefused('Nothing to sign off: verified has not been proposed for this call.');
      if (!request.maySignOff) throw new CaseStepForbidden('Your role may not sign off verification.');
      if (state.proposedBy === request.userId)
        throw new CaseStepForbidden(
          'You proposed verified yourself: a second person must sign it off (the two-person rule).',
        );
      return { ...stay, kind: 'sign_off', to: 'verified', step: 'verified', proposedBy: null };
    case 'withdraw_proposal':
      if (state.proposedBy === null) throw new CaseStepRefused('No proposal is pending for this call.');
      if (state.proposedBy !== request.userId && !request.maySignOff)
        throw new CaseStepForbidden(
          'Only the user who proposed verified, or one who may sign it off, can withdraw the proposal.',
        );
      return { ...stay, kind: 'withdraw_proposal', to: state.status, step: 'verified', proposedBy: null };
    case 'dispute':
    case 'reject':
      return close(state, request);
    case 'reopen':
      return reopen(state, request);
  }
}

function advance(state: CaseState, request: StepRequest, needsEvidence: (what: string) => void): StepOutcome {
  const next = nextStep(state.status);
  if (isClosed(state.status))
    throw new CaseStepRefused(`The case is ${label(state.status)}: reopen it (with a reason) first.`);
  if (next === null) throw new CaseStepRefused('The case is verified: there is no further step.');
  if (next === 'verified' || request.to === 'verified')
    throw new CaseStepRefused(
      `${label('verified')} is not reached by advancing: propose it, and a second person signs it off.` +
        (next === 'verified' ? '' : ` The next step from ${label(state.status)} is ${label(next)}.`),
    );
  if (request.to !== undefined && request.to !== next)
    throw new CaseStepRefused(
      `A case moves one step at a time: from ${label(state.status)} the next step is ${label(next)}, ` +
        `not ${label(request.to)}.`,
    );
  needsEvidence(`Advancing to ${label(next)}`);
  return {
    kind: 'advance',
    from: state.status,
    to: next,
    step: next,
    proposedBy: null,
    heldStatus: state.heldStatus,
  };
}

function close(state: CaseState, request: StepRequest): StepOutcome {
  const to: VerificationStatus = request.action === 'dispute' ? 'disputed' : 'rejected';
  if (!request.reason?.trim())
    throw new CaseStepRefused(`A reason is required to mark the case ${label(to)}.`);
  if (state.status === to) throw new CaseStepRefused(`The case is already ${label(to)}.`);
  return {
    kind: request.action,
    from: state.status,
    to,
    step: to,
    // A pending proposal is void once the case is in doubt.
    proposedBy: null,
    // Disputed then rejected still remembers the step it held before either.
    heldStatus: isClosed(state.status) ? state.heldStatus : state.status,
  };
}

function reopen(state: CaseState, request: StepRequest): StepOutcome {
  if (!isClosed(state.status))
    throw new CaseStepRefused(
      `Only a disputed or rejected case can be reopened; this one is ${label(state.status)}.`,
    );
  if (!request.reason?.trim()) throw new CaseStepRefused('A reason is required to reopen the case.');
  const held = state.heldStatus ?? 'unverified';
  // A case held at 'verified' returns to 'context confirmed': after a dispute, 'verified' needs a
  // fresh proposal and a second person's sign-off again, never a reopen by one person.
  const to = held === 'verified' ? 'context_confirmed' : held;
  return { kind: 'reopen', from: state.status, to, step: to, proposedBy: null, heldStatus: null };
}
