import { useState, type FormEvent } from 'react';
import './triage.css';
import { errorText } from '../../api/http.ts';

/** Tags as chips; with onRemove each chip has a × button that names what it removes. */
export function TagChips({
  tags,
  onRemove,
  hrefOf,
  label = 'Tags',
  removeLabel = (tag) => `Remove tag ${tag}`,
}: {
  tags: readonly string[];
  onRemove?: (tag: string) => Promise<void>;
  /** Makes each tag a link (the Calls list filtered to it). */
  hrefOf?: (tag: string) => string;
  /** The list's accessible name: whose tags these are, where several lists share a page. */
  label?: string;
  /** A remove button's accessible name. */
  removeLabel?: (tag: string) => string;
}) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-chips" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag} className="tag-chip" data-testid="tag-chip">
          {hrefOf ? (
            <a href={hrefOf(tag)} onClick={(e) => e.stopPropagation()} title={`Calls tagged ${tag}`}>
              {tag}
            </a>
          ) : (
            <span>{tag}</span>
          )}
          {onRemove ? (
            <button
              type="button"
              className="tag-remove"
              aria-label={removeLabel(tag)}
              title={removeLabel(tag)}
              onClick={(e) => {
                e.stopPropagation();
                void onRemove(tag);
              }}
            >
              ×
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A star toggle: a button that says what it does, pressed when starred. */
export function StarToggle({
  starred,
  label,
  onToggle,
}: {
  starred: boolean;
  /** What is starred, for screen readers: "this call", "segment 00:12". */
  label: string;
  onToggle: (on: boolean) => Promise<void>;
}) {
  return (
    <button
      type="button"
      className={`star-toggle${starred ? ' on' : ''}`}
      aria-pressed={starred}
      aria-label={starred ? `Unstar ${label}` : `Star ${label}`}
      title={
        starred ? `Starred (only you see your stars); click to unstar` : `Star ${label} (only you see it)`
      }
      data-testid="star-toggle"
      onClick={(e) => {
        e.stopPropagation();
        void onToggle(!starred);
      }}
    >
      {starred ? '★' : '☆'}
    </button>
  );
}

/** A one-field form that adds a tag; the server's refusal is shown under it. */
export function AddTagForm({
  onAdd,
  label = 'Add a tag',
  suggestions = [],
  autoFocus = false,
  onCancel,
}: {
  onAdd: (tag: string) => Promise<void>;
  label?: string;
  suggestions?: readonly string[];
  /** Focus the field when the form appears (a form opened by a button). */
  autoFocus?: boolean;
  /** Offers a Cancel button, and Escape in the field, that close the form. */
  onCancel?: () => void;
}) {
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!tag.trim()) return setError('Type the tag first.');
    try {
      await onAdd(tag.trim());
      setTag('');
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const listId = `tag-suggestions-${label.replace(/\W+/g, '-')}`;
  return (
    <form className="add-tag" onSubmit={(e) => void submit(e)}>
      <input
        value={tag}
        onChange={(e) => setTag(e.target.value)}
        placeholder="tag"
        aria-label={label}
        list={suggestions.length > 0 ? listId : undefined}
        maxLength={60}
        autoFocus={autoFocus}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !onCancel) return;
          // Closes this form only: Escape must not also reach the page (the player, a dialog).
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }}
      />
      {suggestions.length > 0 ? (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
      <button type="submit" className="small">
        Tag
      </button>
      {onCancel ? (
        <button type="button" className="small" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
