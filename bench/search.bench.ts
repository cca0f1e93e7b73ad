// Search latency on a generated corpus: `npm run bench:search [-- --calls 100000 --keep DIR]`.
// Starts a throwaway embedded PostgreSQL, generates calls with ~50 segments each of synthetic
// intercept Russian plus English translations inside PostgreSQL (INSERT … SELECT from a sentence
// pool; see search-corpus.ts), then times GET /api/search for a fixed mix of queries, and the
// requests of the desk's Calls and Call pages (page-loads.ts), through Fastify's inject (no
// network); then the number normalisation and transliteration off and on (search-spellings.ts).
// Prints figures.
//   --calls N      calls to generate (default 100000: about 5M segments)
//   --segments N   segments per call (default 50)
//   --runs N       timed runs per query (default 30)
//   --keep DIR     keep the database in DIR, and reuse it when it already holds the same corpus
//                  (same --calls and --segments): the next run skips the build
// Every search query is timed as an admin, an editor granted every collection and that editor with
// the collection condition kept (bench/principals.ts), alternating run by run: the same hits, so
// the differences are the access check's cost. The page loads are timed as the admin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.ts';
import { createDb, migrateToLatest, pendingMigrations, type Db } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { measurePageLoads } from './page-loads.ts';
import {
  buildBenchApps,
  closeBenchApps,
  comparisonHeader,
  comparisonLine,
  PRINCIPALS,
  timeInterleaved,
} from './principals.ts';
import { phraseValues, rareValues } from './search-corpus.ts';
import { measureSpellings } from './search-spellings.ts';

const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '100000' },
    segments: { type: 'string', default: '50' },
    runs: { type: 'string', default: '30' },
    keep: { type: 'string' },
  },
});
const CALLS = Number(args.calls);
const SEGMENTS = Number(args.segments);
const RUNS = Number(args.runs);
if (![CALLS, SEGMENTS, RUNS].every((n) => Number.isInteger(n) && n > 0)) {
  throw new Error('--calls, --segments and --runs take positive whole numbers');
}
const POOL = Math.max(1000, Math.min(200_000, Math.floor((CALLS * SEGMENTS) / 20)));
const CHUNK_CALLS = 5000;
type SearchBody = { total: number; totalIsLowerBound: boolean };
const HUMAN_EVERY = 100; // one call in 100 has a human correction (version 2)

const root = args.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-search-'));
fs.mkdirSync(root, { recursive: true });
const marker = path.join(root, 'corpus.json');
const corpusKey = JSON.stringify({ calls: CALLS, segments: SEGMENTS, pool: POOL });
const reuse = fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === corpusKey;
if (!reuse && fs.existsSync(path.join(root, 'postgres'))) {
  // A build that was stopped half-way (no marker yet), or a corpus of another size: generating
  // into it would fail on the rows already there, so it is built again from an empty database.
  console.log(`${root} holds no complete corpus of this size: building it again.`);
  fs.rmSync(marker, { force: true });
  fs.rmSync(path.join(root, 'postgres'), { recursive: true, force: true });
}

const server = await startEmbeddedPostgres({
  dataDir: path.join(root, 'postgres'),
  port: 20_000 + Math.floor(Math.random() * 20_000),
  logFile: path.join(root, 'postgres.log'),
  databaseName: 'bench',
});
// The server's own pool size: the Call page sends five requests at once.
const db = createDb(server.connectionString('bench'), 10);

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`  ${label.padEnd(52)} ${seconds(started)}`);
  return result;
}

// Indexes that are cheaper to build once over the loaded rows than to keep up row by row.
const LOAD_INDEXES = [
  'CREATE INDEX transcript_segments_search_idx ON transcript_segments USING gin (search_vector)',
  'CREATE INDEX segment_translations_search_idx ON segment_translations USING gin (search_vector)',
  'CREATE INDEX segment_translations_transcript_idx ON segment_translations (transcript_id, target_language, transcript_segment_id)',
];

