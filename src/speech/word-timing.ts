/** A recognised word with its time span (seconds) and, where the engine gives it, a confidence. */
export interface TimedWord {
  w: string;
  start: number;
  end: number;
  conf: number | null;
}

export interface TimedToken {
  token: string;
  /** When the token was emitted (seconds from the start of the decoded audio). */
  start: number;
  /** Probability of the token (exp of its log-probability), null when the engine gives none. */
  prob: number | null;
}

// sentencepiece marks a word start with U+2581; character models emit a plain space token.
const WORD_START_MARK = '\u2581';

/**
 * Groups CTC tokens into words. A CTC token's timestamp is the frame where it first fires, so a
 * word starts at its first token and ends where the next token (a space or the next word) fires;
 * the last word ends one token step after its last token, capped at the audio's end.
 */
export function wordsFromTokens(
  tokens: TimedToken[],
  options: { stepSeconds: number; audioEnd: number },
): TimedWord[] {
  const words: TimedWord[] = [];
  let current: { text: string; start: number; probs: (number | null)[]; lastIndex: number } | undefined;
  const close = (endTime: number): void => {
    if (!current || current.text === '') {
      current = undefined;
      return;
    }
    const known = current.probs.filter((p): p is number => p !== null);
    words.push({
      w: current.text,
      start: round(current.start),
      end: round(Math.max(endTime, current.start)),
      // A word is as doubtful as its weakest character.
      conf: known.length === current.probs.length && known.length > 0 ? round(Math.min(...known)) : null,
    });
    current = undefined;
  };
  tokens.forEach((token, index) => {
    const startsWord = token.token.startsWith(WORD_START_MARK);
    const text = token.token.replaceAll(WORD_START_MARK, ' ');
    if (text.trim() === '') {
      close(token.start);
      return;
    }
    if (startsWord) close(token.start);
    current ??= { text: '', start: token.start, probs: [], lastIndex: index };
    current.text += text.trim();
    current.probs.push(token.prob);
    current.lastIndex = index;
  });
  if (current) close(Math.min(options.audioEnd, (tokens.at(-1)?.start ?? 0) + options.stepSeconds));
  return words;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
