import { useState, type FormEvent } from 'react';
import { errorText } from '../../api/http.ts';
import type { NumberNote, NumberNoteRequest } from '../../api/numbers.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { formatDateTime } from '../../format.ts';

export const CONFIDENCES = [
  { value: 'low', label: 'Low', help: 'a single lead, not confirmed' },
  { value: 'medium', label: 'Medium', help: 'one independent source confirms it' },
  { value: 'high', label: 'High', help: 'two or more independent sources agree' },
] as const;

/** The attributions no later entry corrects: what is believed of the subscriber now. */
export function currentAttributions(notes: readonly NumberNote[]): NumberNote[] {
  return notes.filter((n) => n.kind === 'attribution' && n.supersededBy === null);
}

function NoteEntry({ note, onCorrect }: { note: NumberNote; onCorrect: (note: NumberNote) => void }) {
  const superseded = note.supersededBy !== null;
  return (
    <li
      className={superseded ? 'number-note superseded' : 'number-note'}
      data-testid="number-note"
      id={`number-note-${note.id}`}
    >
      <div className="note-meta muted">
        #{note.id} · {note.kind === 'attribution' ? 'Attribution' : 'Note'} · {note.author} ·{' '}
        {formatDateTime(note.createdAt)} · {note.collection.name}
        {note.supersedes ? (
          <>
            {' · corrects '}
            <a href={`#number-note-${note.supersedes}`}>#{note.supersedes}</a>
          </>
        ) : null}
        {superseded ? ` · superseded by #${note.supersededBy}` : null}
      </div>
      {note.kind === 'attribution' ? (
        <div className="attribution-line">
          Subscriber believed to be <strong>{note.subscriber}</strong>{' '}
          <span className={`confidence confidence-${note.confidence}`}>{note.confidence} confidence</span>
          <div className="small-print">Source: {note.source}</div>
        </div>
      ) : null}
      <div className="note-text">{note.text}</div>
      {superseded ? null : (
        <button type="button" className="link" onClick={() => onCorrect(note)}>
          Correct this entry
        </button>
      )}
    </li>
  );
}

interface Draft {
  kind: 'note' | 'attribution';
  text: string;
  subscriber: string;
  source: string;
  confidence: 'low' | 'medium' | 'high';
}

const EMPTY: Draft = { kind: 'attribution', text: '', subscriber: '', source: '', confidence: 'low' };

/**
 * Notes and attributions on the number, shared with everyone who may read their collection. Never
 * edited: "Correct this entry" writes a new one that supersedes it.
 */
export function NumberNotesPanel({
  notes,
  collections,
  onAdd,
}: {
  notes: NumberNote[];
  /** Collections an entry can belong to: those the number's calls are in. */
  collections: { id: string; name: string }[];
  onAdd: (body: NumberNoteRequest) => Promise<void>;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [collectionId, setCollectionId] = useState(collections[0]?.id ?? '');
  const [correcting, setCorrecting] = useState<NumberNote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const correct = (note: NumberNote) => {
    setCorrecting(note);
    setCollectionId(note.collection.id);
    setDraft({
      kind: note.kind,
      text: note.text,
      subscriber: note.subscriber ?? '',
      source: note.source ?? '',
      confidence: note.confidence ?? 'low',
    });
    document.getElementById('number-note-text')?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const attribution = draft.kind === 'attribution';
    const body: NumberNoteRequest = {
      collectionId: correcting?.collection.id ?? collectionId,
      kind: draft.kind,
      text: draft.text,
      ...(attribution
        ? { subscriber: draft.subscriber, source: draft.source, confidence: draft.confidence }
        : {}),
      ...(correcting ? { supersedes: correcting.id } : {}),
    };
    try {
      await onAdd(body);
      setDraft(EMPTY);
      setCorrecting(null);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section className="panel number-notes" data-testid="number-notes" aria-labelledby="number-notes-title">
      <h2 id="number-notes-title">Notes and attributions</h2>
      {notes.length === 0 ? <p className="muted">Nothing written on this number yet.</p> : null}
      <ul className="notes">
        {notes.map((note) => (
          <NoteEntry key={note.id} note={note} onCorrect={correct} />
        ))}
      </ul>
      <form
        className="number-note-form"
        onSubmit={(e) => void submit(e)}
        aria-label="Add a note or attribution"
      >
        {correcting ? (
          <div className="note-target">
            Correcting #{correcting.id} (a new entry; the old one stays, marked superseded){' '}
            <button type="button" className="link" onClick={() => (setCorrecting(null), setDraft(EMPTY))}>
              cancel
            </button>
          </div>
        ) : null}
        <fieldset className="kind-choice">
          <legend>Kind</legend>
          {(['attribution', 'note'] as const).map((kind) => (
            <label key={kind} className="inline">
              <input type="radio" name="kind" checked={draft.kind === kind} onChange={() => set({ kind })} />
              {kind === 'attribution' ? 'Attribution' : 'Note'}
            </label>
          ))}
        </fieldset>
        {draft.kind === 'attribution' ? (
          <>
            <label>
              Subscriber believed to be
              <input
                value={draft.subscriber}
                onChange={(e) => set({ subscriber: e.target.value })}
                data-testid="attribution-subscriber"
                required
              />
            </label>
            <label>
              Source
              <input
                value={draft.source}
                onChange={(e) => set({ source: e.target.value })}
                placeholder="e.g. interview with a relative, 2022-04-02"
                data-testid="attribution-source"
                required
              />
            </label>
            <label>
              Confidence
              <select
                value={draft.confidence}
                onChange={(e) => set({ confidence: e.target.value as Draft['confidence'] })}
                data-testid="attribution-confidence"
              >
                {CONFIDENCES.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}: {c.help}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : null}
        <label>
          {draft.kind === 'attribution' ? 'What it rests on' : 'Note'}
          <textarea
            id="number-note-text"
            rows={2}
            value={draft.text}
            onChange={(e) => set({ text: e.target.value })}
            data-testid="number-note-text"
            required
          />
        </label>
        {correcting || collections.length <= 1 ? null : (
          <label>
            Collection (who sees it)
            <select value={collectionId} onChange={(e) => setCollectionId(e.target.value)}>
              {collections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {collections.length === 0 && !correcting ? (
          <p className="muted small-print">No call of this number is in your collections to file it under.</p>
        ) : (
          <button type="submit" className="primary">
            {correcting
              ? 'Save the correction'
              : draft.kind === 'attribution'
                ? 'Add attribution'
                : 'Add note'}
          </button>
        )}
        <ErrorMessage error={error} inline />
      </form>
    </section>
  );
}
