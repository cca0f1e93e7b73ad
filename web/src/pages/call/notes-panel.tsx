import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorText } from '../../api/http.ts';
import type { Note, Segment } from '../../api/transcripts.ts';
import { formatClock, formatDateTime } from '../../format.ts';

/** Notes on the call or on one segment: append-only, each with its author and time. */
export function NotesPanel({
  notes,
  segments,
  noteSegment,
  onClearSegment,
  onAdd,
  onSeek,
}: {
  notes: Note[];
  segments: Segment[];
  noteSegment: Segment | null;
  onClearSegment: () => void;
  /** Stores the note (on the segment when one is given); rejects with the server's reason. */
  onAdd: (text: string, segmentId: string | undefined) => Promise<void>;
  onSeek: (seconds: number) => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Feedback for the button: a note is saved when the server has it, and says so.
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const byId = new Map(segments.map((s) => [s.id, s]));
  // A segment's Note button lands here: the form comes into view with the cursor in it, so the
  // click visibly does something even when the panel is below the fold.
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!noteSegment) return;
    input.current?.scrollIntoView({ block: 'center' });
    input.current?.focus();
    setStatus('idle');
  }, [noteSegment]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setError('Write the note first.');
    setStatus('saving');
    setError(null);
    try {
      await onAdd(text.trim(), noteSegment?.id);
      setText('');
      setStatus('saved');
      onClearSegment();
    } catch (e) {
      setStatus('idle');
      setError(`Note not saved: ${errorText(e)}`);
    }
  };

  return (
    <section className="panel notes-panel" data-testid="notes">
      <h2>Notes</h2>
      {notes.length === 0 ? <p className="muted">No notes yet.</p> : null}
      <ul className="notes">
        {notes.map((note) => {
          const segment = note.segmentId ? byId.get(note.segmentId) : undefined;
          return (
            <li key={note.id}>
              <div className="note-meta muted">
                {note.author} · {formatDateTime(note.createdAt)}
                {segment ? (
                  <>
                    {' · '}
                    <button type="button" className="link" onClick={() => onSeek(segment.start)}>
                      at {formatClock(segment.start, true)}
                    </button>
                  </>
                ) : note.segmentId ? (
                  ' · on a segment of another version'
                ) : null}
              </div>
              <div className="note-text">{note.text}</div>
            </li>
          );
        })}
      </ul>
      <form onSubmit={(e) => void submit(e)} className="note-form">
        {noteSegment ? (
          <div className="note-target">
            On the segment at {formatClock(noteSegment.start, true)}{' '}
            <button type="button" className="link" onClick={onClearSegment}>
              (note on the whole call instead)
            </button>
          </div>
        ) : null}
        <textarea
          ref={input}
          rows={2}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (status === 'saved') setStatus('idle');
          }}
          placeholder="Add a note…"
          aria-label="Note text"
        />
        <button type="submit" className="small" disabled={status === 'saving'}>
          {status === 'saving' ? 'Saving…' : 'Add note'}
        </button>
        <span className="note-status" role="status" data-testid="note-status">
          {status === 'saved' ? 'Note saved.' : ''}
        </span>
        {error ? (
          <div className="error-inline" role="alert">
            {error}
          </div>
        ) : null}
      </form>
    </section>
  );
}
