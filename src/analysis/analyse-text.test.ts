import { describe, expect, it } from 'vitest';
import { analyseCall, analyseText } from './analyse-text.ts';
import type { TermMatch } from './types.ts';

const terms = (text: string): string[] => analyseText(text).matches.map((m) => m.termId);
const only = (text: string): TermMatch => {
  const { matches } = analyseText(text);
  expect(matches, JSON.stringify(matches)).toHaveLength(1);
  return matches[0]!;
};

describe('analyseText: morphology and spelling', () => {
  it('matches inflected and derived forms through lemmas', () => {
    expect(only('двое трёхсотых у нас').category).toBe('casualties_wounded');
    expect(only('он затрёхсотился вчера').termId).toBe('zatrekhsotitsya');
    expect(only('он там помародерил').category).toBe('looting');
    expect(only('отказников стало больше').termId).toBe('otkaznik');
  });

  it('folds ё and е both ways and ignores capitals and punctuation', () => {
    expect(only('ТРЕХСОТЫХ!').termId).toBe('trekhsotyi');
    expect(only('затрехсотило').termId).toBe('zatrekhsotitsya');
    expect(only('Мародёрство, да.').category).toBe('looting');
  });

  it('matches multiword expressions, with digits or spoken numbers', () => {
    const m = only('отправили груз 200 домой');
    expect([m.termId, m.rule, m.surface]).toEqual(['gruz-200', 'multiword', 'груз 200']);
    expect(only('груз двести').termId).toBe('gruz-200');
    expect(only('груз-300 везут').termId).toBe('gruz-300');
    expect(only('мы в плен не берём').category).toBe('violence_against_civilians_or_prisoners');
  });

  it('reads censored forms as the word they hide', () => {
    const m = only('всех е**шить');
    expect([m.termId, m.rule.startsWith('censored')]).toEqual(['ebashit', true]);
    expect(analyseText('иди на..й').matches).toEqual([]);
  });

  it('gives exact offsets into the analysed text', () => {
    const text = 'ну вот, у нас 200-е и двухсотые';
    for (const m of analyseText(text).matches) expect(text.slice(m.start, m.end)).toBe(m.surface);
    expect(analyseText(text).matches.map((m) => m.surface)).toEqual(['200-е', 'двухсотые']);
  });
});

describe('analyseText: numbers are codes only in code contexts', () => {
  it('reads plural ordinals, «груз» and «у нас N» as codes', () => {
    expect(only('у нас 200-е').rule).toBe('number-code:plural-ordinal');
    expect(only('три 300-х').count).toBe(3);
    expect(only('у нас двести').rule).toBe('number-code:after-cue');
    expect(analyseText('у нас 500-е отказываются').matches.map((m) => [m.surface, m.category])).toEqual([
      ['500-е', 'refusal_to_fight'],
      ['отказываются', 'refusal_to_fight'],
    ]);
  });

  it('does not read ranges, angles, flats or measures as codes', () => {
    expect(terms('от 300 до 500 прилётов')).toEqual(['prilet']);
    expect(terms('повернись на 360 градусов')).toEqual([]);
    expect(terms('я в 78-м живу')).toEqual([]);
    expect(terms('это метров 300 отсюда')).toEqual([]);
    expect(terms('у нас двести пятьдесят рублей')).toEqual([]);
    expect(terms('он в 200-м доме')).toEqual([]);
  });
});

describe('analyseText: context rules', () => {
  it('does not read a code ordinal that counts a thing as a soldier', () => {
    expect(terms('двухсотый раз тебе говорю')).toEqual([]);
    expect(terms('трёхсотый километр трассы')).toEqual([]);
    expect(terms('три трехсотых леху увезли')).toEqual(['trekhsotyi']);
  });

  it('fills a number slot in a phrase with written or spoken numbers', () => {
    expect(only('лет десять дадут').termId).toBe('posadyat');
    expect(only('дадут 10 лет').termId).toBe('posadyat');
    expect(terms('лет дадут')).toEqual([]);
  });

  it('lets a filler sit inside a set phrase', () => {
    expect(only('воды вообще нету').termId).toBe('edy-net');
    expect(terms('воды и нету')).toEqual([]);
  });

  it('changes the category of an act by whom it is done to', () => {
    expect(only('своих расстреляли за отказ').category).toBe('execution_or_coercion');
    const civilians = analyseText('мирных расстреляли на дороге').matches.find(
      (m) => m.termId === 'rasstrelyat',
    );
    expect(civilians?.category).toBe('violence_against_civilians_or_prisoners');
    expect(civilians?.rule).toContain('recategorised');
  });

  it('counts violent verbs as violence against civilians only when victims are named nearby', () => {
    const counted = (text: string) =>
      analyseText(text)
        .matches.filter((m) => m.confidence >= 0.5)
        .map((m) => [m.termId, m.category]);
    const violence = 'violence_against_civilians_or_prisoners';
    expect(counted('баб молодых ебли и резали их')).toEqual([
      ['ebat-iznasilovat', violence],
      ['rezat', violence],
    ]);
    expect(counted('там всех повырезали')).toEqual([['vyrezat', violence]]);
    // A killing next to a massacre is part of it, confidently, not an ambiguous casualty report.
    const killed = analyseText('бабы сидели в подвале их убили').matches.find((m) => m.termId === 'ubit');
    expect([killed?.category, killed?.confidence]).toEqual([violence, 0.75]);
    // Plain casualty talk and everyday cutting and swearing stay out.
    expect(analyseText('у нас двоих убили').matches.map((m) => m.category)).toEqual(['casualties_killed']);
    expect(counted('резали хлеб всех накормили')).toEqual([]);
    expect(counted('нас всех выебали по полной командир')).toEqual([]);
    expect(counted('мозги ебут каждый день')).toEqual([]);
  });

  it('reads counts after a code number and ignores adjectives the number does not govern', () => {
    expect(analyseText('двести у нас трое').matches.map((m) => [m.termId, m.count])).toEqual([
      ['dvukhsotyi', 3],
    ]);
    expect(only('пять наших двухсотых').count).toBe(5);
    expect(only('из сорока осталось семь остальные двухсотые').count).toBeUndefined();
  });
});