async function generate(database: Db): Promise<void> {
  for (const setting of [
    "ALTER SYSTEM SET maintenance_work_mem = '1GB'",
    "ALTER SYSTEM SET max_wal_size = '8GB'",
    "ALTER SYSTEM SET synchronous_commit = 'off'",
    "ALTER SYSTEM SET work_mem = '32MB'",
  ]) {
    await sql.raw(setting).execute(database);
  }
  await sql`SELECT pg_reload_conf()`.execute(database);
  const started = performance.now();
  console.log(`Generating ${CALLS} calls × ${SEGMENTS} segments (pool of ${POOL} sentences):`);
  await timed('recordings', () =>
    sql`
      INSERT INTO collections (name) SELECT 'Leak ' || n FROM generate_series(1, 5) n;
      INSERT INTO recordings (sha256, size_bytes, collection_id, original_filename, store_path,
        channels, duration_seconds, caller_number, callee_number, call_started_at, metadata_origin)
      SELECT encode(sha256(n::text::bytea), 'hex'), 1000 + n,
        (SELECT id FROM collections ORDER BY name OFFSET (n % 5) LIMIT 1),
        'call-' || n || '.amr', 'x/' || n, 2, ${sql.lit(SEGMENTS * 3 + 1)},
        '+7916' || lpad((n::bigint * 7919 % 10000000)::text, 7, '0'),
        '+38050' || lpad((n::bigint * 104729 % 10000000)::text, 7, '0'),
        timestamptz '2022-01-01' + (n * interval '15 minutes'), 'sidecar'
      FROM generate_series(1, ${sql.lit(CALLS)}) n;
    `.execute(database),
  );
  await timed('sentence pool', () =>
    sql`
      CREATE UNLOGGED TABLE bench_phrases (i integer PRIMARY KEY, ru text, en text);
      INSERT INTO bench_phrases VALUES ${phraseValues()};
      CREATE UNLOGGED TABLE bench_rare (i integer PRIMARY KEY, ru text, en text);
      INSERT INTO bench_rare VALUES ${rareValues()};
      CREATE UNLOGGED TABLE bench_pool AS
      SELECT p.id, string_agg(ph.ru, ' ' ORDER BY g.k) AS ru, string_agg(ph.en, ' ' ORDER BY g.k) AS en,
        jsonb_agg(jsonb_build_object('w', ph.ru, 'start', g.k * 0.3, 'end', g.k * 0.3 + 0.25, 'conf', 0.9)
          ORDER BY g.k) AS words
      FROM generate_series(0, ${sql.lit(POOL - 1)}) p(id)
      CROSS JOIN LATERAL (
        SELECT k, CASE WHEN k = 1 AND random() < 0.00005 THEN -1 - (p.id % 2)
          ELSE 1 + floor(pow(random(), 2.2) * (SELECT count(*) FROM bench_phrases))::int END AS pick
        FROM generate_series(1, 4 + p.id % 9) k
      ) g
      JOIN LATERAL (
        SELECT ru, en FROM bench_phrases WHERE i = g.pick
        UNION ALL SELECT ru, en FROM bench_rare WHERE i = -1 - g.pick
      ) ph ON true
      GROUP BY p.id;
      ALTER TABLE bench_pool ADD PRIMARY KEY (id);
      CREATE UNLOGGED TABLE bench_transcripts AS
      SELECT row_number() OVER (ORDER BY id) AS n, id AS recording_id FROM recordings;
    `.execute(database),
  );
  await timed('transcripts (1% with a human version 2)', () =>
    sql`
      INSERT INTO transcripts (recording_id, version, kind, created_by, model, model_files, language)
      SELECT recording_id, 1, 'machine', 'bench', 'gigaam-v2-ctc', '{}', 'ru' FROM bench_transcripts;
      INSERT INTO transcripts (recording_id, version, kind, based_on_id, created_by, language)
      SELECT b.recording_id, 2, 'human', t.id, 'bench-editor', 'ru'
      FROM bench_transcripts b JOIN transcripts t ON t.recording_id = b.recording_id
      WHERE b.n % ${sql.lit(HUMAN_EVERY)} = 0;
    `.execute(database),
  );
  await sql.raw(LOAD_INDEXES.map((i) => `DROP INDEX ${i.split(' ')[2]!};`).join('\n')).execute(database);

  // Chunks of calls, two at a time (one per core): the generated tsvector columns dominate.
  const chunks: [number, number][] = [];
  for (let first = 1; first <= CALLS; first += CHUNK_CALLS) chunks.push([first, first + CHUNK_CALLS - 1]);
  let done = 0;
  const load = async ([first, last]: [number, number]): Promise<void> => {
    await sql`
      INSERT INTO transcript_segments (transcript_id, position, channel, lane, start_seconds,
        end_seconds, text, language, confidence, words)
      SELECT t.id, k, k % 2, 'channel-' || (k % 2), k * 3.0, k * 3.0 + 2.5, p.ru, 'ru', 0.85, p.words
      FROM bench_transcripts b
      JOIN transcripts t ON t.recording_id = b.recording_id
      CROSS JOIN generate_series(0, ${sql.lit(SEGMENTS - 1)}) k
      JOIN bench_pool p ON p.id = (b.n * 7919 + k * 104729 + t.version * 31) % ${sql.lit(POOL)}
      WHERE b.n BETWEEN ${first} AND ${last}
      -- A call's segments side by side on disk, as a transcript written in one go leaves them;
      -- without the order they land 50 pages apart, and a plan that reads a call's segments
      -- pays 50 page reads for it.
      ORDER BY b.n, t.version, k
    `.execute(database);
    await sql`
      INSERT INTO segment_translations (transcript_segment_id, transcript_id, target_language, text,
        status, engine, model, model_sha256)
      SELECT s.id, s.transcript_id, 'en', p.en, 'translated', 'transformers.js', 'opus-mt-ru-en',
        repeat('ab', 32)
      FROM bench_transcripts b
      JOIN transcripts t ON t.recording_id = b.recording_id
      JOIN transcript_segments s ON s.transcript_id = t.id
      JOIN bench_pool p ON p.id = (b.n * 7919 + s.position * 104729 + t.version * 31) % ${sql.lit(POOL)}
      WHERE b.n BETWEEN ${first} AND ${last}
      ORDER BY s.id
    `.execute(database);
    done++;
    if (done % 4 === 0 || done === chunks.length) {
      console.log(
        `  segments and translations: ${Math.min(done * CHUNK_CALLS, CALLS)} calls (${seconds(started)})`,
      );
    }
  };
  const queue = [...chunks];
  const loadStarted = performance.now();
  await Promise.all(
    [0, 1].map(async () => {
      for (let chunk = queue.shift(); chunk; chunk = queue.shift()) await load(chunk);
    }),
  );
  console.log(`  ${'segments and translations (total)'.padEnd(52)} ${seconds(loadStarted)}`);
  await timed('indexes (GIN on vectors, btree), two at a time', async () => {
    const pending = [...LOAD_INDEXES];
    await Promise.all(
      [0, 1].map(async () => {
        for (let ddl = pending.shift(); ddl; ddl = pending.shift()) await sql.raw(ddl).execute(database);
      }),
    );
  });
  await timed('analysis runs for 10% of calls (category filter)', () =>
    sql`
      INSERT INTO analysis_runs (recording_id, transcript_id, created_by, lexicon_version,
        analyser_version, segments, language, counts, casualties, triage_score, triage_reasons)
      SELECT l.recording_id, l.transcript_id, 'bench', 'bench', 'bench', ${sql.lit(SEGMENTS)},
        '{"code":"ru","lexiconCovers":true}', '{"casualties_killed":2}',
        '{"killed":2,"wounded":null,"missing":null}', 50, '[]'
      FROM latest_transcripts l JOIN bench_transcripts b ON b.recording_id = l.recording_id
      WHERE b.n % 10 = 0;
    `.execute(database),
  );
  await timed('VACUUM ANALYZE', () => sql`VACUUM ANALYZE`.execute(database));
  console.log(`Generated in ${seconds(started)}.`);
}

