import type { TranscriptWord } from '../../db/schema.ts';
import type { ExcerptSourceSegment } from './call-transcript.ts';
import type { LocatedMention } from './text-redaction.ts';

/**
 * Where the audio must be covered: for each protected mention in the Russian text, the time of
 * the word(s) that say it, from the recogniser's word timings, widened by a margin. A mention
 * whose words have no timing (a segment a person corrected keeps none; a word the text no longer
 * holds) covers its whole segment instead, and says so ('segment-fallback'). Spans are in
 * seconds of the call, cover every channel, and never reach outside the excerpt.
 */

export type AudioRedactionMode = 'tone' | 'silence';
export type SpanReason = 'word-timing' | 'segment-fallback';

export interface AudioRedactionSpan {
  start: number;
  end: number;
  mode: AudioRedactionMode;
  /** The first identity the span covers; identityIds has all when spans were merged. */
  identityId: string;
  identityIds: string[];
  reason: SpanReason;
  /** Segments whose whole span was covered for want of word timings. */
  fallbackSegmentIds: string[];
}

export interface AudioSpanOptions {
  mode: AudioRedactionMode;
  /** Seconds added before and after each word (default 0.15). */
  marginSeconds?: number;
  /** The excerpt's range: spans are clipped to it. */
  range: { from: number; to: number };
}

export const DEFAULT_MARGIN_SECONDS = 0.15;

/** The spans for the mentions of the selected segments, merged where they overlap. */
export function audioRedactionSpans(
  segments: readonly ExcerptSourceSegment[],
  mentions: readonly LocatedMention[],
  options: AudioSpanOptions,
): AudioRedactionSpan[] {
  const margin = options.marginSeconds ?? DEFAULT_MARGIN_SECONDS;
  const located = segments.map((s) => locateWords(s.text, s.words));
  const spans: AudioRedactionSpan[] = [];
  for (const m of mentions) {
    const segment = segments[m.segmentIndex];
    if (!segment) continue;
    const timed = wordTimeOf(segment, located[m.segmentIndex]!, m);
    const [start, end] = timed ? [timed.start - margin, timed.end + margin] : [segment.start, segment.end];
    const span = {
      start: Math.max(options.range.from, start),
      end: Math.min(options.range.to, end),
      mode: options.mode,
      identityId: m.identityId,
      identityIds: [m.identityId],
      reason: timed ? ('word-timing' as const) : ('segment-fallback' as const),
      fallbackSegmentIds: timed ? [] : [segment.id],
    };
    if (span.end > span.start) spans.push(span);
  }
  return mergeSpans(spans);
}

/**
 * The time the mention is spoken: from the first to the last word its characters fall in. Undefined
 * when a letter of it lies in no located word: then no timing can be trusted to cover it.
 */
function wordTimeOf(
  segment: ExcerptSourceSegment,
  located: readonly (WordPlace | null)[],
  mention: LocatedMention,
): { start: number; end: number } | undefined {
  const covering = located.filter(
    (p): p is WordPlace => p !== null && p.start < mention.end && p.end > mention.start,
  );
  if (covering.length === 0) return undefined;
  for (let i = mention.start; i < mention.end; i++) {
    if (!/[\p{L}\p{N}]/u.test(segment.text[i] ?? '')) continue;
    if (!covering.some((p) => p.start <= i && i < p.end)) return undefined;
  }
  return {
    start: Math.min(...covering.map((p) => p.word.start)),
    end: Math.max(...covering.map((p) => p.word.end)),
  };
}

interface WordPlace {
  start: number;
  end: number;
  word: TranscriptWord;
}

/** Folds case and ё without changing lengths, so offsets stay those of the text. */
function fold(text: string): string {
  return [...text]
    .map((c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c))
    .join('')
    .replace(/ё/g, 'е');
}

/**
 * Where each recognised word sits in the segment's text, found in order (as the Call page
 * places them); punctuation the recogniser attached to a word is ignored. A word the text no
 * longer holds is null.
 */
export function locateWords(text: string, words: readonly TranscriptWord[]): (WordPlace | null)[] {
  const folded = fold(text);
  let cursor = 0;
  return words.map((word) => {
    const needle = fold(word.w.trim()).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!needle) return null;
    const at = folded.indexOf(needle, cursor);
    if (at < 0) return null;
    cursor = at + needle.length;
    return { start: at, end: at + needle.length, word };
  });
}

/** Joins spans that overlap or touch; a merged span is a fallback when any part was one. */
export function mergeSpans(spans: readonly AudioRedactionSpan[]): AudioRedactionSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: AudioRedactionSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      for (const id of span.identityIds) if (!last.identityIds.includes(id)) last.identityIds.push(id);
      for (const id of span.fallbackSegmentIds)
        if (!last.fallbackSegmentIds.includes(id)) last.fallbackSegmentIds.push(id);
      if (span.reason === 'segment-fallback') last.reason = 'segment-fallback';
    } else {
      merged.push({
        ...span,
        identityIds: [...span.identityIds],
        fallbackSegmentIds: [...span.fallbackSegmentIds],
      });
    }
  }
  return merged;
}
