import { describe, expect, it } from 'vitest';
import type { Entity, EntityKind } from './types.ts';
import { extractEntities } from './extract-entities.ts';

function found(text: string, kind?: EntityKind): Array<[EntityKind, string, string]> {
  return extractEntities(text)
    .filter((entity) => !kind || entity.kind === kind)
    .map((entity) => [entity.kind, entity.surface, entity.value]);
}

function expectExactOffsets(text: string, entities: readonly Entity[]): void {
  for (const entity of entities) expect(text.slice(entity.start, entity.end)).toBe(entity.surface);
}

describe('extractEntities: places', () => {
  it('resolves inflected town names after prepositions, cased or not', () => {
    expect(found('Мы под Харьковом. Стоим в посадке.', 'place')).toEqual([['place', 'Харьковом', 'Kharkiv']]);
    expect(found('мы под бахмутом стоим', 'place')).toEqual([['place', 'бахмутом', 'Bakhmut']]);
    expect(found('нас перебросили из авдеевки на угледар', 'place')).toEqual([
      ['place', 'авдеевки', 'Avdiivka'],
      ['place', 'угледар', 'Vuhledar'],
    ]);
    expect(found('в харькове тихо', 'place')).toEqual([['place', 'харькове', 'Kharkiv']]);
    expect(found('под работино стоим', 'place')).toEqual([['place', 'работино', 'Robotyne']]);
  });

  it('prefers the populous place and carries its coordinates', () => {
    const [avdiivka] = extractEntities('под авдеевкой');
    expect(avdiivka?.place).toMatchObject({ nameEn: 'Avdiivka', country: 'UA', admin1: 'Donetsk' });
    expect(avdiivka?.place?.lat).toBeCloseTo(48.14, 1);
  });

  it('finds oblasts, regions and multi-word names', () => {
    expect(found('из харьковской области всех отвели', 'place')).toEqual([
      ['place', 'харьковской области', 'Kharkiv Oblast'],
    ]);
    expect(found('на донетчине опять', 'place')).toEqual([['place', 'донетчине', 'Donetsk Oblast']]);
    expect(found('мобилизовали в днр', 'place')).toEqual([['place', 'днр', 'Donetsk Oblast']]);
    expect(found('мы под часовым яром', 'place')).toEqual([['place', 'часовым яром', 'Chasiv Yar']]);
  });

  it('keeps common words that are also towns quiet without a preposition or capital', () => {
    expect(found('мир не без добрых людей', 'place')).toEqual([]);
    expect(found('счастье это когда тебя понимают', 'place')).toEqual([]);
    expect(found('на счастье взяли', 'place')).toEqual([]);
    expect(found('ну короче ровно в шесть', 'place')).toEqual([]);
    expect(found('мам с новым годом', 'place')).toEqual([]);
    expect(found('ходил по гражданке', 'place')).toEqual([]);
  });

  it('lets an ordinary-word town count after «под» or with a capital letter', () => {
    expect(found('из под изюма шли пешком', 'place')).toEqual([['place', 'изюма', 'Izium']]);
    expect(found('Бежали из-под Изюма пешком.', 'place')).toEqual([['place', 'Изюма', 'Izium']]);
  });
});

describe('extractEntities: people', () => {
  it('finds first names, pet forms and clipped vocatives in lower-case speech', () => {
    expect(found('паш привет ты мне коптер нашел', 'person')).toEqual([['person', 'паш', 'Паша']]);
    expect(found('кирюша а деньги у тебя есть', 'person')).toEqual([['person', 'кирюша', 'Кирюша']]);
    expect(found('позвони павлу пусть адвоката найдет', 'person')).toEqual([['person', 'павлу', 'Павел']]);
  });

  it('joins name, surname and patronymic and normalises them to the nominative', () => {
    expect(found('соседа колю петрова вчера забрали', 'person')).toEqual([
      ['person', 'колю петрова', 'Петров Коля'],
    ]);
    expect(found('отправь олегу викторовичу волонтеру', 'person')).toEqual([
      ['person', 'олегу викторовичу', 'Олег Викторович'],
    ]);
    expect(found('Дмитрия Самойлова вчера видели', 'person')).toEqual([
      ['person', 'Дмитрия Самойлова', 'Самойлов Дмитрий'],
    ]);
  });

  it('uses cues: «зовут», «по фамилии», ranks', () => {
    expect(found('его зовут вадим', 'person')).toEqual([['person', 'вадим', 'Вадим']]);
    expect(found('мужик по фамилии кравцов', 'person')).toEqual([['person', 'кравцов', 'Кравцов']]);
    expect(found('командир майор лапин', 'person')).toEqual([['person', 'лапин', 'Лапин']]);
  });

  it('does not take ordinary words or places for names', () => {
    expect(found('через поле шли группами', 'person')).toEqual([]);
    expect(found('из роты человек шестьдесят осталось', 'person')).toEqual([]);
    expect(found('слава богу все живы', 'person')).toEqual([]);
    expect(found('я в вагнере мам', 'person')).toEqual([]);
    expect(found('под бахмутом стоим', 'person')).toEqual([]);
  });
});

