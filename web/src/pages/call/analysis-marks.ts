import { useMemo } from 'react';
import type { AnalysisEntity, AnalysisMatch, MeaningFlag, RecordingAnalysis } from '../../api/analysis.ts';
import { MEANING_COUNTED_CONFIDENCE } from '../../api/categories.ts';
import type { Segment, TranscriptResponse } from '../../api/transcripts.ts';
import { numberHref } from '../numbers/number-href.ts';

export interface AnalysisMarks {
  matchesBySegment: Map<string, AnalysisMatch[]>;
  entitiesBySegment: Map<string, AnalysisEntity[]>;
  /** The meaning classifier's flags, most confident first. */
  meaningBySegment: Map<string, MeaningFlag[]>;
  /** Segments holding at least one code-word match or a counted meaning flag. */
  flaggedSegmentIds: Set<string>;
}

export function groupBySegment<T extends { segmentId: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(item.segmentId, [...(map.get(item.segmentId) ?? []), item]);
  return map;
}

/**
 * Where a marked entity leads: a spoken phone number (E.164, as the analysis normalised it) to its
 * number page; other kinds to nothing.
 */
export function entityHref(entity: Pick<AnalysisEntity, 'kind' | 'value'>): string | null {
  return entity.kind === 'phone' && /^\+[1-9]\d{5,14}$/.test(entity.value) ? numberHref(entity.value) : null;
}

/** Where a match is heard: the start of the word that holds it, else its segment's start. */
export function matchTime(match: AnalysisMatch, segment: Segment): number {
  const words = segment.words ?? [];
  let cursor = 0;
  for (const word of words) {
    const at = segment.text.toLowerCase().indexOf(word.w.toLowerCase(), cursor);
    if (at < 0) continue;
    cursor = at + word.w.length;
    if (cursor > match.start) return word.start;
  }
  return segment.start;
}

/**
 * The first flagged moment after `now`, or null when there is none: each code word where it is
 * said, and each segment that only meaning flags (`flaggedSegmentIds` without a match) at its
 * start. A flag closer than 50 ms counts as the current one, so that pressing n again moves on.
 */
export function nextFlagTime(
  segments: readonly Segment[],
  matchesBySegment: ReadonlyMap<string, readonly AnalysisMatch[]>,
  now: number,
  flaggedSegmentIds: ReadonlySet<string> = new Set(),
): number | null {
  const times = segments
    .flatMap((s) => {
      const matches = matchesBySegment.get(s.id) ?? [];
      if (matches.length === 0) return flaggedSegmentIds.has(s.id) ? [s.start] : [];
      return matches.map((m) => matchTime(m, s));
    })
    .filter((t) => t > now + 0.05)
    .sort((a, b) => a - b);
  return times[0] ?? null;
}

/**
 * The analysis's code-word matches, entities and meaning flags by segment, for the transcript shown. An analysis
 * of another transcript version marks nothing: its offsets belong to other text.
 */
export function useAnalysisMarks(
  analysis: RecordingAnalysis | null,
  transcript: TranscriptResponse | null,
): AnalysisMarks {
  const analysedThis = !!analysis && !!transcript && analysis.transcriptId === transcript.transcript.id;
  const matchesBySegment = useMemo(
    () => groupBySegment<AnalysisMatch>(analysedThis ? analysis.matches : []),
    [analysis, analysedThis],
  );
  const entitiesBySegment = useMemo(
    () => groupBySegment<AnalysisEntity>(analysedThis ? analysis.entities : []),
    [analysis, analysedThis],
  );
  const meaningBySegment = useMemo(
    () =>
      groupBySegment<MeaningFlag>(
        analysedThis ? [...analysis.meaning].sort((a, b) => b.confidence - a.confidence) : [],
      ),
    [analysis, analysedThis],
  );
  const flaggedSegmentIds = useMemo(
    () =>
      new Set([
        ...matchesBySegment.keys(),
        ...[...meaningBySegment]
          .filter(([, flags]) => flags.some((f) => f.confidence >= MEANING_COUNTED_CONFIDENCE))
          .map(([id]) => id),
      ]),
    [matchesBySegment, meaningBySegment],
  );
  return { matchesBySegment, entitiesBySegment, meaningBySegment, flaggedSegmentIds };
}
