/**
 * CTC forced alignment (Viterbi): the most probable path through a CTC model's per-frame
 * log-probabilities that spells a given token sequence, and from it the frames where each word's
 * tokens are emitted. Blank and the word-separator token are both "between letters" here: a word
 * boundary may fall in a frame the model gave to either, so a missing or extra space in the
 * model's view never forces a letter onto the wrong frame.
 */

export interface CtcLogProbs {
  /** Row-major [frames][vocabulary] natural-log probabilities. */
  data: Float32Array;
  frames: number;
  vocabulary: number;
}

/** First and last output frame (inclusive) where a word's tokens are emitted. */
export interface WordFrames {
  first: number;
  last: number;
}

const NEGATIVE = -Infinity;

function logAddExp(a: number, b: number): number {
  if (a === NEGATIVE) return b;
  if (b === NEGATIVE) return a;
  const high = Math.max(a, b);
  return high + Math.log(Math.exp(a - high) + Math.exp(b - high));
}

/** Frames a path needs: one per token, plus a gap frame between repeated tokens. */
export function framesNeeded(tokens: readonly number[]): number {
  let needed = tokens.length;
  for (let i = 1; i < tokens.length; i++) if (tokens[i] === tokens[i - 1]) needed++;
  return needed;
}

/**
 * Aligns the words (each a non-empty list of token ids) over output frames [from, to). Returns
 * each word's frames, or null when the window has fewer frames than the words need.
 */
export function forceAlignWords(
  logProbs: CtcLogProbs,
  words: readonly (readonly number[])[],
  gapTokens: readonly number[],
  window: { from: number; to: number },
): WordFrames[] | null {
  const labels = words.flat();
  const wordOf = words.flatMap((tokens, w) => tokens.map(() => w));
  const from = Math.max(0, window.from);
  const frames = Math.min(logProbs.frames, window.to) - from;
  if (labels.length === 0) return [];
  if (frames < framesNeeded(labels)) return null;
  const { data, vocabulary } = logProbs;
  const states = 2 * labels.length + 1;
  // The log-probability of "between letters" (blank or separator) per frame.
  const gap = new Float64Array(frames);
  for (let t = 0; t < frames; t++) {
    let sum = NEGATIVE;
    for (const g of gapTokens) sum = logAddExp(sum, data[(from + t) * vocabulary + g]!);
    gap[t] = sum;
  }
  // Even states are gaps, odd state 2k+1 is label k.
  const emit = (t: number, s: number): number =>
    s % 2 === 1 ? data[(from + t) * vocabulary + labels[(s - 1) / 2]!]! : gap[t]!;
  // back[t * states + s]: how many states the path stepped to reach s at t (0, 1 or 2).
  const back = new Uint8Array(frames * states);
  let previous = new Float64Array(states).fill(NEGATIVE);
  let current = new Float64Array(states);
  previous[0] = emit(0, 0);
  previous[1] = emit(0, 1);
  for (let t = 1; t < frames; t++) {
    for (let s = 0; s < states; s++) {
      let best = previous[s]!;
      let step = 0;
      if (s >= 1 && previous[s - 1]! > best) {
        best = previous[s - 1]!;
        step = 1;
      }
      const skipAllowed = s % 2 === 1 && s >= 3 && labels[(s - 1) / 2] !== labels[(s - 3) / 2];
      if (skipAllowed && previous[s - 2]! > best) {
        best = previous[s - 2]!;
        step = 2;
      }
      current[s] = best === NEGATIVE ? NEGATIVE : best + emit(t, s);
      back[t * states + s] = step;
    }
    [previous, current] = [current, previous];
  }
  let state = previous[states - 1]! >= previous[states - 2]! ? states - 1 : states - 2;
  if (previous[state] === NEGATIVE) return null;
  const spans: (WordFrames | undefined)[] = words.map(() => undefined);
  for (let t = frames - 1; t >= 0; t--) {
    if (state % 2 === 1) {
      const word = wordOf[(state - 1) / 2]!;
      const span = spans[word];
      if (span) span.first = from + t;
      else spans[word] = { first: from + t, last: from + t };
    }
    state -= back[t * states + state]!;
  }
  return spans.map((span) => span!);
}
