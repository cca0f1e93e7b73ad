import { useCallback, useState } from 'react';
import type { CorrectionResult, Segment } from '../../api/transcripts.ts';
import type { SegmentEdit } from './segment-editor.tsx';

/** What the desk says once a correction is saved. */
export function savedMessage(result: CorrectionResult): string {
  const rerun = result.rerun.stages.length > 0 ? ` Running again: ${result.rerun.stages.join(', ')}.` : '';
  return `Saved as version ${result.transcript.version} by ${result.transcript.createdBy}.${wordTimingMessage(result)}${rerun}`;
}

/** How the words the person changed were timed: aligned to the audio, or estimated and why. */
function wordTimingMessage({ wordTiming }: CorrectionResult): string {
  const plural = (n: number) => (n === 1 ? '1 word' : `${n} words`);
  const aligned = wordTiming.aligned > 0 ? ` ${plural(wordTiming.aligned)} aligned to the audio.` : '';
  const estimated =
    wordTiming.estimated > 0
      ? ` ${plural(wordTiming.estimated)} with estimated times${wordTiming.notes.length > 0 ? ` (${wordTiming.notes.join('; ')})` : ''}.`
      : '';
  return aligned + estimated;
}

/**
 * Which segment is being edited, and the notice after a save. `saveCorrection` stores the
 * correction (and refreshes the call's data); `showLatest` then shows the new latest version.
 */
export function useSegmentEditing(
  saveCorrection: (segment: Segment, edit: SegmentEdit) => Promise<CorrectionResult>,
  showLatest: () => void,
) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const save = useCallback(
    async (segment: Segment, edit: SegmentEdit) => {
      const result = await saveCorrection(segment, edit);
      setEditingId(null);
      setSaved(savedMessage(result));
      showLatest();
    },
    [saveCorrection, showLatest],
  );
  const dismissSaved = useCallback(() => setSaved(null), []);

  return { editingId, edit: setEditingId, save, saved, dismissSaved };
}
