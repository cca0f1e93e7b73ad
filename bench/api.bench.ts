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
import { fillCallsCorpus } from './calls-corpus.ts';

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
  await fillCallsCorpus(db, RECORDINGS);
  console.log(`filled ${RECORDINGS} recordings in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // One call in twenty has a case file, spread over the statuses (the rest are unverified).
  await sql`
    INSERT INTO verification_cases (recording_id, collection_id, status)
    SELECT id, collection_id, (ARRAY['number_attributed', 'identity_corroborated', 'context_confirmed',
      'verified', 'disputed', 'rejected'])[1 + abs(hashtext(id::text) / 20) % 6]
    FROM recordings WHERE abs(hashtext(id::text)) % 20 = 0`.execute(db);
  await sql`ANALYZE verification_cases`.execute(db);

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
    '?verification=verified',
    '?verification=unverified&sort=triage',
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
