/**
 * Cyrillic ↔ Latin spellings of words, the one owner for search and publication. Search's
 * transliteration switch: «Путин» also finds "Putin" in the English translations, and "putin"
 * finds «путин» in the transcripts. Publication (src/publication/forms/) asks for the formal
 * romanisation systems below too, so a protected name is found however it was spelt.
 *
 * Names reach English in several spellings (Shoigu/Shoygu, Kharkov/Harkov, Zelensky/Zelenskiy),
 * so a word yields a few variants, not one: the BGN/PCGN-style romanisation English news uses,
 * plus the common alternatives. Input is one lower-case word; output is lower case, without the
 * input itself, at most MAX_VARIANTS long.
 */

export const MAX_VARIANTS = 6;

// Each Cyrillic letter's Latin spellings, the usual one first. Ukrainian letters included.
const CYRILLIC_TO_LATIN: Record<string, readonly string[]> = {
  а: ['a'],
  б: ['b'],
  в: ['v'],
  г: ['g'],
  ґ: ['g'],
  д: ['d'],
  е: ['e'],
  ё: ['yo', 'e'],
  є: ['ye'],
  ж: ['zh'],
  з: ['z'],
  и: ['i'],
  і: ['i'],
  ї: ['yi'],
  й: ['y', 'i'],
  к: ['k'],
  л: ['l'],
  м: ['m'],
  н: ['n'],
  о: ['o'],
  п: ['p'],
  р: ['r'],
  с: ['s'],
  т: ['t'],
  у: ['u'],
  ф: ['f'],
  х: ['kh', 'h'],
  ц: ['ts'],
  ч: ['ch'],
  ш: ['sh'],
  щ: ['shch', 'sch'],
  ъ: [''],
  ы: ['y'],
  ь: [''],
  э: ['e'],
  ю: ['yu'],
  я: ['ya'],
};

// Latin spellings back to Cyrillic, longest first so that "shch" is not read as "s"+"h"+…
const LATIN_TO_CYRILLIC: readonly (readonly [string, readonly string[]])[] = [
  ['shch', ['щ']],
  ['sch', ['щ']],
  ['zh', ['ж']],
  ['kh', ['х']],
  ['ts', ['ц']],
  ['tz', ['ц']],
  ['ch', ['ч']],
  ['sh', ['ш']],
  ['yu', ['ю']],
  ['ju', ['ю']],
  ['ya', ['я']],
  ['ja', ['я']],
  ['yo', ['ё', 'йо']],
  ['ye', ['е', 'йе']],
  ['iy', ['ий']],
  ['a', ['а']],
  ['b', ['б']],
  ['c', ['к', 'ц']],
  ['d', ['д']],
  ['e', ['е', 'э']],
  ['f', ['ф']],
  ['g', ['г']],
  ['h', ['х']],
  ['i', ['и']],
  ['j', ['дж', 'й']],
  ['k', ['к']],
  ['l', ['л']],
  ['m', ['м']],
  ['n', ['н']],
  ['o', ['о']],
  ['p', ['п']],
  ['q', ['к']],
  ['r', ['р']],
  ['s', ['с']],
  ['t', ['т']],
  ['u', ['у']],
  ['v', ['в']],
  ['w', ['в']],
  ['x', ['кс']],
  ['y', ['й', 'ы']],
  ['z', ['з']],
];

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** Every combination of per-piece options, the usual spelling first, capped. */
function combine(pieces: readonly (readonly string[])[]): string[] {
  let results = [''];
  for (const options of pieces) {
    const next: string[] = [];
    for (const prefix of results) {
      for (const option of options) {
        next.push(prefix + option);
        if (next.length >= MAX_VARIANTS * 4) break;
      }
    }
    results = next;
  }
  return results;
}

function distinctVariants(word: string, variants: Iterable<string>): string[] {
  const seen = new Set<string>([word]);
  const out: string[] = [];
  for (const v of variants) {
    if (v === '' || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
    if (out.length >= MAX_VARIANTS) break;
  }
  return out;
}

/** Latin spellings of a Cyrillic word ('путин' → ['putin']; 'шойгу' → ['shoygu', 'shoigu']). */
export function cyrillicToLatin(word: string): string[] {
  const lower = word.toLowerCase();
  const pieces: (readonly string[])[] = [];
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    // Adjectival surname endings: «Зеленский» is Zelensky far more often than Zelenskiy.
    if ((ch === 'и' || ch === 'ы') && lower[i + 1] === 'й' && i + 2 === lower.length) {
      pieces.push(['y', 'iy', 'ii']);
      i++;
      continue;
    }
    // Word-initial е is "ye" in BGN/PCGN (Yevgeny), plain "e" in much English writing.
    if (ch === 'е' && i === 0) {
      pieces.push(['ye', 'e']);
      continue;
    }
    pieces.push(CYRILLIC_TO_LATIN[ch] ?? [ch]);
  }
  return distinctVariants(lower, combine(pieces));
}

