import { useState, type FormEvent } from 'react';
import { errorText } from '../../api/http.ts';
import type { Segment } from '../../api/transcripts.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { laneChoices } from '../../lanes.ts';
import { editedSeconds, shownSeconds } from './segment-times.ts';

export interface SegmentEdit {
  text: string;
  lane: string;
  start: number;
  end: number;
}

/**
 * Edits one segment's text, speaker lane and boundaries. Checks what it can before sending (the
 * server checks again and its message is shown as it is).
 */
export function SegmentEditor({
  segment,
  lanes,
  onSave,
  onCancel,
}: {
  segment: Segment;
  lanes: string[];
  onSave: (edit: SegmentEdit) => Promise<void>;
  onCancel: () => void;
}) {
  const [text, setText] = useState(segment.text);
  const [lane, setLane] = useState(segment.lane);
  const [start, setStart] = useState(shownSeconds(segment.start));
  const [end, setEnd] = useState(shownSeconds(segment.end));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startSeconds = editedSeconds(segment.start, start);
    const endSeconds = editedSeconds(segment.end, end);
    if (!text.trim())
      return setError('The text is empty: write what is said, or keep the segment as it was.');
    if (!Number.isFinite(startSeconds) || !Number.isFinite(endSeconds) || startSeconds < 0)
      return setError('Start and end must be numbers of seconds.');
    if (endSeconds <= startSeconds) return setError('The end must be after the start.');
    setSaving(true);
    setError(null);
    try {
      await onSave({ text: text.trim(), lane, start: startSeconds, end: endSeconds });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="segment-editor" onSubmit={(e) => void submit(e)} data-testid="segment-editor">
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        autoFocus
        aria-label="Segment text"
      />
      <div className="editor-fields">
        <label>
          Lane
          <select value={lane} onChange={(e) => setLane(e.target.value)} aria-label="Speaker lane">
            {laneChoices(lanes).map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </label>
        <label>
          Start (s)
          <input
            type="number"
            step="0.01"
            min="0"
            value={start}
            onChange={(e) => setStart(e.target.value)}
            aria-label="Start seconds"
          />
        </label>
        <label>
          End (s)
          <input
            type="number"
            step="0.01"
            min="0"
            value={end}
            onChange={(e) => setEnd(e.target.value)}
            aria-label="End seconds"
          />
        </label>
        <div className="spacer" />
        <button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving} data-testid="save-segment">
          {saving ? 'Saving…' : 'Save as new version'}
        </button>
      </div>
      <ErrorMessage error={error} inline />
    </form>
  );
}
