import { useState, type FormEvent } from 'react';
import { errorText } from '../../api/http.ts';
import { KIND_LABELS, type RegisterEntry } from '../../api/register.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { formatDateTime } from '../../format.ts';
import { hrefFor } from '../../router.ts';
import { EntryFormsPanel } from './entry-forms.tsx';

/** The name parts and other names of an entry, in one line under its label. */
function entryDetails(entry: RegisterEntry): string {
  const parts = entry.person
    ? [
        entry.person.firstName && `first name ${entry.person.firstName}`,
        entry.person.patronymic && `patronymic ${entry.person.patronymic}`,
        entry.person.surname && `surname ${entry.person.surname}`,
      ]
    : [];
  if (entry.voice) parts.push(`lane ${entry.voice.lane}`);
  if (entry.otherNames.length > 0) parts.push(`also ${entry.otherNames.join(', ')}`);
  return parts.filter(Boolean).join(' · ');
}

type Editing = 'rename' | 'retire' | null;

/**
 * One entry: kind, label, pseudonym, where it came from, who added it; Rename and Retire open a
 * small form in the row (Escape closes it). A retired entry stays, greyed, with who retired it.
 */
export function RegisterEntryRow({
  entry,
  mayManage,
  onRename,
  onRetire,
}: {
  entry: RegisterEntry;
  mayManage: boolean;
  onRename: (entry: RegisterEntry, pseudonym: string) => Promise<void>;
  onRetire: (entry: RegisterEntry, reason: string) => Promise<void>;
}) {
  const [editing, setEditing] = useState<Editing>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formsOpen, setFormsOpen] = useState(false);
  // A retired entry protects nothing, and a voice is heard, not written: no forms to show.
  const hasForms = entry.retired === null && entry.kind !== 'voice';
  const open = (what: Editing) => {
    setEditing(what);
    setText(what === 'rename' ? entry.pseudonym : '');
    setError(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (editing === 'rename') await onRename(entry, text);
      else await onRetire(entry, text);
      setEditing(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const details = entryDetails(entry);
  return (
    <>
      <tr
        className={entry.retired ? 'register-row retired' : 'register-row'}
        data-testid="register-entry"
        data-pseudonym={entry.pseudonym}
      >
        <td data-label="Kind">{KIND_LABELS[entry.kind]}</td>
        <td data-label="Identity">
          <span className="register-label">{entry.label}</span>
          {details ? <div className="small-print muted">{details}</div> : null}
          {hasForms ? (
            <button
              type="button"
              className="link-button small-print"
              aria-expanded={formsOpen}
              aria-controls={`entry-forms-${entry.id}`}
              onClick={() => setFormsOpen(!formsOpen)}
            >
              {formsOpen ? 'Hide the forms' : 'Forms the matcher looks for'}
            </button>
          ) : null}
        </td>
        <td data-label="Pseudonym">
          <strong className="pseudonym">{entry.pseudonym}</strong>
          {entry.formerPseudonyms.length > 0 ? (
            <div className="small-print muted">was {entry.formerPseudonyms.join(', ')}</div>
          ) : null}
        </td>
        <td data-label="Source">
          {entry.source.kind === 'analysis' && entry.source.recordingId ? (
            <a href={hrefFor(`call/${entry.source.recordingId}`)}>from a call</a>
          ) : (
            'by hand'
          )}
        </td>
        <td data-label="Added">
          {entry.addedBy}
          <div className="small-print muted">{formatDateTime(entry.addedAt)}</div>
        </td>
        <td data-label="Status">
          {entry.retired ? (
            <span className="small-print">
              Retired by {entry.retired.by}, {formatDateTime(entry.retired.at)}: {entry.retired.reason}
            </span>
          ) : editing ? (
            <form
              className="register-inline-form"
              onSubmit={(e) => void submit(e)}
              onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
            >
              <input
                aria-label={
                  editing === 'rename'
                    ? `New pseudonym for ${entry.pseudonym}`
                    : `Why ${entry.pseudonym} is retired`
                }
                placeholder={editing === 'rename' ? 'New pseudonym' : 'Why it is no longer protected'}
                value={text}
                autoFocus
                required
                onChange={(e) => setText(e.target.value)}
              />
              <button type="submit">{editing === 'rename' ? 'Rename' : 'Retire'}</button>
              <button type="button" className="link-button" onClick={() => setEditing(null)}>
                Cancel
              </button>
              <ErrorMessage error={error} inline />
            </form>
          ) : mayManage ? (
            <span className="register-actions">
              Protected{' '}
              <button type="button" className="link-button" onClick={() => open('rename')}>
                Rename
              </button>{' '}
              <button type="button" className="link-button" onClick={() => open('retire')}>
                Retire
              </button>
            </span>
          ) : (
            'Protected'
          )}
        </td>
      </tr>
      {hasForms && formsOpen ? (
        <tr className="register-forms-row" id={`entry-forms-${entry.id}`}>
          <td colSpan={6}>
            <EntryFormsPanel collectionId={entry.collectionId} entryId={entry.id} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
