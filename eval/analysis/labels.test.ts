import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allDocuments, findLabelProblems, HELD_OUT_DIR, loadLabelSets } from './labels.ts';

describe('labelled development set', () => {
  const sets = loadLabelSets();

  it('parses, and every span and entity gives back its surface from the stored text', () => {
    expect(findLabelProblems([...sets, ...loadLabelSets(HELD_OUT_DIR)])).toEqual([]);
  });

  it('covers the demo in both forms, the intercepts and the written sentences', () => {
    const docs = allDocuments(sets);
    expect(docs.filter((d) => d.source === 'demo' && d.form === 'written')).toHaveLength(20);
    expect(docs.filter((d) => d.source === 'demo' && d.form === 'spoken')).toHaveLength(20);
    expect(docs.filter((d) => d.id.startsWith('intercepts/radio_and_calls'))).toHaveLength(26);
    expect(docs.filter((d) => d.source === 'written-for-eval').length).toBeGreaterThanOrEqual(60);
  });

  it('holds the persons set in both forms, about 80 segments each, persons in most', () => {
    const docs = allDocuments(sets).filter((d) => d.source === 'dev-persons');
    expect(docs.every((d) => d.scope === 'person')).toBe(true);
    for (const form of ['written', 'spoken'] as const) {
      const segments = docs.filter((d) => d.form === form).flatMap((d) => d.segments);
      expect(segments.length).toBeGreaterThanOrEqual(60);
      expect(segments.filter((s) => s.entities.length > 0).length).toBeGreaterThanOrEqual(50);
    }
  });

  it('keeps spoken demo and persons text lower case, without punctuation or digits', () => {
    const spoken = allDocuments(sets).filter(
      (d) => (d.source === 'demo' || d.source === 'dev-persons') && d.form === 'spoken',
    );
    for (const doc of spoken) {
      for (const segment of doc.segments) expect(segment.text).toMatch(/^[а-яё -]*$/);
    }
  });
});

describe('label checks', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'earshot-labels-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(spans: unknown[]): void {
    const doc = {
      id: 'x',
      source: 'test',
      form: 'written',
      segments: [{ key: '0', text: 'у нас 2 двухсотых', spans, entities: [] }],
    };
    writeFileSync(
      path.join(dir, 'x.json'),
      JSON.stringify({ description: '', licence: '', documents: [doc] }),
    );
  }

  it('reports a span whose offsets do not give its surface', () => {
    write([{ category: 'casualties_killed', start: 6, end: 16, surface: '2 двухсотых' }]);
    expect(findLabelProblems(loadLabelSets(dir))).toEqual([
      'x.json x segment 0: [6,16) is «2 двухсоты», label says «2 двухсотых»',
    ]);
  });

  it('reports overlapping labels of one category', () => {
    write([
      { category: 'casualties_killed', start: 6, end: 17, surface: '2 двухсотых' },
      { category: 'casualties_killed', start: 8, end: 17, surface: 'двухсотых' },
    ]);
    expect(findLabelProblems(loadLabelSets(dir))).toHaveLength(1);
  });

  it('rejects an unknown category', () => {
    write([{ category: 'casualties_dead', start: 8, end: 17, surface: 'двухсотых' }]);
    expect(() => loadLabelSets(dir)).toThrow(/x\.json/);
  });
});