try {
  if (reuse) {
    // A corpus kept by an older version of the desk gains the tables added since (in a few
    // seconds unless a migration rewrites a large table), so the search runs on today's schema.
    const pending = await pendingMigrations(db);
    await migrateToLatest(db);
    console.log(
      `Reusing the corpus in ${root}${pending.length > 0 ? ` (migrated: ${pending.join(', ')})` : ''}.`,
    );
  } else {
    await migrateToLatest(db);
    await generate(db);
    if (args.keep) fs.writeFileSync(marker, corpusKey);
  }
  const sizes = await sql<{ segments: string; translations: string; size: string }>`
    SELECT (SELECT count(*) FROM transcript_segments) AS segments,
      (SELECT count(*) FROM segment_translations) AS translations,
      pg_size_pretty(pg_database_size(current_database())) AS size`.execute(db);
  const s = sizes.rows[0]!;
  console.log(
    `Corpus: ${CALLS} calls, ${s.segments} segments, ${s.translations} translations, database ${s.size}.`,
  );

  const config = loadConfig({ EARSHOT_DATA_DIR: root, EARSHOT_LOG_LEVEL: 'silent' });
  const apps = await buildBenchApps({ db, config });
  const queries: [string, string][] = [
    ['common word (ru)', 'q=позиция&lang=ru'],
    ['common word (all)', 'q=позиция'],
    ['rare word', 'q=Прилуки'],
    ['rare name, transliterated', 'q=volnovakha&translit=true'],
    ['number code', 'q=300'],
    ['phrase', 'q=%22груз%20200%22'],
    ['OR and exclusion', 'q=300%20OR%20500%20-позиция'],
    ['English stems', 'q=wounded&lang=en'],
    ['with filters (collection, dates)', 'q=двухсотых&collection=Leak%203&from=2023-01-01&to=2023-06-30'],
    ['with phone filter', 'q=позиция&phone=%2B79160007919'],
    ['with category filter', 'q=пленные&category=casualties_killed'],
    ['page 5', 'q=окопы&offset=80'],
  ];
  const all = { admin: [] as number[], editor: [] as number[], scoped: [] as number[] };
  console.log(`\n${RUNS} runs each after 3 to warm; ms; +p95: the editor's p95 over the admin's.`);
  console.log(comparisonHeader('query', 'hits'));
  for (const [label, query] of queries) {
    const timed = await timeInterleaved(apps, `/api/search?${query}`, RUNS, 3);
    const bodies = PRINCIPALS.map((name) => JSON.parse(timed[name].body) as SearchBody);
    if (new Set(bodies.map((b) => b.total)).size !== 1) {
      throw new Error(`${query}: hits differ: ${bodies.map((b) => b.total).join(', ')}`);
    }
    for (const name of PRINCIPALS) all[name].push(...timed[name].times);
    const first = bodies[0]!;
    console.log(comparisonLine(label, `${first.totalIsLowerBound ? '≥' : ''}${first.total}`, timed));
  }
  console.log(
    comparisonLine('all search queries', '', {
      admin: { times: all.admin, body: '' },
      editor: { times: all.editor, body: '' },
      scoped: { times: all.scoped, body: '' },
    }),
  );
  await measureSpellings(db, RUNS);
  const row = (label: string, total: string, times: number[]): void => {
    times.sort((a, b) => a - b);
    const p = (q: number): string =>
      (times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0).toFixed(1);
    console.log(
      label.padEnd(36),
      total.padStart(9),
      p(0.5).padStart(8),
      p(0.95).padStart(8),
      p(1).padStart(8),
    );
  };

  console.log(
    '\npage load (first page)'.padEnd(47),
    'p50 ms'.padStart(8),
    'p95 ms'.padStart(8),
    'max ms'.padStart(8),
  );
  await measurePageLoads(apps.admin, db, RUNS, row);
  await closeBenchApps(apps);
} finally {
  await db.destroy();
  await server.stop();
  if (!args.keep) fs.rmSync(root, { recursive: true, force: true });
}
