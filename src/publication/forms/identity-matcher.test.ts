import { describe, expect, it } from 'vitest';
import type { ProtectedIdentity } from '../protected-identity.ts';
import { buildIdentityMatcher } from './identity-matcher.ts';

const base = { collectionId: 'c1' };
const register: ProtectedIdentity[] = [
  {
    ...base,
    id: 'soldier',
    kind: 'person',
    label: 'Дмитрий Коваленко',
    pseudonym: 'Soldier A',
    person: { firstName: 'Дмитрий', surname: 'Коваленко', gender: 'male' },
  },
  { ...base, id: 'town', kind: 'place', label: 'Русская Лозовая', pseudonym: 'Village 1' },
  { ...base, id: 'city', kind: 'place', label: 'Купянск', pseudonym: 'Town 1' },
  { ...base, id: 'phone', kind: 'phone', label: '+79161234567', pseudonym: 'Number 1' },
  {
    ...base,
    id: 'kolya',
    kind: 'person',
    label: 'Николай',
    pseudonym: 'Soldier B',
    person: { firstName: 'Николай' },
  },
  { ...base, id: 'callsign', kind: 'call_sign', label: 'Буран', pseudonym: 'Call sign 1' },
];
const matcher = buildIdentityMatcher(register);
const found = (text: string): string[] =>
  matcher.findMentions(text).map((m) => `${m.identityId}:${m.matched}`);

