import { useState, type FormEvent } from 'react';
import { errorText } from '../../api/http.ts';
import { KIND_LABELS, type NewRegisterEntry, type RegisterEntry } from '../../api/register.ts';
import { ErrorMessage } from '../../components/status.tsx';

interface Draft {
  kind: RegisterEntry['kind'];
  label: string;
  pseudonym: string;
  firstName: string;
  patronymic: string;
  surname: string;
  otherNames: string;
  recordingId: string;
  lane: string;
}

const EMPTY: Draft = {
  kind: 'person',
  label: '',
  pseudonym: '',
  firstName: '',
  patronymic: '',
  surname: '',
  otherNames: '',
  recordingId: '',
  lane: '',
};

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The request an entry made by hand sends: name parts for persons, a lane for voices. */
export function entryRequest(draft: Draft): NewRegisterEntry {
  const otherNames = draft.otherNames
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return {
    kind: draft.kind,
    label: draft.label,
    pseudonym: optional(draft.pseudonym),
    ...(draft.kind === 'person'
      ? {
          firstName: optional(draft.firstName),
          patronymic: optional(draft.patronymic),
          surname: optional(draft.surname),
        }
      : {}),
    ...(otherNames.length > 0 ? { otherNames } : {}),
    ...(draft.kind === 'voice'
      ? { voice: { recordingId: draft.recordingId.trim(), lane: draft.lane.trim() } }
      : {}),
  };
}

/** Adds an entry by hand: anything the analysis did not find, or a relation named by its role. */
export function AddEntryForm({ onAdd }: { onAdd: (body: NewRegisterEntry) => Promise<void> }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await onAdd(entryRequest(draft));
      setDraft((d) => ({ ...EMPTY, kind: d.kind }));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form
      className="panel register-add"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="register-add-title"
    >
      <h2 id="register-add-title">Add by hand</h2>
      <div className="register-add-grid">
        <label>
          Kind
          <select value={draft.kind} onChange={set('kind')}>
            {Object.entries(KIND_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {draft.kind === 'person' ? 'Full name' : draft.kind === 'phone' ? 'Number' : 'Name or value'}
          <input value={draft.label} onChange={set('label')} required />
        </label>
        <label>
          Pseudonym <span className="muted">(optional, e.g. “A’s mother”)</span>
          <input value={draft.pseudonym} onChange={set('pseudonym')} />
        </label>
        {draft.kind === 'person' ? (
          <>
            <label>
              First name
              <input value={draft.firstName} onChange={set('firstName')} />
            </label>
            <label>
              Patronymic
              <input value={draft.patronymic} onChange={set('patronymic')} />
            </label>
            <label>
              Surname
              <input value={draft.surname} onChange={set('surname')} />
            </label>
          </>
        ) : null}
        {draft.kind === 'voice' ? (
          <>
            <label>
              Recording id
              <input value={draft.recordingId} onChange={set('recordingId')} required />
            </label>
            <label>
              Lane
              <input value={draft.lane} onChange={set('lane')} required placeholder="channel-0" />
            </label>
          </>
        ) : null}
        <label className="register-add-wide">
          Other names <span className="muted">(nicknames, diminutives, spellings; commas between)</span>
          <input value={draft.otherNames} onChange={set('otherNames')} />
        </label>
      </div>
      <button type="submit">Protect</button>
      <ErrorMessage error={error} inline />
    </form>
  );
}
