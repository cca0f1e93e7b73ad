/**
 * Word tokens with exact offsets into the analysed text. Rules work on `norm` (lower case, ё→е,
 * typographic apostrophes unified) so recogniser output without capitals or punctuation and
 * published text behave alike; `capitalised` is only ever a bonus, never a requirement.
 */
export interface Token {
  /** Index in the token list. */
  index: number;
  start: number;
  end: number;
  surface: string;
  norm: string;
  /** The original starts with a capital letter (published text). */
  capitalised: boolean;
  isNumber: boolean;
  /** Non-space characters between the previous token and this one. */
  punctuationBefore: string;
  /** Wrapped in quotes («"Буран"»): published transcripts quote call signs and code names. */
  quoted: boolean;
}

// Cyrillic (Russian and Ukrainian letters), Latin, digits; inner hyphens, slashes and apostrophes
// stay inside a token so «в/ч», «237-й», «нью-йорк», «п'ять» remain whole.
const TOKEN_PATTERN = /[\p{L}\p{N}]+(?:['’ʼ\-/][\p{L}\p{N}]+)*/gu;

export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е').replace(/[’ʼ]/g, "'");
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const surface = match[0];
    const start = match.index;
    const first = surface[0] ?? '';
    tokens.push({
      index: tokens.length,
      start,
      end: start + surface.length,
      surface,
      norm: normaliseWord(surface),
      capitalised: first !== first.toLowerCase(),
      isNumber: /^\d+$/.test(surface),
      punctuationBefore: text.slice(previousEnd, start).replace(/\s+/g, ''),
      quoted:
        /["«“„']$/.test(text.slice(Math.max(0, start - 1), start)) &&
        /^["»”']/.test(text.slice(start + surface.length)),
    });
    previousEnd = start + surface.length;
  }
  return tokens;
}

/** True when a comma, dash, full stop or similar separates two neighbouring tokens. */
export function separated(next: Token): boolean {
  return /[,.;:!?—–()«»"]/.test(next.punctuationBefore);
}

/** Capital letter that is not merely the start of a sentence. */
export function capitalisedMidSentence(token: Token, previous: Token | undefined): boolean {
  if (!token.capitalised || !previous) return false;
  return !/[.!?]/.test(token.punctuationBefore);
}

export function titleCase(word: string): string {
  return word
    .split('-')
    .map((part) => (part ? part[0]!.toUpperCase() + part.slice(1) : part))
    .join('-');
}
