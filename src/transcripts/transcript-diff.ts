import type { SegmentPlacement } from './transcript-store.ts';
import { diffWords, type WordDiffPart } from './word-diff.ts';

/** The fields of a segment a diff compares. */
export interface DiffSegment extends SegmentPlacement {
  id: string;
  position: number;
}

export interface SegmentChange {
  type: 'added' | 'removed' | 'changed' | 'unchanged';
  from: DiffSegment | null;
  to: DiffSegment | null;
  textChanged: boolean;
  laneChanged: boolean;
  speakerChanged: boolean;
  boundariesChanged: boolean;
  /** Word-level diff of the text; empty unless the text changed. */
  words: WordDiffPart[];
}

export interface TranscriptDiff {
  summary: { added: number; removed: number; changed: number; unchanged: number };
  changes: SegmentChange[];
}

// Boundaries are stored as doubles; a change below a millisecond is not a change anyone made.
const TIME_EPSILON = 0.0005;

function compare(from: DiffSegment, to: DiffSegment): SegmentChange {
  const textChanged = from.text !== to.text;
  const laneChanged = from.lane !== to.lane || from.channel !== to.channel;
  const speakerChanged = from.speaker !== to.speaker;
  const boundariesChanged =
    Math.abs(from.start - to.start) > TIME_EPSILON || Math.abs(from.end - to.end) > TIME_EPSILON;
  const changed = textChanged || laneChanged || speakerChanged || boundariesChanged;
  return {
    type: changed ? 'changed' : 'unchanged',
    from,
    to,
    textChanged,
    laneChanged,
    speakerChanged,
    boundariesChanged,
    words: textChanged ? diffWords(from.text, to.text) : [],
  };
}

const one = (type: 'added' | 'removed', from: DiffSegment | null, to: DiffSegment | null): SegmentChange => ({
  type,
  from,
  to,
  textChanged: false,
  laneChanged: false,
  speakerChanged: false,
  boundariesChanged: false,
  words: [],
});

/**
 * Segment-by-segment diff between two versions. `origin` maps a segment id of the newer version
 * to the segment of the older version it descends from (through corrections); segments without
 * one are paired when channel and boundaries are identical (a machine redo of the same regions),
 * otherwise they read as added, and unpaired old segments as removed. Changes come in the newer
 * version's order, removed segments where they stood.
 */
export function diffTranscripts(
  from: readonly DiffSegment[],
  to: readonly DiffSegment[],
  origin: ReadonlyMap<string, string>,
): TranscriptDiff {
  const fromById = new Map(from.map((s) => [s.id, s]));
  const paired = new Map<string, DiffSegment>();
  const used = new Set<string>();
  for (const segment of to) {
    const source = origin.get(segment.id);
    const match = source === undefined ? undefined : fromById.get(source);
    if (match && !used.has(match.id)) {
      paired.set(segment.id, match);
      used.add(match.id);
    }
  }
  for (const segment of to) {
    if (paired.has(segment.id)) continue;
    const match = from.find(
      (s) =>
        !used.has(s.id) &&
        s.channel === segment.channel &&
        Math.abs(s.start - segment.start) <= TIME_EPSILON &&
        Math.abs(s.end - segment.end) <= TIME_EPSILON,
    );
    if (match) {
      paired.set(segment.id, match);
      used.add(match.id);
    }
  }

  const changes: SegmentChange[] = [];
  const removed = from.filter((s) => !used.has(s.id));
  let nextRemoved = 0;
  const flushRemovedWhile = (before: (s: DiffSegment) => boolean): void => {
    while (nextRemoved < removed.length && before(removed[nextRemoved]!)) {
      changes.push(one('removed', removed[nextRemoved]!, null));
      nextRemoved++;
    }
  };
  for (const segment of to) {
    const match = paired.get(segment.id);
    // Removed segments go where they were: before the next kept one, or before a new one that
    // starts after them.
    if (match) flushRemovedWhile((s) => s.position < match.position);
    else flushRemovedWhile((s) => s.start < segment.start);
    changes.push(match ? compare(match, segment) : one('added', null, segment));
  }
  flushRemovedWhile(() => true);

  const summary = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const c of changes) summary[c.type]++;
  return { summary, changes };
}
