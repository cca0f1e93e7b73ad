import { describe, expect, it } from 'vitest';
import type { EntityKind } from './types.ts';
import { extractEntities } from './extract-entities.ts';

/** Kind, surface and value of every entity found, in text order. */
function found(text: string): Array<[EntityKind, string, string]> {
  return extractEntities(text).map((entity) => [entity.kind, entity.surface, entity.value]);
}

describe('persons against places', () => {
  it('reads a first or pet name as the person unless a place preposition makes it a town', () => {
    expect(found('Пришли Богдан и Тарас.')).toEqual([
      ['person', 'Богдан', 'Богдан'],
      ['person', 'Тарас', 'Тарас'],
    ]);
    expect(found('Вчера у Димки телефон сел.')).toEqual([['person', 'Димки', 'Димка']]);
    expect(found('Сказали, что Надежду выписали.')).toEqual([['person', 'Надежду', 'Надежда']]);
    expect(found('в Димках тихо')).toEqual([['place', 'Димках', 'Dymka']]);
  });

  it('reads a surname after «у», «с», «к» as the man, after «под» or «в» as the village', () => {
    expect(found('у Зайцева телефон отобрали')).toEqual([['person', 'Зайцева', 'Зайцева']]);
    expect(found('стоим под Зайцевом')).toEqual([['place', 'Зайцевом', 'Zaitseve']]);
  });
});

describe('persons by kinship', () => {
  it('reads the name after a close-family word, in the nominative or the genitive', () => {
    // Names that are also ordinary words («вера» faith, «димы» smokes) need the kin word.
    expect(found('муж веры приехал')).toEqual([['person', 'веры', 'Вера']]);
    expect(found('бабушка люба плачет')).toEqual([['person', 'люба', 'Люба']]);
    expect(found('отец димы приезжал')).toEqual([['person', 'димы', 'Дима']]);
    expect(found('мама любит тебя')).toEqual([]);
  });
});

describe('single names', () => {
  it('reads a lower-case surname that the dictionary also knows, less likely, as a village', () => {
    expect(found('белова вчера забрали')).toEqual([['person', 'белова', 'Белов']]);
    expect(found('павлова увезли в госпиталь')).toEqual([['person', 'павлова', 'Павлов']]);
  });

  it('takes an opening or closing ordinary word as a vocative only when commas set it off', () => {
    expect(found('Вера у меня одна, и та пропала.')).toEqual([]);
    expect(found('Вера, ты где?')).toEqual([['person', 'Вера', 'Вера']]);
    expect(found('Где ты, Надежда?')).toEqual([['person', 'Надежда', 'Надежда']]);
    expect(found('вера ты где')).toEqual([['person', 'вера', 'Вера']]);
  });

  it('reads an ordinary noun with a possessive as an endearment, not a name', () => {
    expect(found('радость моя не грусти')).toEqual([]);
    expect(found('любовь моя не плачь')).toEqual([]);
  });

  it('takes no quoted word for a person: brands, titles and call signs are quoted', () => {
    expect(found('Купили «Ниву» в складчину.')).toEqual([]);
  });
});

describe('pet names made by a productive suffix', () => {
  it('finds «-юша», «-енька», «-юшка», «-яй» forms of known first names in any case', () => {
    expect(found('передай витюше носки')).toEqual([['person', 'витюше', 'Витюша']]);
    expect(found('У Сашеньки температура.')).toEqual([['person', 'Сашеньки', 'Сашенька']]);
    expect(found('с митяем в одном окопе')).toEqual([['person', 'митяем', 'Митяй']]);
  });

  it('leaves ordinary words with the same suffixes alone', () => {
    expect(found('подушку принеси и игрушку')).toEqual([]);
    expect(found('бабушке передай привет')).toEqual([]);
  });
});

describe('names joined to a name', () => {
  it('reads a word the dictionary lacks, joined by «и» to a name in the same case, as a name', () => {
    expect(found('Бахтиёру и Жамшиду премию не дали.')).toEqual([
      ['person', 'Бахтиёру', 'Бахтиер'],
      ['person', 'Жамшиду', 'Жамшиду'],
    ]);
    expect(found('шерзод и тимур ушли на точку')).toEqual([
      ['person', 'шерзод', 'Шерзод'],
      ['person', 'тимур', 'Тимур'],
    ]);
  });

  it('leaves a word in another case or one the dictionary knows', () => {
    expect(found('Тимуру и фывапр')).toEqual([['person', 'Тимуру', 'Тимур']]);
    expect(found('тимур и сухпай')).toEqual([['person', 'тимур', 'Тимур']]);
  });
});

describe('a feminine word with a masculine predicate', () => {
  it('reads «слава» as the man when his verb or short adjective follows', () => {
    expect(found('слава звонил вчера вечером')).toEqual([['person', 'слава', 'Слава']]);
    expect(found('Слава нам денег должен.')).toEqual([['person', 'Слава', 'Слава']]);
  });

  it('leaves glory alone: feminine predicate, «слава богу», another subject first', () => {
    expect(found('слава пришла к нему поздно')).toEqual([]);
    expect(found('слава богу вернулся')).toEqual([]);
    expect(found('слава богу сын вернулся')).toEqual([]);
  });
});
