// Recordings-list latency at 100k recordings: `npm run bench:api`.
// Starts a throwaway embedded PostgreSQL, fills it with synthetic rows in SQL, then times the
// list endpoint through Fastify's inject (no network) for typical desk queries, as an admin and as
// editors (bench/principals.ts), alternating. Prints figures. BENCH_RUNS: timed runs (default 20).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.ts';
import { createDb, migrateToLatest } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import {
  buildBenchApps,
  closeBenchApps,
  comparisonHeader,
  comparisonLine,
  PRINCIPALS,
  quantile,
  timeInterleaved,
} from './principals.ts';

const RECORDINGS = Number(process.env.BENCH_RECORDINGS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-api-'));
const server = await startEmbeddedPostgres({
  dataDir: path.join(root, 'postgres'),
  port: 20_000 + Math.floor(Math.random() * 20_000),
  logFile: path.join(root, 'postgres.log'),
  databaseName: 'bench',
});
const db = createDb(server.connectionString('bench'));
try {
  await migrateToLatest(db);
  const started = Date.now();
  await sql`
    INSERT INTO collections (name) SELECT 'Leak ' || n FROM generate_series(1, 5) n;
    INSERT INTO recordings (sha256, size_bytes, collection_id, original_filename, store_path,
      caller_number, callee_number, call_started_at, metadata_origin, created_at)
    SELECT encode(sha256(n::text::bytea), 'hex'), 1000 + n,
      (SELECT id FROM collections ORDER BY name OFFSET (n % 5) LIMIT 1),
      'call-' || n || '.amr', 'x/' || n,
      '+7916' || lpad((n::bigint * 7919 % 10000000)::text, 7, '0'),
      '+38050' || lpad((n::bigint * 104729 % 10000000)::text, 7, '0'),
      timestamptz '2022-01-01' + (n * interval '15 minutes'),
      CASE WHEN n % 3 = 0 THEN 'sidecar' WHEN n % 3 = 1 THEN 'filename' END,
      now() - (n * interval '1 second')
    FROM generate_series(1, ${sql.lit(RECORDINGS)}) n;
    INSERT INTO stage_runs (recording_id, stage, status, error)
    SELECT id, 'decode', CASE WHEN random() < 0.02 THEN 'failed' ELSE 'done' END, NULL FROM recordings;
  `.execute(db);
  // Analysis of 70% of the calls: a one-segment transcript, a run with category counts and a triage
  // score, and a place mentioned in every tenth call (50 places). analysis_current is filled by
  // the database's own triggers when this statement commits, as it is for real runs.
  await sql`
    INSERT INTO transcripts (recording_id, version, kind, created_by, model)
    SELECT id, 1, 'machine', 'bench', 'bench-asr' FROM recordings WHERE abs(hashtext(id::text)) % 10 < 7;
    INSERT INTO transcript_segments (transcript_id, position, channel, lane, start_seconds, end_seconds, text)
    SELECT id, 0, 0, 'channel-0', 0, 5, 'у нас двухсотые под бахмутом' FROM transcripts;
    INSERT INTO analysis_runs (recording_id, transcript_id, created_by, lexicon_version, analyser_version,
      segments, language, counts, casualties, triage_score, triage_reasons)
    SELECT t.recording_id, t.id, 'bench', 'bench', 'bench', 1, '{"code":"ru"}',
      jsonb_build_object(
        (ARRAY['casualties_killed','casualties_wounded','refusal_to_fight','desertion','looting',
               'mobilisation','morale','weapons_and_shelling'])[1 + abs(hashtext(t.id::text)) % 8],
        1 + abs(hashtext(t.recording_id::text)) % 4),
      '{"killed": 2, "wounded": null, "missing": null}',
      abs(hashtext(t.id::text || 'triage')) % 1000 / 10.0, '[]'
    FROM transcripts t;
    INSERT INTO analysis_entities (run_id, transcript_segment_id, kind, start_offset, end_offset, surface,
      value, confidence, rule, place_id, place_name_en, place_name_ru, lat, lon, country)
    SELECT a.id, s.id, 'place', 20, 28, 'бахмутом', 'Place ' || p.n, 0.8, 'bench', (700000 + p.n)::text,
      'Place ' || p.n, 'Место ' || p.n, 48 + p.n / 100.0, 37 + p.n / 100.0, 'UA'
    FROM analysis_runs a JOIN transcript_segments s ON s.transcript_id = a.transcript_id
    CROSS JOIN LATERAL (SELECT abs(hashtext(a.id::text)) % 50 AS n) p
    WHERE abs(hashtext(a.recording_id::text || 'place')) % 10 = 0;
  `.execute(db);
  // As autovacuum leaves tables soon after a bulk load (it vacuums after inserts too): statistics,
  // and the visibility map that lets index-only scans skip the table.
  await sql`VACUUM ANALYZE`.execute(db);
  console.log(`filled ${RECORDINGS} recordings in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const config = loadConfig({ EARSHOT_DATA_DIR: root, EARSHOT_LOG_LEVEL: 'silent' });
  // Each query as an admin (no collection condition), as an editor granted every collection
  // (loaded as a request loads it: no condition either) and as that editor with the condition
  // kept (what a user granted some collections pays): the same calls for all three, so the
  // differences are the cost of the access check. The three alternate, run by run.
  const apps = await buildBenchApps({ db, config });
  const queries = [
    '',
    '?sort=created_at&order=asc&offset=50000',
    '?collection=Leak%203&from=2023-01-01&to=2023-06-30',
    '?phone=%2B79160007919',
    '?phone=12345',
    '?stage=decode&status=failed',
    '?metadataOrigin=sidecar&limit=200',
    '?sort=triage',
    '?sort=triage&offset=20000',
    '?category=refusal_to_fight&sort=triage',
    '?category=desertion&from=2023-01-01&to=2023-06-30',
    '?minTriage=90',
    '?place=700007',
    '?place=Place%2012&sort=triage',
  ].map((query) => `/api/recordings${query}`);
  // The trend charts aggregate over every call in scope.
  queries.push(
    '/api/trends/monthly',
    '/api/trends/monthly?collection=Leak%203&from=2023-01-01&to=2023-06-30',
    '/api/trends/places',
    '/api/trends/call-graph',
  );
  console.log(`${RUNS} runs each after 2 to warm; ms; +p95: the editor's p95 over the admin's.`);
  console.log(comparisonHeader('query (/api/recordings unless a path)', 'total'));
  const p95s = { admin: [] as number[], editor: [] as number[], scoped: [] as number[] };
  for (const query of queries) {
    const timed = await timeInterleaved(apps, query, RUNS, 2);
    const totals = PRINCIPALS.map((name) => JSON.parse(timed[name].body) as { total?: number });
    if (new Set(totals.map((t) => t.total)).size !== 1) {
      throw new Error(`${query}: totals differ: ${totals.map((t) => t.total).join(', ')}`);
    }
    for (const name of PRINCIPALS) p95s[name].push(quantile(timed[name].times, 0.95));
    const label = query.replace('/api/recordings', '') || '(default)';
    console.log(comparisonLine(label, String(totals[0]?.total ?? '-'), timed));
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(
    `sum of p95s: admin ${sum(p95s.admin).toFixed(0)}, editor ${sum(p95s.editor).toFixed(0)} ` +
      `(${((sum(p95s.editor) / sum(p95s.admin) - 1) * 100).toFixed(0)} %), scoped editor ` +
      `${sum(p95s.scoped).toFixed(0)} (${((sum(p95s.scoped) / sum(p95s.admin) - 1) * 100).toFixed(0)} %)`,
  );
  await closeBenchApps(apps);
} finally {
  await db.destroy();
  await server.stop();
  fs.rmSync(root, { recursive: true, force: true });
}