describe('analyseText: entities', () => {
  it('includes the entities of the text with exact offsets', () => {
    const text = 'мы под бахмутом, в/ч 12345';
    const { entities } = analyseText(text);
    expect(entities.map((e) => e.kind)).toEqual(['place', 'unit']);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.surface);
  });
});

describe('analyseText: ambiguity', () => {
  it('keeps ambiguous words below 0.6 without confirming context', () => {
    expect(only('обнуление сделали').confidence).toBeLessThan(0.6);
    expect(only('он на подвале').confidence).toBeLessThan(0.6);
    expect(analyseText('сидим в подвале, обстрел').matches.map((m) => m.termId)).toEqual(['lupyat']);
    expect(only('трофей взяли').confidence).toBeLessThan(0.6);
    expect(only('купи мясо на ужин').confidence).toBeLessThan(0.6);
    expect(only('посадка в самолет').confidence).toBeLessThan(0.6);
    expect(only('одна машина безвозвратно').confidence).toBeLessThan(0.6);
  });

  it('raises them when context confirms the slang meaning', () => {
    expect(analyseText('мы тут мясо нас гонят на штурм').matches[0]?.confidence).toBeGreaterThanOrEqual(0.6);
    expect(analyseText('стоим в посадке укропы лупят').matches[0]?.confidence).toBeGreaterThanOrEqual(0.6);
    const m = only('командир его обнулил');
    expect(m.confidence).toBeGreaterThanOrEqual(0.6);
    expect(m.rule).toContain('+context');
    const basement = analyseText('пятисотых посадили на подвал').matches.find(
      (x) => x.termId === 'na-podval',
    );
    expect(basement?.confidence).toBeGreaterThanOrEqual(0.6);
  });
});

describe('analyseText: shelling and weapons as soldiers say them (issue 16)', () => {
  const shelling = (text: string) =>
    analyseText(text)
      .matches.filter((m) => m.category === 'weapons_and_shelling' && m.confidence >= 0.5)
      .map((m) => m.surface);

  it('reads shelling verbs when fire, weapons or the enemy are named nearby', () => {
    expect(shelling('укропы опять с утра долбят')).toEqual(['долбят']);
    expect(shelling('нас кроют миномётами с ночи')).toEqual(['кроют', 'миномётами']);
    expect(shelling('выходы слышно и прилеты')).toEqual(['выходы', 'прилеты']);
    expect(shelling('свои по нашим въебали')).toEqual(['свои по нашим']);
    expect(shelling('кассетами накрыли всю посадку')).toEqual(['кассетами', 'накрыли']);
    expect(shelling('ураган пакетом отработал')).toEqual(['ураган', 'отработал']);
    expect(shelling('или в поле попадание или по нашим')).toEqual(['попадание']);
  });

  it('reads mortar bombs, drones and derived artillery words', () => {
    expect(shelling('мины ложатся рядом с блиндажом')).toEqual(['мины']);
    expect(shelling('мавик висит над посадкой')).toEqual(['мавик']);
    expect(shelling('камикадзе залетел в окоп')).toEqual(['камикадзе']);
    expect(shelling('артобстрел всю ночь')).toEqual(['артобстрел']);
  });

  it('leaves the same words in their everyday senses below the counting threshold', () => {
    expect(shelling('он мне весь день мозги долбит')).toEqual([]);
    expect(shelling('соседи стену долбят перфоратором')).toEqual([]);
    expect(shelling('начальник кроет нас матом')).toEqual([]);
    expect(shelling('выхода нет у нас')).toEqual([]);
    expect(shelling('мы тут как камикадзе')).toEqual([]);
    expect(shelling('скинул деньги на карту')).toEqual([]);
    expect(shelling('кассеты старые нашел на чердаке')).toEqual([]);
    expect(shelling('ураган снес крышу')).toEqual([]);
    expect(shelling('попадание в десятку')).toEqual([]);
  });
});

