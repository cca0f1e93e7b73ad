import { describe, expect, it } from 'vitest';
import { entryForEntity, type RegisterEntry } from '../../api/register.ts';
import { entryRequest } from './add-entry-form.tsx';
import { formsByDetail } from './entry-forms.tsx';

// What the desk decides without the server: which register entry protects a chip of the call's
// analysis, the request the add-by-hand form sends, and how an entry's forms are laid out.

const entry = (patch: Partial<RegisterEntry>): RegisterEntry => ({
  id: '1',
  collectionId: 'c',
  kind: 'person',
  label: 'Самойлов Дмитрий',
  pseudonym: 'Soldier A',
  formerPseudonyms: [],
  person: null,
  otherNames: [],
  voice: null,
  source: { kind: 'hand', recordingId: null, entityId: null },
  addedBy: 'olena',
  addedAt: '2026-01-01T00:00:00.000Z',
  retired: null,
  ...patch,
});

describe('entryForEntity', () => {
  it('finds the live entry by kind and label or another name, folding case and ё', () => {
    const place = entry({
      id: '2',
      kind: 'place',
      label: 'Бахмут',
      otherNames: ['Bakhmut'],
      pseudonym: 'Place 1',
    });
    const entries = [entry({}), place];
    expect(entryForEntity(entries, 'person', 'самойлов  дмитрий')?.pseudonym).toBe('Soldier A');
    expect(entryForEntity(entries, 'place', 'Bakhmut')?.pseudonym).toBe('Place 1');
    expect(entryForEntity(entries, 'call_sign', 'Самойлов Дмитрий')).toBeUndefined();
    expect(entryForEntity([entry({ label: 'Семён' })], 'person', 'Семен')?.pseudonym).toBe('Soldier A');
  });

  it('ignores retired entries', () => {
    const retired = entry({ retired: { at: '2026-01-02T00:00:00.000Z', by: 'olena', reason: 'named' } });
    expect(entryForEntity([retired], 'person', 'Самойлов Дмитрий')).toBeUndefined();
  });
});

describe('entryRequest', () => {
  const draft = {
    kind: 'person' as const,
    label: 'Людмила Петровна',
    pseudonym: "  A's mother ",
    firstName: 'Людмила',
    patronymic: '',
    surname: '',
    otherNames: 'Люда,  Мила , ',
    recordingId: 'ignored',
    lane: 'ignored',
  };

  it('sends name parts and other names for a person, blanks left out', () => {
    expect(entryRequest(draft)).toEqual({
      kind: 'person',
      label: 'Людмила Петровна',
      pseudonym: "A's mother",
      firstName: 'Людмила',
      patronymic: undefined,
      surname: undefined,
      otherNames: ['Люда', 'Мила'],
    });
  });

  it('sends a lane for a voice and no name parts for other kinds', () => {
    const voice = entryRequest({
      ...draft,
      kind: 'voice',
      pseudonym: '',
      otherNames: '',
      recordingId: ' r1 ',
      lane: 'channel-0',
    });
    expect(voice).toEqual({
      kind: 'voice',
      label: 'Людмила Петровна',
      pseudonym: undefined,
      voice: { recordingId: 'r1', lane: 'channel-0' },
    });
  });
});

describe('formsByDetail', () => {
  it('puts the forms of one case or system on one line, in the order the server gave', () => {
    const group = {
      origin: 'inflection' as const,
      forms: [
        { text: 'дмитрия самойлова', detail: 'genitive' },
        { text: 'дмитрию самойлову', detail: 'dative' },
        { text: 'самойлова дмитрия', detail: 'genitive' },
        { text: 'самойлов', detail: null },
      ],
    };
    expect(formsByDetail(group)).toEqual([
      { detail: 'genitive', texts: ['дмитрия самойлова', 'самойлова дмитрия'] },
      { detail: 'dative', texts: ['дмитрию самойлову'] },
      { detail: null, texts: ['самойлов'] },
    ]);
  });
});
