// The search of this tree against another version's, in one process on a kept corpus:
//   mkdir /tmp/before && git archive REV src | tar -x -C /tmp/before
//   ln -s "$PWD/node_modules" /tmp/before/node_modules
//   npx tsx bench/search-versus.ts --keep DIR --before /tmp/before [--runs 20]
// Each of the spellings bench's queries (search-spellings.ts) is searched by the other version's
// module and by this one's, with the number normalisation and transliteration off and on,
// rotating the four run by run so that load from anything else on the machine falls on each
// alike: on a busy machine, only figures from one such run compare. The other version's src/ is
// imported as it is, with this tree's packages (the link).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { searchSegments } from '../src/api/queries/search.ts';
import { parseSearchQuery } from '../src/search/query-parser.ts';
import { quantile } from './principals.ts';
import { SPELLING_QUERIES } from './search-spellings.ts';

const { values: args } = parseArgs({
  options: {
    keep: { type: 'string' },
    before: { type: 'string' },
    runs: { type: 'string', default: '20' },
  },
});
if (!args.keep || !args.before) throw new Error('give --keep DIR (a kept bench corpus) and --before DIR');
const RUNS = Number(args.runs);
if (!Number.isInteger(RUNS) || RUNS <= 0) throw new Error('--runs takes a positive whole number');
const WARM = 3;
const other = (await import(path.resolve(args.before, 'src/api/queries/search.ts'))) as {
  searchSegments: typeof searchSegments;
};

const server = await startEmbeddedPostgres({
  dataDir: path.join(args.keep, 'postgres'),
  port: 20_000 + Math.floor(Math.random() * 20_000),
  logFile: path.join(args.keep, 'postgres.log'),
  databaseName: 'bench',
});
const db = createDb(server.connectionString('bench'), 10);
const variants: [string, typeof searchSegments, boolean][] = [
  ['before off', other.searchSegments, false],
  ['before on', other.searchSegments, true],
  ['after off', searchSegments, false],
  ['after on', searchSegments, true],
];
try {
  console.log(`${RUNS} runs each after ${WARM} to warm; p50 / p95 in ms; hits with the switch on.`);
  console.log('query'.padEnd(36), ...variants.map(([name]) => name.padStart(16)), 'hits'.padStart(12));
  for (const { label, q, translit } of SPELLING_QUERIES) {
    const times = variants.map(() => [] as number[]);
    const hits = variants.map(() => 0);
    for (let round = 0; round < WARM + RUNS; round++) {
      for (let k = 0; k < variants.length; k++) {
        const i = (k + round) % variants.length;
        const [, search, on] = variants[i]!;
        const started = performance.now();
        const result = await search(db, {
          parsed: parseSearchQuery(q),
          lang: 'all',
          translit: on && translit,
          numbers: on,
          filters: {},
          limit: 20,
          offset: 0,
        });
        if (round >= WARM) times[i]!.push(performance.now() - started);
        hits[i] = result.total;
      }
    }
    console.log(
      `${label}: ${q}`.slice(0, 36).padEnd(36),
      ...times.map((t) => `${quantile(t, 0.5).toFixed(1)} / ${quantile(t, 0.95).toFixed(1)}`.padStart(16)),
      `${hits[1]} / ${hits[3]}`.padStart(12),
    );
  }
} finally {
  await db.destroy();
  await server.stop();
}
