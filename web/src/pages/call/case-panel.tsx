import { useState } from 'react';
import {
  attachmentUrl,
  getCaseFile,
  postCaseStep,
  STATUS_LABELS,
  STEP_ORDER,
  type CaseAction,
  type CaseEvent,
  type CaseFile,
  type CaseStep,
} from '../../api/case-file.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { formatBytes, formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { CaseStepForm } from './case-step-form.tsx';

/**
 * The call's verification case file (docs/verification.md): where it stands as a stepper, the
 * steps a user may take now (the server says which), every step taken with who, when and its
 * evidence, and the attached files.
 */
export function CasePanel({ recordingId }: { recordingId: string }) {
  const loaded = useLoad(`case:${recordingId}`, (signal) => getCaseFile(recordingId, signal));
  const [open, setOpen] = useState<CaseAction | null>(null);
  const caseFile = loaded.data;

  const submit = async (step: CaseStep) => {
    await postCaseStep(recordingId, step);
    setOpen(null);
    loaded.refresh();
  };

  return (
    <section className="panel case-panel" data-testid="case-file" aria-labelledby="case-file-title">
      <h2 id="case-file-title">Case file</h2>
      <ErrorMessage error={loaded.error} />
      {caseFile ? (
        <>
          <CaseStepper caseFile={caseFile} />
          <ProposalNotice caseFile={caseFile} />
          <div className="case-actions" role="group" aria-label="Case steps">
            {caseFile.allowedActions.map((action) => (
              <button
                key={action}
                type="button"
                className={`small${open === action ? ' active' : ''}`}
                aria-expanded={open === action}
                onClick={() => setOpen(open === action ? null : action)}
              >
                {actionLabel(action, caseFile)}
              </button>
            ))}
            {caseFile.proposal?.byYou ? (
              <button type="button" className="small" disabled aria-describedby="own-proposal">
                Sign off verified
              </button>
            ) : null}
          </div>
          {open ? (
            <CaseStepForm
              key={open}
              action={open}
              caseFile={caseFile}
              title={actionLabel(open, caseFile)}
              onSubmit={submit}
              onCancel={() => setOpen(null)}
            />
          ) : null}
          <AttachmentList recordingId={recordingId} caseFile={caseFile} />
          <CaseHistory recordingId={recordingId} events={caseFile.events} />
        </>
      ) : loaded.loading ? (
        <p className="muted">Loading the case file…</p>
      ) : null}
    </section>
  );
}

export function actionLabel(action: CaseAction, caseFile: CaseFile): string {
  switch (action) {
    case 'evidence':
      return 'Add evidence';
    case 'advance':
      return caseFile.nextStep ? `Advance to ${STATUS_LABELS[caseFile.nextStep].toLowerCase()}` : 'Advance';
    case 'propose_verified':
      return 'Propose verified';
    case 'sign_off':
      return 'Sign off verified';
    case 'withdraw_proposal':
      return 'Withdraw proposal';
    case 'dispute':
      return 'Dispute';
    case 'reject':
      return 'Reject';
    case 'reopen':
      return caseFile.heldStatus
        ? `Reopen (back to ${STATUS_LABELS[reopenTarget(caseFile)].toLowerCase()})`
        : 'Reopen';
  }
}

/** A case held at verified reopens to context confirmed: verified needs a new sign-off. */
function reopenTarget(caseFile: CaseFile) {
  const held = caseFile.heldStatus ?? 'unverified';
  return held === 'verified' ? 'context_confirmed' : held;
}

