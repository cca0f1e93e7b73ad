import type { Segment } from '../../api/transcripts.ts';

// A link's time is rounded (?t=12.34 for a segment that starts at 12.344) and a player's seek can
// land a hair early: the segment the link names counts as heard from this far before its start.
const LINK_TOLERANCE_SECONDS = 0.05;

/**
 * The segment being heard at `time`: the one a link named (a search hit, a note) while playback
 * is inside it, else, of the segments that cover the time (people talk over each other on two
 * lanes), the one that started last. Picking the first covering segment highlighted the
 * neighbour that started earlier and was still running.
 */
export function activeSegmentAt(
  segments: readonly Segment[],
  time: number,
  namedId: string | null,
): Segment | null {
  const named = namedId ? segments.find((s) => s.id === namedId) : undefined;
  if (named && named.start - LINK_TOLERANCE_SECONDS <= time && time < named.end) return named;
  let active: Segment | null = null;
  for (const s of segments) {
    if (s.start <= time && time < s.end && (!active || s.start >= active.start)) active = s;
  }
  return active;
}

/** Where a link starts playback: the named segment's own start, else the time it gave. */
export function linkStart(
  segments: readonly Segment[],
  namedId: string | null,
  t: string | null,
): string | null {
  const named = namedId ? segments.find((s) => s.id === namedId) : undefined;
  return named ? String(named.start) : t;
}