describe('extractEntities: people as soldiers speak of them (issue 16)', () => {
  it('declines pet names the dictionary lacks or reads as places', () => {
    expect(found('у костяна броник забрали', 'person')).toEqual([['person', 'костяна', 'Костян']]);
    expect(found('с пашкой и с димоном были на позиции', 'person')).toEqual([
      ['person', 'пашкой', 'Пашка'],
      ['person', 'димоном', 'Димон'],
    ]);
    expect(found('витьке передай что все нормально', 'person')).toEqual([['person', 'витьке', 'Витек']]);
    expect(found('тане скажи пусть не ждет', 'person')).toEqual([['person', 'тане', 'Таня']]);
  });

  it('reads public figures by surname in any case, lower-cased too, before places', () => {
    expect(found('шойгу и герасимов сидят в москве', 'person')).toEqual([
      ['person', 'шойгу', 'Шойгу'],
      ['person', 'герасимов', 'Герасимов'],
    ]);
    expect(found('приказ суровикина', 'person')).toEqual([['person', 'суровикина', 'Суровикин']]);
    expect(found('путину напишу', 'person')).toEqual([['person', 'путину', 'Путин']]);
    expect(found('евгений пригожин записал видео', 'person')).toEqual([
      ['person', 'евгений пригожин', 'Пригожин Евгений'],
    ]);
  });

  it('does not join names across punctuation: a list names several people', () => {
    expect(found('Шойгу! Герасимов! Где боеприпасы?', 'person')).toEqual([
      ['person', 'Шойгу', 'Шойгу'],
      ['person', 'Герасимов', 'Герасимов'],
    ]);
    expect(found('Пацаны: Кравченко, Бондаренко — все двухсотые.', 'person')).toEqual([
      ['person', 'Кравченко', 'Кравченко'],
      ['person', 'Бондаренко', 'Бондаренко'],
    ]);
  });

  it('reads a surname after a rank or role, a possessive between', () => {
    expect(found('ротный наш иванов вообще зверь', 'person')).toEqual([['person', 'иванов', 'Иванов']]);
    expect(found('командир петров приказал идти', 'person')).toEqual([['person', 'петров', 'Петров']]);
  });

  it('reads Ukrainian first names in their cases, which the Russian dictionary lacks', () => {
    expect(found('сергій поранений', 'person')).toEqual([['person', 'сергій', 'Сергій']]);
    expect(found('передай андрію що все добре', 'person')).toEqual([['person', 'андрію', 'Андрій']]);
    expect(found('мам, сашко живий', 'person')).toEqual([['person', 'сашко', 'Сашко']]);
  });

  it('reads a first name after a kinship word, whatever else the word can mean', () => {
    expect(found('дядя коля приезжал', 'person')).toEqual([['person', 'коля', 'Коля']]);
    expect(found('кума наташа передавала привет', 'person')).toEqual([['person', 'наташа', 'Наташа']]);
    expect(found('баба яга прилетала ночью', 'person')).toEqual([]);
  });

  it('reads the spoken patronymics older men are called by, keeping the form said', () => {
    expect(found('палыч с михалычем пошли за водой', 'person')).toEqual([
      ['person', 'палыч', 'Палыч'],
      ['person', 'михалычем', 'Михалыч'],
    ]);
    expect(found('саныч сказал ждать', 'person')).toEqual([['person', 'саныч', 'Саныч']]);
  });

  it('reads a name in any case beside a verb of telling, calling or sending', () => {
    expect(found('я вере ничего не скажу', 'person')).toEqual([['person', 'вере', 'Вера']]);
    expect(found('переводи на карту лены мою заблокировали', 'person')).toEqual([['person', 'лены', 'Лена']]);
    expect(found('дима по новостям сказали что из херсона ушли', 'person')).toEqual([
      ['person', 'дима', 'Дима'],
    ]);
  });

  it('keeps everyday words that share a form with a name quiet', () => {
    expect(found('жене скажи что я живой', 'person')).toEqual([]);
    expect(found('вали оттуда пока не поздно', 'person')).toEqual([]);
    expect(found('то ли завтра то ли послезавтра', 'person')).toEqual([]);
    expect(found('я пашу как проклятый', 'person')).toEqual([]);
    expect(found('кости ломит от холода', 'person')).toEqual([]);
    expect(found('вера в победу есть', 'person')).toEqual([]);
    expect(found('песков опять в сапоги насыпалось', 'person')).toEqual([]);
  });
});

