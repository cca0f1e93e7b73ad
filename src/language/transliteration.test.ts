import { describe, expect, it } from 'vitest';
import {
  cyrillicToLatin,
  latinSkeleton,
  latinToCyrillic,
  MAX_VARIANTS,
  romanise,
  transliterationVariants,
} from './transliteration.ts';

describe('cyrillicToLatin', () => {
  it('romanises names the way English news spells them', () => {
    expect(cyrillicToLatin('путин')[0]).toBe('putin');
    expect(cyrillicToLatin('пригожин')[0]).toBe('prigozhin');
    expect(cyrillicToLatin('шойгу')).toEqual(expect.arrayContaining(['shoygu', 'shoigu']));
    expect(cyrillicToLatin('харьков')).toEqual(expect.arrayContaining(['kharkov', 'harkov']));
    expect(cyrillicToLatin('зеленский')).toEqual(expect.arrayContaining(['zelensky', 'zelenskiy']));
    expect(cyrillicToLatin('евгений')[0]).toBe('yevgeny');
    expect(cyrillicToLatin('щука')[0]).toBe('shchuka');
    expect(cyrillicToLatin('объект')[0]).toBe('obekt');
  });

  it('keeps digits and letters of other scripts, and never returns the input or too many', () => {
    expect(cyrillicToLatin('т72')[0]).toBe('t72');
    const many = cyrillicToLatin('ёжйхщё');
    expect(many.length).toBeLessThanOrEqual(MAX_VARIANTS);
    expect(new Set(many).size).toBe(many.length);
  });
});

describe('latinToCyrillic', () => {
  it('reads digraphs before single letters', () => {
    expect(latinToCyrillic('putin')[0]).toBe('путин');
    expect(latinToCyrillic('prigozhin')[0]).toBe('пригожин');
    expect(latinToCyrillic('shchuka')[0]).toBe('щука');
    expect(latinToCyrillic('kharkov')[0]).toBe('харков');
    expect(latinToCyrillic('zelensky')).toContain('зеленский');
    expect(latinToCyrillic('yulia')[0]).toBe('юлиа');
  });

  it('round-trips ordinary Russian names through the usual spellings', () => {
    for (const name of ['путин', 'пригожин', 'шойгу', 'бахмут', 'зеленский', 'кадыров']) {
      const back = cyrillicToLatin(name).flatMap((latin) => latinToCyrillic(latin));
      expect(back, name).toContain(name);
    }
  });
});

describe('transliterationVariants', () => {
  it('picks the direction from the script and leaves numbers alone', () => {
    expect(transliterationVariants('путин')).toContain('putin');
    expect(transliterationVariants('putin')).toContain('путин');
    expect(transliterationVariants('200')).toEqual([]);
  });
});

describe('romanise', () => {
  it('writes BGN/PCGN, ISO 9 and the Ukrainian national system', () => {
    expect(romanise('дмитрий коваленко', 'BGN/PCGN')).toBe('dmitriy kovalenko');
    expect(romanise('евгений', 'BGN/PCGN')).toBe('yevgeniy');
    expect(romanise('дмитрий коваленко', 'ISO 9')).toBe('dmitrij kovalenko');
    expect(romanise('щукин', 'ISO 9')).toBe('ŝukin');
    expect(romanise('олександр', 'Ukrainian national')).toBe('oleksandr');
    expect(romanise('харків', 'Ukrainian national')).toBe('kharkiv');
    expect(romanise('згорани', 'Ukrainian national')).toBe('zghorany');
    expect(romanise('купянськ', 'Ukrainian national')).toBe('kupiansk');
    expect(romanise('юрій', 'Ukrainian national')).toBe('yurii');
  });

  it('keeps spaces and hyphens between words', () => {
    expect(romanise('ростов-на-дону', 'BGN/PCGN')).toBe('rostov-na-donu');
    expect(romanise('русская лозовая', 'BGN/PCGN')).toBe('russkaya lozovaya');
  });
});

describe('latinSkeleton', () => {
  it('folds the spellings of one Cyrillic name together', () => {
    const kharkov = latinSkeleton(romanise('харьков', 'BGN/PCGN'));
    for (const spelling of ['Kharkiv', 'Kharkov', 'Charkiw', 'Charków', 'Harkov']) {
      expect(latinSkeleton(spelling), spelling).toBe(kharkov);
    }
    expect(latinSkeleton('Zaporizhzhia')).toBe(latinSkeleton(romanise('запорожье', 'BGN/PCGN')));
  });

  it('keeps different names apart', () => {
    expect(latinSkeleton('Kharkiv')).not.toBe(latinSkeleton('Kherson'));
    expect(latinSkeleton('Bakhmut')).not.toBe(latinSkeleton('Kharkiv'));
  });
});
