import { describe, expect, it } from 'vitest';
import type { ProtectedIdentity } from '../protected-identity.ts';
import { protectedForms } from './protected-forms.ts';

const base = { collectionId: 'c1', pseudonym: 'Soldier A' };
const soldier: ProtectedIdentity = {
  ...base,
  id: 'p1',
  kind: 'person',
  label: 'Дмитрий Петрович Коваленко',
  person: { firstName: 'Дмитрий', patronymic: 'Петрович', surname: 'Коваленко', gender: 'male' },
};
const texts = (identity: ProtectedIdentity): string[] => protectedForms(identity).map((form) => form.text);

describe('protectedForms: persons', () => {
  it('declines every part and combination in every case', () => {
    const forms = texts(soldier);
    for (const form of ['дмитрий', 'дмитрия', 'дмитрию', 'дмитрием', 'дмитрии', 'петровичу', 'коваленко']) {
      expect(forms).toContain(form);
    }
    expect(forms).toContain('дмитрия коваленко');
    expect(forms).toContain('коваленко дмитрием петровичем');
    expect(forms).toContain('дмитрию петровичу');
  });

  it('adds pet names, declined, and names entered by hand', () => {
    const forms = texts({ ...soldier, person: { ...soldier.person, otherNames: ['Коваль'] } });
    for (const form of ['дима', 'димы', 'димой', 'димка', 'димке', 'димочка', 'коваль'])
      expect(forms).toContain(form);
    const sasha = texts({
      ...base,
      id: 'p2',
      kind: 'person',
      label: 'Александр',
      person: { firstName: 'Александр' },
    });
    for (const form of ['саша', 'саню', 'шура', 'шуре']) expect(sasha).toContain(form);
  });

  it('a person known by a pet name is protected by the full name and its other pet names too', () => {
    // The analysis of a demo call finds the soldier as «Димочка», what his mother calls him; the
    // English says "Dima" and the soldier himself «Дима».
    const dimochka: ProtectedIdentity = {
      ...base,
      id: 'p3',
      kind: 'person',
      label: 'Димочка',
      person: { firstName: 'Димочка' },
    };
    const forms = texts(dimochka);
    for (const form of ['димочка', 'димочке', 'дима', 'димой', 'дмитрий', 'дмитрия', 'димка', 'митя'])
      expect(forms).toContain(form);
    for (const form of ['dima', 'dimochka', 'dmitry', 'dmitri', 'dmitrii', 'dmytro', 'дмитро'])
      expect(forms).toContain(form);
    // «Дима» is also Вадим's: both full names are withheld.
    const dima = texts({ ...dimochka, id: 'p4', label: 'Дима', person: { firstName: 'Дима' } });
    for (const form of ['дмитрий', 'вадим', 'вадик', 'vadim']) expect(dima).toContain(form);
  });

  it('romanises in every system and common English spelling, Ukrainian form included', () => {
    const forms = protectedForms({
      ...base,
      id: 'p3',
      kind: 'person',
      label: 'Александр Коваленко',
      person: { firstName: 'Александр', surname: 'Коваленко' },
    });
    const byText = new Map(forms.map((form) => [form.text, form]));
    expect(byText.get('aleksandr kovalenko')?.detail).toBe('BGN/PCGN');
    expect(byText.get('alexander kovalenko')?.origin).toBe('transliteration');
    expect(byText.get('oleksandr kovalenko')?.detail).toBe('Ukrainian national');
    expect(byText.has('olexandr')).toBe(false);
    expect(byText.has('aleksandra')).toBe(true);
    expect(texts(soldier)).toContain('dmitrij petrovič kovalenko');
  });

  it('reads the parts of a name from the label when none were entered', () => {
    const person = (label: string): string[] => texts({ ...base, id: 'p6', kind: 'person', label });
    expect(person('Дмитрий Петрович Коваленко')).toEqual(
      expect.arrayContaining(['дмитрию петровичу', 'коваленко', 'диме']),
    );
    expect(person('Коваленко Дмитрий')).toEqual(
      expect.arrayContaining(['дмитрия коваленко', 'коваленко дмитрия']),
    );
    expect(person('Николай')).toEqual(expect.arrayContaining(['николаю', 'коле']));
    expect(person('Петров')).toEqual(expect.arrayContaining(['петрову', 'петровой']));
  });

  it('gives a Latin-script name its Cyrillic spellings', () => {
    const forms = texts({
      ...base,
      id: 'p4',
      kind: 'person',
      label: 'John Kovalenko',
      person: { firstName: 'John', surname: 'Kovalenko' },
    });
    expect(forms).toContain('коваленко');
    const declined = texts({
      ...base,
      id: 'p7',
      kind: 'person',
      label: 'Ivan Petrov',
      person: { firstName: 'Ivan', surname: 'Petrov' },
    });
    expect(declined).toEqual(expect.arrayContaining(['иван петров', 'ивану петрову', 'петрова']));
  });

  it('keeps the surname of relatives of the other gender', () => {
    const forms = texts({
      ...base,
      id: 'p5',
      kind: 'person',
      label: 'Иван Петров',
      person: { firstName: 'Иван', surname: 'Петров' },
    });
    expect(forms).toEqual(expect.arrayContaining(['петров', 'петрову', 'петрова', 'петровой']));
  });
});

