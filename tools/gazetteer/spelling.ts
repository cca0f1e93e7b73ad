/**
 * Spelling helpers for building the gazetteer: GeoNames alternate names carry no language tag,
 * so Russian and Ukrainian names are told apart and compared with the current (romanised) name.
 */

/** Russian spelling of a Ukrainian place name by the regular correspondences of toponyms. */
export function russianFromUkrainian(name: string): string {
  return name
    .toLowerCase()
    .replace(/іївка$/, 'еевка')
    .replace(/ївка$/, 'евка')
    .replace(/івка$/, 'овка')
    .replace(/ське$/, 'ское')
    .replace(/цьке$/, 'цкое')
    .replace(/ськ$/, 'ск')
    .replace(/цьк$/, 'цк')
    .replace(/ине$/, 'ино')
    .replace(/([ое])ве$/, '$1во')
    .replace(/не$/, 'ное')
    .replace(/і/g, 'и')
    .replace(/ї/g, 'и')
    .replace(/є/g, 'е')
    .replace(/ґ/g, 'г')
    .replace(/['’]/g, 'ь')
    .replace(/(^|[ -])(\p{L})/gu, (_, separator: string, letter: string) => separator + letter.toUpperCase());
}

const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i',
  ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ы: 'y', э: 'e', ю: 'iu', я: 'ia', ь: '', ъ: '',
}; // prettier-ignore

function bigrams(word: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i < word.length - 1; i++) grams.push(word.slice(i, i + 2));
  return grams;
}

/** Dice similarity of a Cyrillic name's rough romanisation with the GeoNames (current) name. */
export function similarityToCurrentName(cyrillic: string, name: string): number {
  const latin = [...cyrillic.toLowerCase()]
    .map((ch) => LATIN[ch] ?? ch)
    .join('')
    .replace(/[^a-z]/g, '');
  const target = name.toLowerCase().replace(/[^a-z]/g, '');
  const a = bigrams(latin);
  const b = bigrams(target);
  if (a.length === 0 || b.length === 0) return 0;
  const pool = [...b];
  let shared = 0;
  for (const gram of a) {
    const at = pool.indexOf(gram);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