function CaseStepper({ caseFile }: { caseFile: CaseFile }) {
  const closed = caseFile.status === 'disputed' || caseFile.status === 'rejected';
  const steps: readonly string[] = STEP_ORDER;
  const at = steps.indexOf(closed ? (caseFile.heldStatus ?? 'unverified') : caseFile.status);
  // Verified is the end: every step is done, none is still to take.
  const reached = caseFile.status === 'verified' ? STEP_ORDER.length : at;
  return (
    <>
      <p className="case-status" data-testid="case-status">
        Status:{' '}
        <strong className={`verification-badge status-${caseFile.status}`}>
          {STATUS_LABELS[caseFile.status]}
        </strong>
        {closed && caseFile.heldStatus ? (
          <span className="muted"> (held at {STATUS_LABELS[caseFile.heldStatus].toLowerCase()})</span>
        ) : null}
      </p>
      <ol className={`case-stepper${closed ? ' closed' : ''}`} aria-label="Verification steps">
        {STEP_ORDER.map((step, index) => {
          const state = index < reached ? 'done' : index === reached ? 'current' : 'todo';
          return (
            <li key={step} className={state} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="step-mark" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="step-name">{STATUS_LABELS[step]}</span>
              <span className="visually-hidden">
                {state === 'done' ? ' (done)' : state === 'current' ? ' (current)' : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}

function ProposalNotice({ caseFile }: { caseFile: CaseFile }) {
  const proposal = caseFile.proposal;
  if (!proposal) return null;
  return (
    <div className="notice case-proposal" role="status">
      Verified proposed by <strong>{proposal.proposedBy}</strong> on {formatDateTime(proposal.proposedAt)}
      {proposal.byYou ? (
        <span id="own-proposal">
          {' '}
          — you proposed it, so you cannot sign it off: a second person must (the two-person rule).
        </span>
      ) : caseFile.allowedActions.includes('sign_off') ? (
        ' — waiting for your sign-off.'
      ) : (
        ' — waiting for a sign-off by a reviewer, editor or admin.'
      )}
    </div>
  );
}

function AttachmentList({ recordingId, caseFile }: { recordingId: string; caseFile: CaseFile }) {
  const files = caseFile.events.flatMap((e) => e.attachments);
  if (files.length === 0) return null;
  return (
    <>
      <h3>Attachments</h3>
      <ul className="case-attachments">
        {files.map((file) => (
          <li key={file.id}>
            <a href={attachmentUrl(recordingId, file.id)} download={file.fileName}>
              {file.fileName}
            </a>{' '}
            <span className="muted">
              {formatBytes(file.sizeBytes)} · SHA-256{' '}
              <code title={file.sha256}>{file.sha256.slice(0, 12)}…</code>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

const KIND_LABELS: Record<CaseEvent['kind'], string> = {
  evidence: 'added evidence',
  advance: 'advanced',
  propose_verified: 'proposed verified',
  sign_off: 'signed off verified',
  withdraw_proposal: 'withdrew the proposal',
  dispute: 'disputed',
  reject: 'rejected',
  reopen: 'reopened',
};

function CaseHistory({ recordingId, events }: { recordingId: string; events: CaseEvent[] }) {
  return (
    <>
      <h3>History</h3>
      {events.length === 0 ? <p className="muted">No steps yet: the call is unverified.</p> : null}
      <ol className="case-history" reversed>
        {[...events].reverse().map((event) => (
          <li key={event.id}>
            <div className="note-meta muted">
              <strong>{event.actor}</strong> {KIND_LABELS[event.kind]}
              {event.fromStatus !== event.toStatus
                ? ` · ${STATUS_LABELS[event.fromStatus]} → ${STATUS_LABELS[event.toStatus]}`
                : ''}{' '}
              · {formatDateTime(event.createdAt)}
            </div>
            {event.reason ? (
              <div>
                <em>Reason:</em> {event.reason}
              </div>
            ) : null}
            {event.note ? <div className="note-text">{event.note}</div> : null}
            {event.links.length > 0 ? (
              <ul className="case-links">
                {event.links.map((link) => (
                  <li key={link}>
                    <a href={link} target="_blank" rel="noopener noreferrer">
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {event.attachments.length > 0 ? (
              <div className="muted">
                Files:{' '}
                {event.attachments.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 ? ', ' : ''}
                    <a href={attachmentUrl(recordingId, a.id)} download={a.fileName}>
                      {a.fileName}
                    </a>
                  </span>
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
