import { useId, useState, type FormEvent } from 'react';
import { STATUS_LABELS, type CaseAction, type CaseFile, type CaseStep } from '../../api/case-file.ts';
import { errorText } from '../../api/http.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { formatBytes } from '../../format.ts';

/** What each step expects as evidence (docs/verification.md), shown above its form. */
const EXPECTED: Partial<Record<string, string>> = {
  number_attributed:
    'The number researched and attributed to a subscriber: operator or leak records, registries, messenger profiles.',
  identity_corroborated:
    'The voice and name matched: voice comparison, social media, interviews with relatives.',
  context_confirmed:
    'Place, time and unit consistent with the call: call records, cell ids, known deployments.',
  verified: 'The three steps hold: a second person reviews the file and signs it off.',
};

const NEEDS_REASON: ReadonlySet<CaseAction> = new Set(['dispute', 'reject', 'reopen']);
const NEEDS_EVIDENCE: ReadonlySet<CaseAction> = new Set(['evidence', 'advance', 'propose_verified']);

/** The form of one step: note, links (one per line), files, and a reason where one is required. */
export function CaseStepForm({
  action,
  caseFile,
  title,
  onSubmit,
  onCancel,
}: {
  action: CaseAction;
  caseFile: CaseFile;
  title: string;
  /** Sends the step; rejects with the server's reason, shown in words. */
  onSubmit: (step: CaseStep) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const [note, setNote] = useState('');
  const [links, setLinks] = useState('');
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = action === 'advance' ? caseFile.nextStep : action === 'propose_verified' ? 'verified' : null;
  const tooLarge = files.find((f) => f.size > caseFile.maxAttachmentBytes);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const linkList = links
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (NEEDS_REASON.has(action) && !reason.trim()) return setError('Give a reason for this step.');
    if (NEEDS_EVIDENCE.has(action) && !note.trim() && linkList.length === 0 && files.length === 0)
      return setError('Give the evidence: a note, a link or a file.');
    if (tooLarge)
      return setError(
        `"${tooLarge.name}" is larger than the limit of ${formatBytes(caseFile.maxAttachmentBytes)}.`,
      );
    setBusy(true);
    try {
      await onSubmit({
        action,
        expectedStatus: caseFile.status,
        to: action === 'advance' ? (caseFile.nextStep ?? undefined) : undefined,
        note: note.trim() || undefined,
        reason: reason.trim() || undefined,
        links: linkList,
        files,
      });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="case-step-form" onSubmit={(e) => void submit(e)} aria-label={title}>
      <h3>{title}</h3>
      {target && EXPECTED[target] ? (
        <p className="muted">
          {STATUS_LABELS[target]}: {EXPECTED[target]}
        </p>
      ) : null}
      {NEEDS_REASON.has(action) ? (
        <>
          <label htmlFor={`${id}-reason`}>Reason (required)</label>
          <textarea
            id={`${id}-reason`}
            // The form opens on a button press: the keyboard lands in its first field.
            autoFocus
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </>
      ) : null}
      <label htmlFor={`${id}-note`}>Note</label>
      <textarea
        id={`${id}-note`}
        autoFocus={!NEEDS_REASON.has(action)}
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="What was found, and how"
      />
      <label htmlFor={`${id}-links`}>Links (http or https, one per line)</label>
      <textarea
        id={`${id}-links`}
        rows={2}
        value={links}
        onChange={(e) => setLinks(e.target.value)}
        placeholder="https://…"
      />
      <label htmlFor={`${id}-files`}>Files (documents, screenshots, interview audio)</label>
      <input
        id={`${id}-files`}
        type="file"
        multiple
        onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
      />
      {files.length > 0 ? (
        <ul className="muted case-chosen-files">
          {files.map((f) => (
            <li key={`${f.name}-${f.size}`}>
              {f.name} ({formatBytes(f.size)})
            </li>
          ))}
        </ul>
      ) : null}
      <div className="case-form-buttons">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : title}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ErrorMessage error={error} inline />
    </form>
  );
}