/** Cyrillic spellings of a Latin word ('putin' → ['путин']; 'zelensky' → ['зеленский', …]). */
export function latinToCyrillic(word: string): string[] {
  const lower = word.toLowerCase();
  const pieces: (readonly string[])[] = [];
  let i = 0;
  while (i < lower.length) {
    // A final -y after a consonant is usually the -ий/-ый of a surname or adjective.
    if (lower[i] === 'y' && i === lower.length - 1 && i > 0 && !'aeiouy'.includes(lower[i - 1]!)) {
      pieces.push(['ий', 'ый', 'й']);
      i++;
      continue;
    }
    const entry = LATIN_TO_CYRILLIC.find(([latin]) => lower.startsWith(latin, i));
    if (entry) {
      const [latin, options] = entry;
      pieces.push(options);
      i += latin.length;
    } else {
      pieces.push([lower[i]!]);
      i++;
    }
  }
  return distinctVariants(lower, combine(pieces));
}

/** The other script's spellings of a word; none for words with no letters of either script. */
export function transliterationVariants(word: string): string[] {
  if (CYRILLIC.test(word)) return cyrillicToLatin(word);
  if (LATIN.test(word)) return latinToCyrillic(word);
  return [];
}

/** Formal romanisation systems a protected name may have been written in. */
export const ROMANISATION_SYSTEMS = ['BGN/PCGN', 'ISO 9', 'Ukrainian national'] as const;
export type RomanisationSystem = (typeof ROMANISATION_SYSTEMS)[number];

// BGN/PCGN (Russian), without the apostrophes it writes for ъ and ь: English text drops them.
const BGN_PCGN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
}; // prettier-ignore

// ISO 9:1995 (one Latin letter, diacritics included, per Cyrillic letter).
const ISO_9: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'ë', ж: 'ž', з: 'z', и: 'i', й: 'j', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c',
  ч: 'č', ш: 'š', щ: 'ŝ', ъ: 'ʺ', ы: 'y', ь: 'ʹ', э: 'è', ю: 'û', я: 'â',
  і: 'ì', ї: 'ï', є: 'ê', ґ: 'g̀',
}; // prettier-ignore

// Ukrainian national system (Cabinet of Ministers resolution 55, 2010): є ї й ю я are written
// ye yi y yu ya at the start of a word and ie i i iu ia inside it; «зг» is "zgh".
const UKRAINIAN_NATIONAL: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i',
  ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia', "'": '', '’': '',
  ъ: '', ы: 'y', э: 'e', ё: 'io',
}; // prettier-ignore
const UKRAINIAN_INITIAL: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

const VOWELS = new Set('аеёиоуыэюяіїє');

function bgnPcgnWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    const previous = word[i - 1];
    // е and ё are "ye"/"yë" at the start, after a vowel and after ъ or ь (Yevgeniy, Podyezd).
    const iotated = previous === undefined || VOWELS.has(previous) || previous === 'ъ' || previous === 'ь';
    if ((ch === 'е' || ch === 'ё') && iotated) out += ch === 'е' ? 'ye' : 'yo';
    else out += BGN_PCGN[ch] ?? ch;
  }
  return out;
}

function ukrainianNationalWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (ch === 'г' && word[i - 1] === 'з') out += 'gh';
    else if (i === 0 && UKRAINIAN_INITIAL[ch]) out += UKRAINIAN_INITIAL[ch];
    else out += UKRAINIAN_NATIONAL[ch] ?? ch;
  }
  return out;
}

function iso9Word(word: string): string {
  let out = '';
  for (const ch of word) out += ISO_9[ch] ?? ch;
  return out;
}

/**
 * A lower-case Cyrillic text (words separated by spaces or hyphens) in one formal system:
 * 'BGN/PCGN' «дмитрий коваленко» → "dmitriy kovalenko", 'ISO 9' → "dmitrij kovalenko",
 * 'Ukrainian national' «олександр» → "oleksandr". Letters of other scripts pass through.
 */
export function romanise(text: string, system: RomanisationSystem): string {
  const word = system === 'BGN/PCGN' ? bgnPcgnWord : system === 'ISO 9' ? iso9Word : ukrainianNationalWord;
  return text
    .toLowerCase()
    .split(/([\s-]+)/)
    .map((part, index) => (index % 2 === 1 ? part : word(part)))
    .join('');
}

// Letters and pairs that the romanisations in use spell differently, folded to one class each:
// х is kh (BGN), h (ISO 9), ch (German, Polish); г is g (Russian) or h (Ukrainian); в is v or w.
const SKELETON_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/shch|sch|szcz/g, 's'],
  [/tsch|tch|cz/g, 'c'],
  [/kh|ch|gh|g|h/g, 'h'],
  [/zh|sh|sz|z|s/g, 's'],
  [/ts|tz|c/g, 'c'],
  [/w/g, 'v'],
  [/ph/g, 'f'],
  [/ck|q/g, 'k'],
  [/x/g, 'ks'],
];

/**
 * A loose key of a Latin spelling: diacritics dropped, letters the romanisations disagree on
 * folded together, vowels and y/j dropped (a leading vowel kept as '_'), doubles collapsed.
 * "Kharkiv", "Kharkov", "Charkiw" and romanise('харьков') all give "hrkv". For matching a typed
 * name against known names only: on its own it would join far too many words.
 */
export function latinSkeleton(word: string): string {
  let text = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  for (const [pattern, folded] of SKELETON_FOLDS) text = text.replace(pattern, folded);
  text = text.replace(/[yj]/g, '');
  const lead = /^[aeiou]/.test(text) ? '_' : '';
  return (lead + text.replace(/[aeiou]/g, '')).replace(/(.)\1+/g, '$1');
}
