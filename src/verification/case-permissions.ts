import { may, type Action } from '../accounts/permissions.ts';
import type { Principal } from '../accounts/principal.ts';
import { applyStep, CASE_ACTIONS, type CaseAction, type CaseState } from './workflow.ts';

/**
 * Which permission each step of a case file needs. Working a case (evidence, advancing,
 * proposing verified, disputing, rejecting, reopening) is what note-takers do: 'add_notes'.
 * Signing off 'verified' is 'sign_off_verification'. Withdrawing a proposal is open to
 * note-takers; the workflow lets only the proposer or a user who may sign off do it.
 */
export function caseActionPermission(action: CaseAction): Action {
  return action === 'sign_off' ? 'sign_off_verification' : 'add_notes';
}

/** The steps this user may take on the case as it stands (with evidence and a reason given). */
export function allowedCaseActions(state: CaseState, principal: Principal): CaseAction[] {
  return CASE_ACTIONS.filter((action) => {
    if (!may(principal, caseActionPermission(action))) return false;
    try {
      applyStep(state, {
        action,
        userId: principal.userId,
        maySignOff: may(principal, 'sign_off_verification'),
        reason: 'given',
        hasEvidence: true,
      });
      return true;
    } catch {
      return false;
    }
  });
}
