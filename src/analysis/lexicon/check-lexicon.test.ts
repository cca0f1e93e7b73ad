import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLexicon } from './check-lexicon.ts';
import {
  LEXICON_FILE,
  LexiconError,
  UKRAINIAN_LEXICON_FILE,
  bundledLexicon,
  mergeLexicons,
  parseLexicon,
} from './lexicon-data.ts';

const entry = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'dvukhsotyi',
  term: 'двухсотый',
  category: 'casualties_killed',
  gloss: 'a dead soldier',
  lemmas: ['двухсотый'],
  variants: ['двухсот*'],
  source: ['https://example.org/a'],
  ...over,
});
const messages = (entries: unknown[]): string[] => checkLexicon({ entries }).map((p) => p.message);

describe('checkLexicon', () => {
  it('accepts the bundled lexicon, every entry sourced and glossed', () => {
    const json: unknown = JSON.parse(fs.readFileSync(LEXICON_FILE, 'utf8'));
    expect(checkLexicon(json)).toEqual([]);
    const { entries, version } = bundledLexicon();
    expect(entries.length).toBeGreaterThan(150);
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    for (const e of entries) expect(e.source.length, e.id).toBeGreaterThan(0);
  });

  it('names duplicate ids, unknown categories, missing gloss or source', () => {
    expect(messages([entry(), entry({ variants: [] })])).toContain('dvukhsotyi: duplicate id');
    expect(messages([entry({ category: 'killed' })])[0]).toMatch(/unknown category "killed"/);
    expect(messages([entry({ gloss: '' })])).toEqual(['dvukhsotyi: missing English gloss']);
    expect(messages([entry({ source: [] })])).toEqual(['dvukhsotyi: missing source']);
    expect(messages([entry({ source: ['a book'] })])).toEqual([
      'dvukhsotyi: source is not a web address: "a book"',
    ]);
    expect(messages([entry({ id: 'Двухсотый' })])[0]).toMatch(/id must be lower-case ASCII/);
  });

  it('names variants that do not normalise, are censored or belong to two entries', () => {
    expect(messages([entry({ variants: ['—'] })])).toEqual([
      'dvukhsotyi: variant "—" has no words after normalisation',
    ]);
    expect(messages([entry({ variants: ['е**шить'] })])[0]).toMatch(/is censored/);
    expect(messages([entry(), entry({ id: 'other', lemmas: ['Двухсотый'], variants: [] })])).toEqual([
      'other: variant "Двухсотый" also belongs to dvukhsotyi',
    ]);
    expect(messages([entry({ variants: ['двухсотЫй'] })])).toEqual([
      'dvukhsotyi: variant "двухсотЫй" is listed twice',
    ]);
  });

  it('reports a malformed file by field', () => {
    expect(checkLexicon({ entries: [{ id: 'x' }] })[0]?.message).toMatch(/^entries\.0\.term/);
    expect(() => parseLexicon('{ nope')).toThrow(LexiconError);
    expect(() => parseLexicon(JSON.stringify({ entries: [entry({ category: 'x' })] }))).toThrow(
      /unknown category/,
    );
  });

  it('accepts the Ukrainian file, tags its entries Ukrainian, and refuses an id used in two files', () => {
    const text = fs.readFileSync(UKRAINIAN_LEXICON_FILE, 'utf8');
    expect(checkLexicon(JSON.parse(text))).toEqual([]);
    const ukrainian = bundledLexicon().entries.filter((e) => e.language === 'uk');
    expect(ukrainian.length).toBeGreaterThan(30);
    expect(ukrainian.every((e) => e.id.startsWith('uk-') && e.source.length > 0)).toBe(true);
    expect(bundledLexicon().entries.find((e) => e.id === 'dvukhsotyi')?.language).toBe('ru');
    const one = JSON.stringify({ entries: [entry()] });
    const same = JSON.stringify({ language: 'uk', entries: [entry()] });
    expect(() => mergeLexicons([one, same])).toThrow(/ids used in two files: dvukhsotyi/);
    expect(mergeLexicons([one]).version).not.toBe(
      mergeLexicons([one, JSON.stringify({ entries: [] })]).version,
    );
  });
});