describe('extractEntities: military units', () => {
  it('reads «в/ч» numbers written and spoken', () => {
    expect(found('номер части в/ч 41698 запиши', 'unit')).toEqual([['unit', 'в/ч 41698', 'в/ч 41698']]);
    expect(found('вч 12345', 'unit')).toEqual([['unit', 'вч 12345', 'в/ч 12345']]);
    expect(found('войсковая часть 22179', 'unit')).toEqual([['unit', 'войсковая часть 22179', 'в/ч 22179']]);
    expect(found('номер части вэ че ноль восемь два семь пять', 'unit')).toEqual([
      ['unit', 'вэ че ноль восемь два семь пять', 'в/ч 08275'],
    ]);
    expect(found('в ч двадцать две тысячи сто семьдесят девять', 'unit')).toEqual([
      ['unit', 'в ч двадцать две тысячи сто семьдесят девять', 'в/ч 22179'],
    ]);
  });

  it('reads numbered formations with qualifiers and spoken ordinals', () => {
    expect(found('237-й полк', 'unit')).toEqual([['unit', '237-й полк', '237-й полк']]);
    expect(found('в 76-й гвардейской десантно-штурмовой дивизии', 'unit')).toEqual([
      ['unit', '76-й гвардейской десантно-штурмовой дивизии', '76-я дивизия'],
    ]);
    expect(found('155-я бригада морской пехоты', 'unit')).toEqual([
      ['unit', '155-я бригада', '155-я бригада'],
    ]);
    expect(found('двести тридцать седьмой полк', 'unit')).toEqual([
      ['unit', 'двести тридцать седьмой полк', '237-й полк'],
    ]);
  });

  it('reads staff abbreviations of formations', () => {
    expect(found('76 дшд заходила', 'unit')).toEqual([['unit', '76 дшд', '76-я дивизия']]);
    expect(found('бойцы 155 обрмп', 'unit')).toEqual([['unit', '155 обрмп', '155-я бригада']]);
    expect(found('у нас 3 мп', 'unit')).toEqual([]);
  });

  it('ignores numbers without a unit noun and small sub-units', () => {
    expect(found('я в 78-м живу', 'unit')).toEqual([]);
    expect(found('от 300 до 500 прилетов', 'unit')).toEqual([]);
    expect(found('второй батальон весь положили', 'unit')).toEqual([]);
    expect(found('в части 12 человек', 'unit')).toEqual([]);
  });
});