describe('analyseText: language', () => {
  it('says which language each text is in, without crashing', () => {
    expect(analyseText('у нас двое трёхсотых').language).toEqual({ code: 'ru', lexiconCovers: true });
    const uk = analyseText('хлопці що там у вас відбувається');
    expect(uk.language.code).toBe('uk');
    expect(uk.language.lexiconCovers).toBe(true);
    expect(analyseText('hello there').language.lexiconCovers).toBe(false);
    expect(analyseText('хлопці що там у вас, говорю тебе сейчас двухсотые').language.code).toBe('mixed');
    expect(analyseText('').language.code).toBe('unknown');
    expect(analyseText('   ').matches).toEqual([]);
  });
});

describe('analyseCall', () => {
  it('sums spoken and digit casualty counts over the call', () => {
    const call = analyseCall([
      { key: 'a', text: 'пять двухсотых и десять трёхсотых' },
      { key: 'b', text: 'ещё 2 200-х' },
    ]);
    expect(call.casualties).toEqual({ killed: 7, wounded: 10, missing: null });
    expect(call.counts).toEqual({ casualties_killed: 2, casualties_wounded: 1 });
    expect(call.segments.map((s) => s.key)).toEqual(['a', 'b']);
    expect(call.lexiconVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(call.triage.reasons.join('\n')).toContain('casualty count stated: 7 killed, 10 wounded');
  });

  it('counts plainly stated deaths and wounded too, and ignores threats', () => {
    const call = analyseCall([{ key: 'a', text: 'у нас двое погибших и пятеро раненых' }]);
    expect(call.casualties).toEqual({ killed: 2, wounded: 5, missing: null });
    expect(analyseText('посадят или убьют').matches.filter((m) => m.termId === 'ubit')).toEqual([]);
  });

  it('leaves counts null when none is stated and does not count unconfirmed ambiguous words', () => {
    const call = analyseCall([{ key: 'a', text: 'трофей взяли двухсотые есть' }]);
    expect(call.casualties.killed).toBeNull();
    expect(call.counts).toEqual({ casualties_killed: 1 });
  });
});

describe('analyseText: Ukrainian and mixed speech', () => {
  const ids = (text: string): string[] => analyseText(text).matches.map((m) => m.termId);

  it('flags Ukrainian segments with the Ukrainian lexicon, counts included', () => {
    const text = analyseText('у нас двоє двохсотих і троє трьохсотих після обстрілу');
    expect(text.language.code).toBe('uk');
    expect(text.matches.map((m) => [m.termId, m.count])).toEqual([
      ['uk-dvokhsotyi', 2],
      ['uk-trokhsotyi', 3],
      ['uk-obstril', undefined],
    ]);
    expect(ids('вчора тцк забрали сусіда, бусифікація')).toEqual(['uk-tck', 'uk-busyfikatsiia']);
    expect(ids('вони здалися в полон')).toEqual(['uk-zdatysia-v-polon']);
  });

  it('flags Ukrainian a Russian recogniser wrote in Russian letters', () => {
    expect(ids('мени повистку принесли хлопци кажуть')).toEqual(['uk-povistka']);
    const shelling = analyseText('всю ничь прыльоты шахеды летять').matches;
    expect(shelling.map((m) => [m.surface, m.category])).toEqual([
      ['прыльоты', 'weapons_and_shelling'],
      ['шахеды', 'weapons_and_shelling'],
    ]);
  });

  it('gives mixed segments both lexicons, and one match where they overlap', () => {
    const mixed = analyseText('один двухсотый и прилёты всю ночь а хлопці кажуть сзч буде');
    expect(mixed.language.code).toBe('mixed');
    expect(mixed.matches.map((m) => m.category)).toEqual([
      'casualties_killed',
      'weapons_and_shelling',
      'desertion',
    ]);
  });

  it('leaves the same words in harmless senses alone', () => {
    expect(ids('до річки метрів двохсот не більше')).toEqual([]);
    expect(ids('артем вже приїхав чекає біля підїзду')).toEqual([]);
    expect(ids('купи хліба і молока, мамо')).toEqual([]);
  });

  it('never crashes on mixed scripts, transliteration, long text, digits, emoji or control characters', () => {
    for (const text of [
      'dvukhsotye u nas, ya tebe govoryu',
      'хлопці kazhut шо prilyoty всю ніч 😀',
      '123 456 200 300',
      '\u0000\u0007 двохсотих \u001b[0m',
      'у нас двоє двохсотих '.repeat(500),
    ]) {
      const result = analyseText(text);
      expect(result.language.code).toMatch(/^(ru|uk|mixed|unknown)$/);
      for (const m of result.matches) expect(text.slice(m.start, m.end)).toBe(m.surface);
    }
    expect(analyseText('у нас двоє двохсотих '.repeat(500)).matches).toHaveLength(500);
  });
});