describe('buildIdentityMatcher', () => {
  it('finds a soldier and his mother’s town in every case, with offsets into the original text', () => {
    const cases = [
      ['Дмитрий Коваленко из Русской Лозовой', 'Дмитрий Коваленко', 'Русской Лозовой'],
      ['нет Дмитрия Коваленко, еду в Русскую Лозовую', 'Дмитрия Коваленко', 'Русскую Лозовую'],
      ['скажи Дмитрию Коваленко: к Русской Лозовой', 'Дмитрию Коваленко', 'Русской Лозовой'],
      ['с Дмитрием Коваленко над Русской Лозовой', 'Дмитрием Коваленко', 'Русской Лозовой'],
      ['о Дмитрии Коваленко в Купянске, из Купянска, к Купянску, Купянском', 'Дмитрии Коваленко', 'Купянске'],
    ];
    for (const [text, person, place] of cases) {
      const mentions = matcher.findMentions(text!);
      expect(
        mentions.map((m) => m.matched),
        text,
      ).toEqual(expect.arrayContaining([person, place]));
      for (const mention of mentions) expect(text!.slice(mention.start, mention.end)).toBe(mention.matched);
    }
    expect(found('из Купянска, к Купянску, за Купянском')).toEqual([
      'city:Купянска',
      'city:Купянску',
      'city:Купянском',
    ]);
  });

  it('ignores case and ё, and finds pet names', () => {
    expect(found('ДИМКЕ передай, Дима, Димочка')).toEqual([
      'soldier:ДИМКЕ',
      'soldier:Дима',
      'soldier:Димочка',
    ]);
    expect(found('с Колей и Коляном')).toEqual(['kolya:Колей', 'kolya:Коляном']);
    expect(found('БУРАНУ приём')).toEqual(['callsign:БУРАНУ']);
  });

  it('counts a pet name that is an everyday word only beside the surname', () => {
    const slava = buildIdentityMatcher([
      {
        ...base,
        id: 'slava',
        kind: 'person',
        label: 'Вячеслав Мороз',
        pseudonym: 'Soldier C',
        person: { firstName: 'Вячеслав', surname: 'Мороз' },
      },
    ]);
    expect(slava.findMentions('слава богу, живой').map((m) => m.matched)).toEqual([]);
    expect(slava.findMentions('Славе Морозу передай, Славик').map((m) => m.matched)).toEqual([
      'Славе Морозу',
      'Славик',
    ]);
  });

  it('matches whole words only: a name inside another word is not a mention', () => {
    expect(found('Николаевка, Николаев, Коляска, Димитровград, Бураново')).toEqual([]);
    expect(found('Коля-то где?')).toEqual(['kolya:Коля']);
  });

  it('joins a name the recogniser split into two words', () => {
    expect(found('это Ковален ко')).toEqual(['soldier:Ковален ко']);
    expect(found('Дми трий Коваленко')).toEqual(['soldier:Дми трий Коваленко']);
    expect(found('Ковален, ко')).toEqual([]);
  });

  it('finds Latin-script forms in Russian text and Cyrillic forms in English text', () => {
    expect(found('передай Dmitry Kovalenko привет')).toEqual(['soldier:Dmitry Kovalenko']);
    expect(found('the soldier Dmitriy from Kupiansk and Kupyansk')).toEqual([
      'soldier:Dmitriy',
      'city:Kupiansk',
      'city:Kupyansk',
    ]);
    expect(found('He wrote Коваленко on the note')).toEqual(['soldier:Коваленко']);
  });

  it('reads a word that mixes look-alike Latin and Cyrillic letters in its majority script', () => {
    // «Кoваленко» with a Latin o; "Kоvalenko" with a Cyrillic о.
    expect(found('это Кoваленко и Kоvalenko')).toEqual(['soldier:Кoваленко', 'soldier:Kоvalenko']);
  });

  it('finds a phone number in any grouping, with any prefix, and spoken', () => {
    const writings = [
      '+7 916 123-45-67',
      '8 916 123 45 67',
      '8(916)1234567',
      '916-123-45-67',
      '+79161234567',
      '8 (916) 123.45.67',
      'восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь',
      'восемь девять один шесть один два три четыре пять шесть семь',
      'девятьсот шестнадцать, сто двадцать три, сорок пять, шестьдесят семь',
      'eight nine one six one two three four five six seven',
      'nine sixteen one twenty-three forty-five sixty-seven',
      'nine hundred sixteen one hundred twenty three forty five sixty seven',
    ];
    for (const writing of writings) {
      expect(found(`номер ${writing} записал`), writing).toHaveLength(1);
      expect(matcher.findMentions(`номер ${writing} записал`)[0]?.identityId, writing).toBe('phone');
    }
  });

  it('finds a unit by its number written or said, in Russian and English', () => {
    const unit = buildIdentityMatcher([
      { ...base, id: 'unit', kind: 'unit', label: 'в/ч 41698', pseudonym: 'Unit 1' },
    ]);
    const writings = [
      'служит в войсковой части 41698',
      'вч 41 698',
      'в/ч сорок одна тысяча шестьсот девяносто восемь',
      'вэ че сорок один шестьсот девяносто восемь',
      'he serves in military unit 41698',
      'unit forty one thousand six hundred ninety eight',
      'unit four one six nine eight',
    ];
    for (const writing of writings)
      expect(
        unit.findMentions(writing).map((m) => m.identityId),
        writing,
      ).toEqual(['unit']);
    expect(unit.findMentions('в/ч 416981 и 4169')).toEqual([]);
  });

  it('says whether a number was written or said', () => {
    expect(matcher.findMentions('8 916 123 45 67')[0]?.form.origin).toBe('number-grouping');
    expect(matcher.findMentions('восемь девять один шесть 123 45 67')[0]?.form.origin).toBe('number-words');
  });

  it('does not find a number inside a longer number or a different number', () => {
    expect(found('счёт 991612345678')).toEqual([]);
    expect(found('8 916 123 45 68')).toEqual([]);
  });

  it('finds numbers spread over several segments', () => {
    const mentions = matcher.findMentionsAcross([
      'записывай: восемь девятьсот шестнадцать',
      'сто двадцать три сорок пять шестьдесят семь. Всё',
      'Купянск',
    ]);
    expect(mentions.map((m) => m.identityId)).toEqual(['phone', 'city']);
    expect(mentions[0]!.spans).toEqual([
      { segmentIndex: 0, start: 11, end: 39 },
      { segmentIndex: 1, start: 0, end: 43 },
    ]);
    expect(mentions[1]!.spans).toEqual([{ segmentIndex: 2, start: 0, end: 7 }]);
  });

  it('finds nothing in text without protected forms, and with an empty register', () => {
    expect(found('обычный разговор о погоде, 155 мм, в 12:30')).toEqual([]);
    expect(buildIdentityMatcher([]).findMentions('Дмитрий Коваленко 89161234567')).toEqual([]);
  });
});
