// Recordings-list latency at 100k recordings: `npm run bench:api`.
// Starts a throwaway embedded PostgreSQL, fills it with synthetic rows in SQL, then times the
// list endpoint through Fastify's inject (no network) for typical desk queries. Prints figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApiServer } from '../src/api/server.ts';
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
  const app = await buildApiServer({ db, config });
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
    'median ms'.padStart(10),
    'p95 ms'.padStart(8),
  );
  for (const query of queries) {
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
    const median = times[Math.floor(RUNS / 2)] ?? 0;
    const p95 = times[Math.floor(RUNS * 0.95)] ?? 0;
    console.log(
      (query.replace('/api/recordings', '') || '(default)').padEnd(56),
      (query.startsWith('/api/recordings') ? String(total) : '-').padStart(7),
      median.toFixed(1).padStart(10),
      p95.toFixed(1).padStart(8),
    );
  }
  await app.close();
} finally {
  await db.destroy();
  await server.stop();
  fs.rmSync(root, { recursive: true, force: true });
}
