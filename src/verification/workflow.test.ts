import { describe, expect, it } from 'vitest';
import type { VerificationStatus } from '../db/schema.ts';
import {
  applyStep,
  CaseStepForbidden,
  CaseStepRefused,
  nextStep,
  type CaseState,
  type StepRequest,
} from './workflow.ts';

const at = (status: VerificationStatus, more: Partial<CaseState> = {}): CaseState => ({
  status,
  proposedBy: null,
  heldStatus: null,
  ...more,
});
const ask = (action: StepRequest['action'], more: Partial<StepRequest> = {}): StepRequest => ({
  action,
  userId: 'alice',
  maySignOff: true,
  hasEvidence: true,
  ...more,
});

describe('verification workflow', () => {
  it('advances one step at a time and never into verified', () => {
    expect(applyStep(at('unverified'), ask('advance')).to).toBe('number_attributed');
    expect(applyStep(at('number_attributed'), ask('advance', { to: 'identity_corroborated' })).to).toBe(
      'identity_corroborated',
    );
    expect(applyStep(at('identity_corroborated'), ask('advance')).to).toBe('context_confirmed');
    expect(() => applyStep(at('unverified'), ask('advance', { to: 'context_confirmed' }))).toThrow(
      /next step is "number attributed", not "context confirmed"/,
    );
    expect(() => applyStep(at('context_confirmed'), ask('advance'))).toThrow(/not reached by advancing/);
    expect(() => applyStep(at('verified'), ask('advance'))).toThrow(/no further step/);
    expect(() => applyStep(at('disputed'), ask('advance'))).toThrow(/reopen it/);
    expect(nextStep('context_confirmed')).toBe('verified');
    expect(nextStep('rejected')).toBeNull();
  });

  it('needs evidence to advance, propose or add evidence', () => {
    for (const [action, status] of [
      ['advance', 'unverified'],
      ['propose_verified', 'context_confirmed'],
      ['evidence', 'verified'],
    ] as const) {
      expect(() => applyStep(at(status), ask(action, { hasEvidence: false }))).toThrow(CaseStepRefused);
    }
  });

  it('takes two different people to reach verified', () => {
    const proposed = applyStep(at('context_confirmed'), ask('propose_verified'));
    expect(proposed).toMatchObject({ to: 'context_confirmed', proposedBy: 'alice', step: 'verified' });
    const pending = at('context_confirmed', { proposedBy: 'alice' });
    expect(() => applyStep(pending, ask('sign_off'))).toThrow(CaseStepForbidden);
    expect(() => applyStep(pending, ask('sign_off', { userId: 'bob', maySignOff: false }))).toThrow(
      /may not sign off/,
    );
    expect(applyStep(pending, ask('sign_off', { userId: 'bob' }))).toMatchObject({
      to: 'verified',
      proposedBy: null,
    });
    expect(() => applyStep(pending, ask('propose_verified', { userId: 'bob' }))).toThrow(/already proposed/);
    expect(() => applyStep(at('context_confirmed'), ask('sign_off', { userId: 'bob' }))).toThrow(
      /Nothing to sign off/,
    );
  });

  it('lets the proposer or a sign-off user withdraw a proposal, nobody else', () => {
    const pending = at('context_confirmed', { proposedBy: 'alice' });
    expect(applyStep(pending, ask('withdraw_proposal', { maySignOff: false })).proposedBy).toBeNull();
    expect(applyStep(pending, ask('withdraw_proposal', { userId: 'bob' })).proposedBy).toBeNull();
    expect(() =>
      applyStep(pending, ask('withdraw_proposal', { userId: 'carol', maySignOff: false })),
    ).toThrow(CaseStepForbidden);
  });

  it('disputes or rejects from any status with a reason, and reopens to the step held', () => {
    expect(() => applyStep(at('number_attributed'), ask('dispute'))).toThrow(/reason is required/);
    expect(() => applyStep(at('number_attributed'), ask('dispute', { reason: '   ' }))).toThrow(
      /reason is required/,
    );
    const disputed = applyStep(at('number_attributed'), ask('dispute', { reason: 'doubt' }));
    expect(disputed).toMatchObject({ to: 'disputed', heldStatus: 'number_attributed' });
    const rejected = applyStep(
      at('disputed', { heldStatus: 'number_attributed' }),
      ask('reject', { reason: 'fake' }),
    );
    expect(rejected).toMatchObject({ to: 'rejected', heldStatus: 'number_attributed' });
    expect(() => applyStep(at('rejected'), ask('reject', { reason: 'again' }))).toThrow(/already "rejected"/);
    expect(() => applyStep(at('rejected', { heldStatus: 'number_attributed' }), ask('reopen'))).toThrow(
      /reason is required to reopen/,
    );
    expect(
      applyStep(at('rejected', { heldStatus: 'number_attributed' }), ask('reopen', { reason: 'new source' })),
    ).toMatchObject({ to: 'number_attributed', heldStatus: null });
    expect(() => applyStep(at('unverified'), ask('reopen', { reason: 'x' }))).toThrow(
      /Only a disputed or rejected/,
    );
  });

  it('voids a pending proposal on dispute, and a verified case reopens to context confirmed', () => {
    const pending = at('context_confirmed', { proposedBy: 'alice' });
    expect(applyStep(pending, ask('dispute', { userId: 'bob', reason: 'doubt' })).proposedBy).toBeNull();
    const disputed = applyStep(at('verified'), ask('dispute', { reason: 'new doubt' }));
    expect(disputed.heldStatus).toBe('verified');
    expect(
      applyStep(at('disputed', { heldStatus: 'verified' }), ask('reopen', { reason: 'cleared' })).to,
    ).toBe('context_confirmed');
  });
});
