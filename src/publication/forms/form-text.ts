/**
 * How protected forms and searched text are cut into words and compared: the one definition
 * both the forms (./protected-forms.ts) and the matcher (./identity-matcher.ts) use, so a form
 * and the text it must be found in can never be normalised differently.
 *
 * A word is a run of letters (apostrophes inside, «п'ять», "O'Brien") or a run of digits; a
 * hyphen, slash or any other mark ends it, so «Коля-то» holds «коля», «155-й» holds «155» and a
 * suffix, and «+7 (916) 123-45-67» is five digit runs.
 */

export interface FormToken {
  start: number;
  end: number;
  /** The comparison key: see {@link tokenKey}. */
  key: string;
  digits: boolean;
  /** A grammatical ending written after digits («155-й», «3-го»): skipped when matching. */
  ordinalSuffix: boolean;
}

const WORD = /\p{N}+|[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;
// ISO 9 writes ъ and ь as modifier letters; apostrophes vary by keyboard. None tell names apart.
const IGNORED_MARKS = /['’ʼʹʺ]/g;
const NEEDS_FOLDING = /[^a-z0-9\u0430-\u044f]/;
const CYRILLIC_SUFFIX = /^[а-яё]{1,3}$/;

/** Lower case, ё → е; what ProtectedForm.text holds (diacritics of other letters kept). */
export function formText(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/**
 * The key a word is compared by: lower case, ё → е, Latin letters without diacritics
 * ("žitomir" = "zitomir"), no apostrophes. Cyrillic й keeps its breve (it is a letter of its own).
 */
export function tokenKey(word: string): string {
  const lower = unmixScripts(word.toLowerCase().replace(/ё/g, 'е'));
  // Most words are plain Cyrillic or ASCII: nothing to decompose.
  if (!NEEDS_FOLDING.test(lower)) return lower;
  return lower.normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC').replace(IGNORED_MARKS, '');
}

// Letters that look alike in both scripts. A word that mixes them («Кoваленко» with a Latin o,
// typed by a careless hand or to slip past a filter) is read in its majority script.
const LATIN_TO_CYRILLIC_LOOKALIKE: Record<string, string> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
}; // prettier-ignore
const CYRILLIC_TO_LATIN_LOOKALIKE: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC_LOOKALIKE).map(([latin, cyrillic]) => [cyrillic, latin]),
);

function unmixScripts(word: string): string {
  const latin = word.match(/[a-z]/g)?.length ?? 0;
  if (latin === 0) return word;
  const cyrillic = word.match(/[а-я]/g)?.length ?? 0;
  if (cyrillic === 0) return word;
  const map = cyrillic >= latin ? LATIN_TO_CYRILLIC_LOOKALIKE : CYRILLIC_TO_LATIN_LOOKALIKE;
  return [...word].map((ch) => map[ch] ?? ch).join('');
}

/** The words of a text with their UTF-16 offsets into it. */
export function formTokens(text: string): FormToken[] {
  const tokens: FormToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const surface = match[0];
    const start = match.index;
    const digits = /^\p{N}/u.test(surface);
    const previous = tokens[tokens.length - 1];
    const afterDigits =
      previous !== undefined && previous.digits && /^-?$/.test(text.slice(previous.end, start));
    tokens.push({
      start,
      end: start + surface.length,
      key: tokenKey(surface),
      digits,
      ordinalSuffix: !digits && afterDigits && CYRILLIC_SUFFIX.test(surface.toLowerCase()),
    });
  }
  return tokens;
}

/** The keys of a form's words, ordinal suffixes dropped: what the matcher's trie is built from. */
export function formKeys(text: string): string[] {
  return formTokens(text)
    .filter((token) => !token.ordinalSuffix)
    .map((token) => token.key);
}
