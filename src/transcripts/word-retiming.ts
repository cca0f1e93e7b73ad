import type { TranscriptWord } from '../db/schema.ts';

/**
 * Word timings for a segment a person edited. The recogniser's timings stay on every word the
 * edit did not change (matched in order, ignoring case and punctuation) that still lies inside
 * the segment; the other words get times interpolated between their timed neighbours (or the
 * segment's boundaries), shared out by length, and are marked `estimated`, with no confidence.
 * So click-to-seek and the word highlight keep working after an edit, and the desk can say which
 * timings no recogniser measured.
 *
 * Why not re-align with the recogniser: the speech engine (src/speech/) returns decoded text and
 * word times, not the per-frame CTC posteriors a forced alignment needs.
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

export function retimeWords(
  sourceWords: readonly TranscriptWord[],
  text: string,
  start: number,
  end: number,
): TranscriptWord[] {
  const tokens = text.split(/\s+/u).filter((t) => t !== '');
  const inside = sourceWords.filter((w) => w.start >= start - 0.001 && w.end <= end + 0.001);
  const kept = alignTokens(
    inside.map((w) => comparable(w.w)),
    tokens.map(comparable),
  );
  const words: TranscriptWord[] = [];
  let pending: string[] = [];
  // The estimated words between two timed ones share the time between them.
  const flush = (until: number): void => {
    if (pending.length === 0) return;
    const from = words.at(-1)?.end ?? start;
    words.push(...interpolate(pending, from, Math.max(from, until)));
    pending = [];
  };
  tokens.forEach((token, j) => {
    const index = kept[j];
    const timed = index === null || index === undefined ? undefined : inside[index];
    if (!timed) {
      pending.push(token);
      return;
    }
    flush(timed.start);
    words.push({ ...timed, w: token });
  });
  flush(end);
  return words;
}
