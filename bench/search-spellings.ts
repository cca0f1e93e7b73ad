import type { Db } from '../src/db/database.ts';
import { searchSegments, type SearchRequest } from '../src/api/queries/search.ts';
import { parseSearchQuery } from '../src/search/query-parser.ts';
import { quantile } from './principals.ts';

// Before and after, in one run: each query searched with the number normalisation and the
// transliteration off (numbers only as typed, each word only in its own script: search as it was)
// and on, alternating run by run so that load from anything else on the machine falls on both
// alike. Straight through the search module (the API adds the same session and access cost to
// both, measured by the main table).

export const SPELLING_QUERIES: { label: string; q: string; translit: boolean }[] = [
  { label: 'no number (control)', q: 'позиция', translit: false },
  { label: 'number in digits', q: '300', translit: false },
  { label: 'number as a word', q: 'двухсотых', translit: false },
  { label: 'phrase with a number', q: '"груз 200"', translit: false },
  { label: 'numbers with OR', q: '200 OR 500', translit: false },
  { label: 'place, Latin → Cyrillic', q: 'Kharkiv', translit: true },
  { label: 'name, Cyrillic → Latin', q: 'Путин', translit: true },
  { label: 'rare name, Latin', q: 'volnovakha', translit: true },
];

async function timeOnce(db: Db, request: SearchRequest): Promise<{ ms: number; total: number }> {
  const started = performance.now();
  const result = await searchSegments(db, request);
  return { ms: performance.now() - started, total: result.total };
}

/** Prints one row per query: hits and p50/p95 off, then on, then what on adds to p95. */
export async function measureSpellings(db: Db, runs: number, warm = 3): Promise<number[]> {
  console.log('\nNumber normalisation and transliteration, off (before) and on (after); ms.');
  console.log(
    [
      'query'.padEnd(44),
      'hits off'.padStart(9),
      'hits on'.padStart(9),
      'off p50'.padStart(8),
      'off p95'.padStart(8),
      'on p50'.padStart(8),
      'on p95'.padStart(8),
    ].join(' '),
  );
  const allOn: number[] = [];
  for (const { label, q, translit } of SPELLING_QUERIES) {
    const base = { parsed: parseSearchQuery(q), lang: 'all' as const, filters: {}, limit: 20, offset: 0 };
    const off: SearchRequest = { ...base, translit: false, numbers: false };
    const on: SearchRequest = { ...base, translit, numbers: true };
    const times = { off: [] as number[], on: [] as number[] };
    const totals = { off: 0, on: 0 };
    for (let round = 0; round < warm + runs; round++) {
      const order = round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
      for (const which of order) {
        const { ms, total } = await timeOnce(db, which === 'off' ? off : on);
        totals[which] = total;
        if (round >= warm) times[which].push(ms);
      }
    }
    allOn.push(...times.on);
    console.log(
      [
        `${label}: ${q}`.padEnd(44),
        String(totals.off).padStart(9),
        String(totals.on).padStart(9),
        ...[times.off, times.on].flatMap((t) =>
          [quantile(t, 0.5), quantile(t, 0.95)].map((ms) => ms.toFixed(1).padStart(8)),
        ),
      ].join(' '),
    );
  }
  console.log(`${'all queries, on'.padEnd(64)} p95 ${quantile(allOn, 0.95).toFixed(1)} ms`);
  return allOn;
}
