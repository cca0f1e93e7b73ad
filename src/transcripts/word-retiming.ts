import type { TranscriptWord } from '../db/schema.ts';

/**
 * Word timings for a segment a person edited. The recogniser's timings stay on every word the
 * edit did not change (matched in order, ignoring case and punctuation) that still lies inside
 * the segment. The other words form gaps between timed neighbours: where the audio and a CTC
 * model are at hand, each gap is force-aligned to the audio between its neighbours
 * (word-realignment.ts) and its words are marked `aligned`; otherwise, and for any word the
 * aligner could not place, times are interpolated between the neighbours (or the segment's
 * boundaries), shared out by length, and marked `estimated`, with no confidence. So
 * click-to-seek and the word highlight keep working after an edit, and the desk can say which
 * timings no model measured.
 */

// Past this many cells the alignment table is not built: every word is estimated instead.
const MAX_CELLS = 1_000_000;
// Stored times are rounded to the millisecond, as the recogniser's are.
const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/** A word as compared: lower case, without the punctuation around it, ё as е. */
function comparable(word: string): string {
  return word
    .toLowerCase()
    .replace(/ё/gu, 'е')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** For each token, the index of the source word it keeps the timing of (longest common subsequence). */
function alignTokens(source: readonly string[], tokens: readonly string[]): (number | null)[] {
  const kept: (number | null)[] = tokens.map(() => null);
  if (source.length === 0 || source.length * tokens.length > MAX_CELLS) return kept;
  const width = tokens.length + 1;
  const lcs = new Uint32Array((source.length + 1) * width);
  for (let i = source.length - 1; i >= 0; i--) {
    for (let j = tokens.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        source[i] === tokens[j] && source[i] !== ''
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < source.length && j < tokens.length) {
    if (source[i] === tokens[j] && source[i] !== '') kept[j++] = i++;
    else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) i++;
    else j++;
  }
  return kept;
}

/** Spreads tokens over [from, to], each getting time in proportion to its length. */
function interpolate(tokens: readonly string[], from: number, to: number): TranscriptWord[] {
  const total = tokens.reduce((n, t) => n + t.length, 0);
  const span = Math.max(0, to - from);
  let at = from;
  return tokens.map((w) => {
    const start = at;
    at += total > 0 ? (span * w.length) / total : span / tokens.length;
    return { w, start: round(start), end: round(at), conf: null, estimated: true };
  });
}

/** A run of consecutive words the edit changed, and the time between their timed neighbours. */
export interface RetimingGap {
  words: string[];
  /** Index of the run's first word in the segment's words. */
  first: number;
  from: number;
  to: number;
}

/** What an edit left timed: each word's kept recogniser timing (or none), and the gaps between. */
export interface RetimingPlan {
  start: number;
  end: number;
  tokens: string[];
  kept: (TranscriptWord | undefined)[];
  gaps: RetimingGap[];
}

export function planRetiming(
  sourceWords: readonly TranscriptWord[],
  text: string,
  start: number,
  end: number,
): RetimingPlan {
  const tokens = text.split(/\s+/u).filter((t) => t !== '');
  const inside = sourceWords.filter((w) => w.start >= start - 0.001 && w.end <= end + 0.001);
  const matched = alignTokens(
    inside.map((w) => comparable(w.w)),
    tokens.map(comparable),
  );
  const kept = matched.map((index) => (index === null ? undefined : inside[index]));
  const gaps: RetimingGap[] = [];
  let previousEnd = start;
  tokens.forEach((token, j) => {
    const timed = kept[j];
    if (timed) {
      const open = gaps.at(-1);
      if (open && open.first + open.words.length === j) open.to = Math.max(open.from, timed.start);
      previousEnd = timed.end;
      return;
    }
    const open = gaps.at(-1);
    if (open && open.first + open.words.length === j) open.words.push(token);
    else gaps.push({ words: [token], first: j, from: previousEnd, to: end });
  });
  for (const gap of gaps) gap.to = Math.max(gap.from, gap.to);
  return { start, end, tokens, kept, gaps };
}

/** Times heard in the audio for a gap's words; null for a word the aligner could not place. */
export type AlignedGap = ({ start: number; end: number } | null)[];

/**
 * The segment's words: kept timings where the edit left them, aligned times for the gaps that
 * were aligned to the audio (marked `aligned`), interpolated ones elsewhere (marked `estimated`).
 */
export function applyRetiming(
  plan: RetimingPlan,
  aligned: readonly (AlignedGap | undefined)[] = [],
): TranscriptWord[] {
  const words: TranscriptWord[] = plan.tokens.map((w, j) => {
    const timed = plan.kept[j];
    return timed ? { ...timed, w } : { w, start: 0, end: 0, conf: null };
  });
  plan.gaps.forEach((gap, g) => {
    const times = aligned[g];
    gap.words.forEach((w, k) => {
      const time = times?.[k];
      if (time) words[gap.first + k] = { w, start: time.start, end: time.end, conf: null, aligned: true };
    });
  });
  // Whatever is still untimed shares the time between its timed neighbours.
  let pending: number[] = [];
  const flush = (until: number): void => {
    if (pending.length === 0) return;
    const first = pending[0]!;
    const from = first > 0 ? words[first - 1]!.end : plan.start;
    const filled = interpolate(
      pending.map((j) => words[j]!.w),
      from,
      Math.max(from, until),
    );
    pending.forEach((j, k) => (words[j] = filled[k]!));
    pending = [];
  };
  words.forEach((word, j) => {
    const timed = plan.kept[j] !== undefined || word.aligned === true;
    if (!timed) pending.push(j);
    else flush(word.start);
  });
  flush(plan.end);
  return words;
}

/** Word timings for an edited segment without the audio: kept where unchanged, estimated elsewhere. */
export function retimeWords(
  sourceWords: readonly TranscriptWord[],
  text: string,
  start: number,
  end: number,
): TranscriptWord[] {
  return applyRetiming(planRetiming(sourceWords, text, start, end));
}
