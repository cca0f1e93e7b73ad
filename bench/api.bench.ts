// Recordings-list latency at 100k recordings: `npm run bench:api`.
// Starts a throwaway embedded PostgreSQL, fills it with synthetic rows in SQL, then times the
// list endpoint through Fastify's inject (no network) for typical desk queries. Prints figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApiServer } from '../src/api/server.ts';
import { signedInApi } from '../test/helpers/signed-in-api.ts';
import { grantEveryCollection } from '../test/helpers/access-fixtures.ts';
import { loadConfig } from '../src/config/config.ts';
import { createDb, migrateToLatest } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { fillCallsCorpus } from './calls-corpus.ts';

const RECORDINGS = Number(process.env.BENCH_RECORDINGS ?? 100_000);
const RUNS = 20;

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

  const config = loadConfig({ EARSHOT_DATA_DIR: root, EARSHOT_LOG_LEVEL: 'silent' });
  // Each query as an admin (no collection condition) and as an editor granted every collection:
  // the same calls, so the difference is the cost of the access check in the SQL. Both sign in
  // with real sessions, so the session lookup is in both.
  const app = await buildApiServer({ db, config });
  const asAdmin = await signedInApi(app, db, { name: 'bench-admin' });
  const asEditor = await signedInApi(app, db, { name: 'bench-editor', role: 'editor' });
  await grantEveryCollection(db, asEditor.userId);
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
  console.log(
    'query (/api/recordings unless a path)'.padEnd(56),
    'total'.padStart(7),
    'admin p50'.padStart(10),
    'admin p95'.padStart(10),
    'editor p50'.padStart(11),
    'editor p95'.padStart(11),
    'p95 added'.padStart(10),
  );
  const time = async (app: typeof asAdmin, query: string) => {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const response = await app.inject({ method: 'GET', url: query });
      times.push(performance.now() - t0);
      if (response.statusCode !== 200) throw new Error(`${query}: ${response.statusCode} ${response.body}`);
      total = response.json<{ total?: number }>().total ?? 0;
    }
    times.sort((a, b) => a - b);
    return { total, median: times[Math.floor(RUNS / 2)] ?? 0, p95: times[Math.floor(RUNS * 0.95)] ?? 0 };
  };
  for (const query of queries) {
    const a = await time(asAdmin, query);
    const e = await time(asEditor, query);
    if (a.total !== e.total) throw new Error(`${query}: admin total ${a.total}, editor total ${e.total}`);
    console.log(
      (query.replace('/api/recordings', '') || '(default)').padEnd(56),
      (query.startsWith('/api/recordings') ? String(a.total) : '-').padStart(7),
      a.median.toFixed(1).padStart(10),
      a.p95.toFixed(1).padStart(10),
      e.median.toFixed(1).padStart(11),
      e.p95.toFixed(1).padStart(11),
      `${(((e.p95 - a.p95) / a.p95) * 100).toFixed(0)} %`.padStart(10),
    );
  }
  await app.close();
} finally {
  await db.destroy();
  await server.stop();
  fs.rmSync(root, { recursive: true, force: true });
}
