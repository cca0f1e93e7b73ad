import type { AnalysisEntity, AnalysisMatch } from '../../api/analysis.ts';
import type { Word } from '../../api/transcripts.ts';

export interface TextPiece {
  start: number;
  end: number;
  text: string;
  wordIndex: number | null;
  match: AnalysisMatch | null;
  entity: AnalysisEntity | null;
  /** Inside a phrase that weighed in the meaning flag being looked at. */
  phrase: boolean;
}

/** A stretch of the segment's text, [start, end) in string offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Where each recognised word sits in the segment's text (string offsets), found in order. Words the
 * text no longer contains (after a human edit, for instance) get null and are not clickable.
 */
export function locateWords(text: string, words: readonly Word[]): ([number, number] | null)[] {
  const lower = text.toLowerCase();
  let cursor = 0;
  return words.map((word) => {
    const needle = word.w.trim().toLowerCase();
    if (!needle) return null;
    const at = lower.indexOf(needle, cursor);
    if (at < 0) return null;
    cursor = at + needle.length;
    return [at, at + needle.length];
  });
}

/**
 * Cuts the text at every word, code-word match, entity and highlighted phrase boundary, so that
 * each piece knows which word it belongs to (for seeking and following playback) and which
 * highlight it carries.
 */
export function splitSegmentText(
  text: string,
  words: readonly Word[],
  matches: readonly AnalysisMatch[],
  entities: readonly AnalysisEntity[],
  phrases: readonly TextRange[] = [],
): TextPiece[] {
  const wordRanges = locateWords(text, words);
  const cuts = new Set<number>([0, text.length]);
  const clamp = (n: number) => Math.min(text.length, Math.max(0, n));
  for (const range of wordRanges) if (range) range.forEach((n) => cuts.add(n));
  for (const m of [...matches, ...entities, ...phrases]) {
    cuts.add(clamp(m.start));
    cuts.add(clamp(m.end));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    if (end <= start) continue;
    const wordIndex = wordRanges.findIndex((r) => r !== null && r[0] <= start && end <= r[1]);
    pieces.push({
      start,
      end,
      text: text.slice(start, end),
      wordIndex: wordIndex >= 0 ? wordIndex : null,
      match: matches.find((m) => m.start <= start && end <= m.end) ?? null,
      entity: entities.find((e) => e.start <= start && end <= e.end) ?? null,
      phrase: phrases.some((p) => p.start <= start && end <= p.end),
    });
  }
  return pieces;
}

/** The word being spoken at `time`, or the last one before it within the segment. */
export function activeWordIndex(words: readonly Word[], time: number): number | null {
  let found: number | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.start <= time) found = i;
    else break;
  }
  return found;
}
