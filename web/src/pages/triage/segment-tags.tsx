import { useEffect, useRef, useState } from 'react';
import { errorText } from '../../api/http.ts';
import { formatClock } from '../../format.ts';
import { AddTagForm, TagChips } from './tag-chips.tsx';
import type { SegmentTagging } from './use-call-triage.ts';

/**
 * A segment's tags where the segment is, in the transcript: its chips (each with a remove button
 * for whoever may tag), and a "+ Tag" button that opens a one-field form in place. The form closes
 * on a tag added, Cancel or Escape, and gives focus back to the button, so a keyboard user goes on
 * from where they were.
 */
export function SegmentTags({
  segmentId,
  start,
  tags,
  tagging,
}: {
  segmentId: string;
  /** The segment's start (s): names the segment for a screen reader. */
  start: number;
  tags: readonly string[];
  tagging: SegmentTagging;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const where = `segment at ${formatClock(start)}`;
  const returnFocus = useRef(false);
  const close = () => {
    returnFocus.current = true;
    setOpen(false);
  };
  // Once the button is back in place of the form, focus returns to it: where the form was opened.
  useEffect(() => {
    if (open || !returnFocus.current) return;
    returnFocus.current = false;
    opener.current?.focus();
  }, [open]);
  if (tags.length === 0 && !tagging.canTag) return null;
  return (
    <div className="segment-tags" data-testid="segment-tags">
      <TagChips
        tags={tags}
        label={`Tags of the ${where}`}
        removeLabel={(tag) => `Remove tag ${tag} from the ${where}`}
        onRemove={
          tagging.canTag
            ? async (tag) => {
                try {
                  await tagging.remove(segmentId, tag);
                  setError(null);
                } catch (e) {
                  setError(errorText(e));
                }
              }
            : undefined
        }
      />
      {tagging.canTag && !open ? (
        <button
          ref={opener}
          type="button"
          className="small add-segment-tag"
          aria-label={`Tag the ${where}`}
          data-testid="add-segment-tag"
          onClick={() => {
            setError(null);
            setOpen(true);
          }}
        >
          + Tag
        </button>
      ) : null}
      {open ? (
        <div className="segment-tag-form">
          <AddTagForm
            label={`Tag for the ${where}`}
            suggestions={tagging.suggestions}
            autoFocus
            onAdd={async (tag) => {
              await tagging.add(segmentId, tag);
              close();
            }}
            onCancel={close}
          />
        </div>
      ) : null}
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