describe('protectedForms: places, call signs, units', () => {
  it('declines towns of one and several words and spells them in English', () => {
    const town = texts({ ...base, id: 't1', kind: 'place', label: 'Купянск' });
    expect(town).toEqual(
      expect.arrayContaining(['купянск', 'купянска', 'купянску', 'купянском', 'купянске']),
    );
    expect(town).toEqual(expect.arrayContaining(['kupyansk', 'kupiansk']));
    const village = texts({ ...base, id: 't2', kind: 'place', label: 'Русская Лозовая' });
    expect(village).toEqual(
      expect.arrayContaining(['русской лозовой', 'русскую лозовую', 'russkaya lozovaya', 'ruska lozova']),
    );
    expect(texts({ ...base, id: 't3', kind: 'place', label: 'Харьков' })).toEqual(
      expect.arrayContaining(['харькове', 'kharkov', 'kharkiv']),
    );
  });

  it('declines call signs and keeps a unit number alone only when it is long', () => {
    expect(texts({ ...base, id: 'c1', kind: 'call_sign', label: 'Буран' })).toEqual(
      expect.arrayContaining(['бурана', 'бураном', 'buran']),
    );
    expect(texts({ ...base, id: 'u1', kind: 'unit', label: 'в/ч 12345' })).toContain('12345');
    expect(texts({ ...base, id: 'u2', kind: 'unit', label: '155-я бригада' })).not.toContain('155');
  });

  it('names a unit number every way it is written and said, whatever label it was entered under', () => {
    const expected = [
      'в/ч 41698',
      'вч 41698',
      'войсковая часть 41698',
      'войсковой части 41698',
      'воинскую часть 41698',
      'войсковой частью 41698',
      'military unit 41698',
      '41698',
      '41 698',
      'сорок одна тысяча шестьсот девяносто восемь',
      'сорок один шестьсот девяносто восемь',
      'forty one thousand six hundred ninety eight',
      'четыре один шесть девять восемь',
    ];
    for (const label of ['в/ч 41698', 'вч-41698', 'Войсковая часть № 41698', 'military unit 41698', '41698'])
      expect(texts({ ...base, id: 'u3', kind: 'unit', label })).toEqual(expect.arrayContaining(expected));
    const forms = protectedForms({ ...base, id: 'u4', kind: 'unit', label: 'в/ч 22179' });
    expect(forms).toContainEqual(
      expect.objectContaining({ text: 'войсковой части 22179', origin: 'inflection', detail: 'genitive' }),
    );
    expect(forms).toContainEqual(
      expect.objectContaining({ text: 'military unit 22179', origin: 'translation', detail: 'English' }),
    );
    // «две тысячи», not «два тысячи»; 11 to 14 thousand take «тысяч».
    expect(texts({ ...base, id: 'u5', kind: 'unit', label: 'в/ч 22179' })).toContain(
      'двадцать две тысячи сто семьдесят девять',
    );
    expect(texts({ ...base, id: 'u6', kind: 'unit', label: 'в/ч 12345' })).toContain(
      'двенадцать тысяч триста сорок пять',
    );
  });

  it('gives a voice no text forms', () => {
    expect(
      protectedForms({
        ...base,
        id: 'v1',
        kind: 'voice',
        label: 'lane A',
        voice: { recordingId: 'r', lane: 'A' },
      }),
    ).toEqual([]);
  });
});

describe('protectedForms: numbers', () => {
  it('writes a phone number with every prefix and says it in Russian and English', () => {
    const forms = protectedForms({ ...base, id: 'n1', kind: 'phone', label: '+79161234567' });
    const all = forms.map((form) => form.text);
    expect(all).toEqual(
      expect.arrayContaining(['79161234567', '89161234567', '9161234567', '8 (916) 123-45-67']),
    );
    expect(all).toContain('восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь');
    expect(all).toContain('nine one six one two three four five six seven');
    expect(forms.find((form) => form.text.startsWith('плюс семь'))?.origin).toBe('number-words');
  });

  it('handles Ukrainian numbers and cell ids', () => {
    const ua = protectedForms({ ...base, id: 'n2', kind: 'phone', label: '+380672205916' }).map(
      (f) => f.text,
    );
    expect(ua).toEqual(expect.arrayContaining(['380672205916', '0672205916']));
    const cell = protectedForms({ ...base, id: 'cell', kind: 'cell_id', label: '250-01-4021-27013' }).map(
      (f) => f.text,
    );
    expect(cell).toEqual(expect.arrayContaining(['25001402127013', '27013']));
  });
});

describe('protectedForms: other names of a place', () => {
  it('expands the other names the register keeps (an English spelling from the gazetteer) like the label', () => {
    const town: ProtectedIdentity = {
      ...base,
      id: 'pl9',
      kind: 'place',
      label: 'Волноваха',
      otherNames: ['Volnovakha-Pivnichna', 'Новотроицкое'],
    };
    const forms = texts(town);
    expect(forms).toContain('volnovakha-pivnichna');
    expect(forms).toContain('новотроицкое');
    expect(forms).toContain('новотроицком');
    expect(texts({ ...town, otherNames: [] })).not.toContain('новотроицкое');
  });
});
