/**
 * Text normalisation shared by the lexicon compiler and the matcher, so a lexicon variant and a
 * transcript word meet in the same form: lower case, ё folded to е, stress marks removed.
 * Recogniser output has no capitals or punctuation, so nothing downstream may rely on them.
 */

const STRESS_MARK = /\u0301/g;
/** Ukrainian writes an apostrophe inside words («м'ясо», «п'ять»); recognisers leave it out. */
const APOSTROPHE = /['’ʼ]/g;

export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(STRESS_MARK, '').replace(APOSTROPHE, '').replaceAll('ё', 'е');
}

export interface Token {
  /** Offsets into the original text, `[start, end)`. */
  start: number;
  end: number;
  /** The text as written. */
  surface: string;
  /** Lower case, ё → е, no stress marks, no apostrophes. */
  norm: string;
  /** Contains a censoring mark (`е**шить`, `на..й`, `сп…дили`). */
  censored: boolean;
  /** All digits, optionally with an ordinal/case ending: `200`, `200-х`, `78-м`. */
  digits?: { value: number; suffix: string };
}

/**
 * Words: letters and digits, with censoring marks inside a word (a mark after a word, as in a
 * footnote «передке**», is not part of it). Hyphens split
 * words (`груз-200` → `груз`, `200`) except a short case ending after digits (`200-х`, `78-м`),
 * which is how ordinals are written and what the number rules look at. An apostrophe between
 * letters stays inside the word (Ukrainian «м'ясо», «зв'язок»).
 */
const TOKEN =
  /[\p{L}\p{N}\u0301]+(?:['’][\p{L}\u0301]+)*(?:(?:\*+|…|\.{2,3})[\p{L}\u0301]+)*(?:-[\p{L}]{1,3}(?![\p{L}\p{N}-]))?/gu;
const DIGITS = /^(\d+)(?:-(\p{L}{1,3}))?$/u;
const CENSOR = /\*|…|\.\./;

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let surface = m[0];
    const start = m.index;
    // A hyphenated ending is only kept after digits; after letters it is a separate word.
    const hyphen = surface.indexOf('-');
    if (hyphen > 0 && !/^\d+$/.test(surface.slice(0, hyphen))) {
      tokens.push(makeToken(surface.slice(0, hyphen), start));
      surface = surface.slice(hyphen + 1);
      tokens.push(makeToken(surface, start + hyphen + 1));
      continue;
    }
    tokens.push(makeToken(surface, start));
  }
  return tokens;
}

function makeToken(surface: string, start: number): Token {
  const norm = normaliseWord(surface);
  const token: Token = { start, end: start + surface.length, surface, norm, censored: CENSOR.test(surface) };
  const digits = DIGITS.exec(norm);
  if (digits) token.digits = { value: Number(digits[1]), suffix: digits[2] ?? '' };
  return token;
}