describe('extractEntities: phone numbers', () => {
  it('normalises written numbers to E.164', () => {
    expect(found('Его номер 8 903 511 27 48.', 'phone')).toEqual([
      ['phone', '8 903 511 27 48', '+79035112748'],
    ]);
    expect(found('звони +7 (916) 123-45-67', 'phone')).toEqual([
      ['phone', '+7 (916) 123-45-67', '+79161234567'],
    ]);
    expect(found('номер 067 220 59 16', 'phone')).toEqual([['phone', '067 220 59 16', '+380672205916']]);
    expect(found('+380501734482', 'phone')).toEqual([['phone', '+380501734482', '+380501734482']]);
  });

  it('reads spoken numbers digit by digit and in groups', () => {
    expect(
      found('восемь девятьсот шестнадцать пятьсот пятьдесят тридцать один семьдесят два', 'phone'),
    ).toEqual([
      ['phone', 'восемь девятьсот шестнадцать пятьсот пятьдесят тридцать один семьдесят два', '+79165503172'],
    ]);
    expect(found('запиши восемь девять ноль восемь семь семь девять ноль ноль два один', 'phone')).toEqual([
      ['phone', 'восемь девять ноль восемь семь семь девять ноль ноль два один', '+79087790021'],
    ]);
    expect(
      found('плюс три восемь ноль шестьдесят семь двести двадцать пятьдесят девять шестнадцать', 'phone'),
    ).toEqual([
      [
        'phone',
        'плюс три восемь ноль шестьдесят семь двести двадцать пятьдесят девять шестнадцать',
        '+380672205916',
      ],
    ]);
  });

  it('gives a number dictated in groups, digit by digit or written the same E.164 value', () => {
    const value = (text: string): string | undefined => found(text, 'phone')[0]?.[2];
    const said = [
      'восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь',
      'восемь девять один шесть один два три четыре пять шесть семь',
      'запиши 8 916 123-45-67',
      'звони +7 (916) 123-45-67',
    ];
    for (const text of said) expect(value(text), text).toBe('+79161234567');
  });

  it('reads Ukrainian spoken numbers', () => {
    expect(
      found("мій номер нуль шістдесят сім двісті двадцять п'ятдесят дев'ять шістнадцять", 'phone'),
    ).toEqual([
      ['phone', "нуль шістдесят сім двісті двадцять п'ятдесят дев'ять шістнадцять", '+380672205916'],
    ]);
  });

  it('does not read counts, dates or unit numbers as phones', () => {
    expect(found('у нас 2 двухсотых и 3 трехсотых', 'phone')).toEqual([]);
    expect(found('по сто девяносто пять тысяч обещали', 'phone')).toEqual([]);
    expect(found('двадцать четвертого февраля две тысячи двадцать второго', 'phone')).toEqual([]);
    expect(found('1234567890', 'phone')).toEqual([]);
  });
});

describe('extractEntities: call signs', () => {
  it('reads «позывной X» in any case', () => {
    expect(found('позывной гром', 'call_sign')).toEqual([['call_sign', 'гром', 'Гром']]);
    expect(found('с позывным «Седой» погиб', 'call_sign')).toEqual([['call_sign', 'Седой', 'Седой']]);
  });

  it('reads radio exchanges with and without punctuation', () => {
    expect(found('Шестой, я Первый, приём.', 'call_sign')).toEqual([
      ['call_sign', 'Шестой', 'Шестой'],
      ['call_sign', 'Первый', 'Первый'],
    ]);
    expect(found('первый я шестой прием', 'call_sign')).toEqual([
      ['call_sign', 'первый', 'Первый'],
      ['call_sign', 'шестой', 'Шестой'],
    ]);
    expect(found('шестой ответь', 'call_sign')).toEqual([['call_sign', 'шестой', 'Шестой']]);
    expect(found('"Буран-30", я "Юг-95", приём.', 'call_sign')).toEqual([
      ['call_sign', 'Буран-30', 'Буран-30'],
      ['call_sign', 'Юг-95', 'Юг-95'],
    ]);
  });

  it('names the commander by his call sign', () => {
    expect(found('командир у нас тайга он все читает', 'call_sign')).toEqual([
      ['call_sign', 'тайга', 'Тайга'],
    ]);
  });

  it('does not take ordinary speech for radio talk', () => {
    expect(found('мама я дома', 'call_sign')).toEqual([]);
    expect(found('ну я пошел', 'call_sign')).toEqual([]);
    expect(found('как тот аппарат приём', 'call_sign')).toEqual([]);
    expect(found('в первый раз я один пошел', 'call_sign')).toEqual([]);
  });
});

