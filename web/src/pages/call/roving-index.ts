/**
 * The roving tabindex of a one-row composite widget (WAI-ARIA Authoring Practices, "Managing focus
 * within components"): the group is one Tab stop, and arrow keys move focus inside it. Used for the
 * timed words of a transcript segment, so that a keyboard walks a call segment by segment instead
 * of word by word, and a screen reader meets one toolbar per segment instead of hundreds of stops.
 */

/**
 * Where focus goes from `current` (0-based, among `count` items) for a key: Left/Right one item
 * (stopping at the ends: a segment's last word is not the next segment's first), Home/End the
 * first and last. null: the key is not the group's (Tab, Enter, letters) and is left alone.
 */
export function nextRovingIndex(current: number, key: string, count: number): number | null {
  if (count <= 0) return null;
  const from = rovingStop(current, count);
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, from - 1);
    case 'ArrowRight':
      return Math.min(count - 1, from + 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The item that holds the group's Tab stop (tabindex 0; the others -1): the last one focused,
 * kept inside the group when it has shrunk (a segment edited to fewer words).
 */
export function rovingStop(remembered: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(0, Math.trunc(remembered)), count - 1);
}
