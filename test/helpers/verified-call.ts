import type { Db } from '../../src/db/database.ts';
import { recordCaseStep } from '../../src/verification/case-store.ts';

/** Who takes a step: a user id and name (both may sign off). */
export interface CaseStepUser {
  userId: string;
  name: string;
}

/**
 * Takes a call's case file from unverified to verified through the case store, as two people do:
 * the proposer advances it to "context confirmed" and proposes it, another signs it off.
 */
export async function verifyCall(
  db: Db,
  attachmentsDir: string,
  call: { id: string; collection_id: string; sha256: string },
  proposer: CaseStepUser,
  signer: CaseStepUser,
): Promise<void> {
  const step = async (
    user: CaseStepUser,
    action: 'advance' | 'propose_verified' | 'sign_off',
    expectedStatus: 'unverified' | 'number_attributed' | 'identity_corroborated' | 'context_confirmed',
    to?: 'number_attributed' | 'identity_corroborated' | 'context_confirmed',
  ) =>
    recordCaseStep(db, attachmentsDir, {
      recordingId: call.id,
      collectionId: call.collection_id,
      recordingSha256: call.sha256,
      action,
      expectedStatus,
      to,
      note: `${action} ${to ?? ''}: checked`,
      links: [],
      attachments: [],
      user: { id: user.userId, name: user.name, maySignOff: true },
    });
  await step(proposer, 'advance', 'unverified', 'number_attributed');
  await step(proposer, 'advance', 'number_attributed', 'identity_corroborated');
  await step(proposer, 'advance', 'identity_corroborated', 'context_confirmed');
  await step(proposer, 'propose_verified', 'context_confirmed');
  await step(signer, 'sign_off', 'context_confirmed');
}