describe('extractEntities: the whole text', () => {
  it('keeps offsets exact, in order and without overlaps', () => {
    const text =
      'Мам, это Дима. Мы под Бахмутом, в/ч 41698. Запиши номер Вити Соколова: 8 916 550 31 72. Позывной Гром.';
    const entities = extractEntities(text);
    expectExactOffsets(text, entities);
    expect(entities.map((e) => e.kind)).toEqual(['person', 'place', 'unit', 'person', 'phone', 'call_sign']);
    for (let i = 1; i < entities.length; i++)
      expect(entities[i]!.start).toBeGreaterThanOrEqual(entities[i - 1]!.end);
    for (const entity of entities) {
      expect(entity.confidence).toBeGreaterThan(0);
      expect(entity.confidence).toBeLessThanOrEqual(1);
      expect(entity.rule).toMatch(/^(person|place|unit|phone|call_sign):/);
    }
  });

  it('survives empty, Latin, Ukrainian and odd input', () => {
    expect(extractEntities('')).toEqual([]);
    expect(extractEntities('   ...  ')).toEqual([]);
    expect(extractEntities('hello world 123')).toEqual([]);
    const ukrainian = 'Ми під Бахмутом, у Харкові тихо';
    expectExactOffsets(ukrainian, extractEntities(ukrainian));
    const emoji = '😀 под Харьковом 😀';
    expectExactOffsets(emoji, extractEntities(emoji));
    expect(found(emoji, 'place')).toEqual([['place', 'Харьковом', 'Kharkiv']]);
  });
});

describe('extractEntities: names that are also ordinary words', () => {
  it('reads them as names next to greetings and reported speech', () => {
    expect(found('привет рома как ты', 'person')).toEqual([['person', 'рома', 'Рома']]);
    expect(found('илюха вера говорила вас перевели', 'person')).toEqual([
      ['person', 'илюха', 'Илюха'],
      ['person', 'вера', 'Вера'],
    ]);
    expect(found('хорошо жеке позвони', 'person')).toEqual([['person', 'жеке', 'Жека']]);
  });

  it('reads capitalised surnames in published text', () => {
    expect(found('Речь про диалог с вице-премьером Мантуровым.', 'person')).toEqual([
      ['person', 'Мантуровым', 'Мантуров'],
    ]);
    expect(found('Путин поторопил министров.', 'person')).toEqual([['person', 'Путин', 'Путин']]);
  });

  it('leaves ordinary words, organisations and adjectives alone', () => {
    expect(found('мороз минус 20 сегодня ночью', 'person')).toEqual([]);
    expect(found('баран на лугу пасется у соседа', 'person')).toEqual([]);
    expect(found('это офигенная тема', 'person')).toEqual([]);
    expect(found('илья тише ты телефон слушают', 'person')).toEqual([['person', 'илья', 'Илья']]);
    expect(found('подразделения ЧВК «Вагнер» окружили город', 'person')).toEqual([]);
    expect(found('опять на штурм с ахматом сзади', 'person')).toEqual([]);
  });
});

describe('extractEntities: Ukrainian spellings and commanders', () => {
  it('resolves Ukrainian case forms of place names', () => {
    expect(found('Ми під Бахмутом, у Харкові тихо', 'place')).toEqual([
      ['place', 'Бахмутом', 'Bakhmut'],
      ['place', 'Харкові', 'Kharkiv'],
    ]);
    expect(found('у авдіївці', 'place')).toEqual([['place', 'авдіївці', 'Avdiivka']]);
  });

  it('reads a call sign said before «командир наш»', () => {
    expect(found('гранит командир наш обещал', 'call_sign')).toEqual([['call_sign', 'гранит', 'Гранит']]);
    expect(found('новый командир наш', 'call_sign')).toEqual([]);
  });
});

describe('extractEntities: long input', () => {
  it('handles a long transcript with many entities and keeps every offset exact', () => {
    const sentence = 'Шестой, я Первый, приём. Мы под Бахмутом, в/ч 41698, звони 8 916 550 31 72. ';
    const text = sentence.repeat(2000);
    const entities = extractEntities(text);
    expect(entities.length).toBe(2000 * 5);
    expectExactOffsets(text, entities);
    expect(entities.at(-1)?.kind).toBe('phone');
  });
});
