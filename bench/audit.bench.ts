// Cost of the audit log and the access checks on the calls list and search: `npm run bench:audit`.
// One throwaway embedded PostgreSQL, one corpus (BENCH_RECORDINGS calls, default 100k; 70% with a
// transcript segment of 4–9 phrases drawn with a Zipf-like skew), two API instances on it: "after"
// with the audit hook (every list and search request appends a hash-chained entry before it), as an
// editor whose collection condition stays; "before" without the hook, as an admin (no condition).
// Requests alternate between the two, so drift hits both alike. Then
// eight concurrent clients (entries are appended one at a time under a lock), the cost of one
// append alone, and how fast `earshot audit verify` reads the chain. Prints figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApiServer } from '../src/api/server.ts';
import { recordAudit } from '../src/audit/audit-log.ts';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { loadConfig } from '../src/config/config.ts';
import { createDb, migrateToLatest } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { grantEveryCollection } from '../test/helpers/access-fixtures.ts';
import { actingAs, signedInApi, type SignedInApi } from '../test/helpers/signed-in-api.ts';
import { fillCallsCorpus } from './calls-corpus.ts';
import { phraseValues, PHRASE_PAIRS } from './search-corpus.ts';

const RECORDINGS = Number(process.env.BENCH_RECORDINGS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const CLIENTS = 8;
const VERIFY_ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 20_000);

const QUERIES = [
  '/api/recordings',
  '/api/recordings?collection=Leak%203&from=2023-01-01&to=2023-06-30',
  '/api/recordings?phone=%2B79160007919',
  '/api/recordings?sort=triage&offset=20000',
  `/api/search?q=${encodeURIComponent('двухсотых')}`,
  `/api/search?q=${encodeURIComponent('Пригожин')}`,
  `/api/search?q=${encodeURIComponent('"на позиции"')}&collection=Leak%202`,
  `/api/search?q=${encodeURIComponent('мародёрка')}&offset=100`,
];

/** 4–9 phrases per segment, frequent ones far more often (a skew like the search bench's). */
const segmentText = sql`(
  SELECT string_agg(p.ru, ' ' ORDER BY k)
  FROM generate_series(1, 4 + abs(hashtext(id::text)) % 6) k
  JOIN (VALUES ${phraseValues()}) p(i, ru, en)
    ON p.i = 1 + floor(pow((abs(hashtext(id::text || k::text)) % 10000) / 10000.0, 2.2)
                       * ${sql.lit(PHRASE_PAIRS.length)})::int)`;

const p = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
const ms = (n: number): string => n.toFixed(1);

async function timeRequest(app: SignedInApi, url: string): Promise<number> {
  const t0 = performance.now();
  const response = await app.inject({ method: 'GET', url, remoteAddress: '127.0.0.1' });
  const elapsed = performance.now() - t0;
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return elapsed;
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-audit-'));
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
  await fillCallsCorpus(db, RECORDINGS, segmentText);
  console.log(`filled ${RECORDINGS} recordings in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const config = loadConfig({ EARSHOT_DATA_DIR: root, EARSHOT_LOG_LEVEL: 'silent' });
  // Before: an admin (no collection condition) on a server without the audit hook. After: an
  // editor granted every collection but one empty one (so the collection condition stays, on the
  // same rows), on the server as it ships, audit log on. Both sign in with real sessions.
  const auditedServer = await buildApiServer({ db, config });
  const plainServer = await buildApiServer({ db, config, audit: false });
  const plain = await signedInApi(plainServer, db, { name: 'bench-admin' });
  const audited = await signedInApi(auditedServer, db, { name: 'bench-scoped', role: 'editor' });
  await grantEveryCollection(db, audited.userId);
  await db.insertInto('collections').values({ name: 'bench-not-granted' }).execute();
  // The two parts apart: the audit log alone (admin, audit on) and the access check alone
  // (the scoped editor on the server without the audit hook).
  const auditOnly = await signedInApi(auditedServer, db, { name: 'bench-admin-audited' });
  const scopeOnly = actingAs(plainServer, audited);
  for (const url of QUERIES) await timeRequest(plain, url); // warm caches and plans once

  const variants = [
    ['before', plain],
    ['audit', auditOnly],
    ['access', scopeOnly],
    ['after', audited],
  ] as const;
  console.log(`\nsequential, ${RUNS} runs each, the four alternating (ms)`);
  console.log(
    'before: admin, no audit log; audit: admin, audit log on; access: scoped editor, no audit log;',
  );
  console.log('after: scoped editor, audit log on (as it ships). p50 / p95, and the p95 added to before');
  console.log(
    'query'.padEnd(64),
    ...variants.map(([name]) => name.padStart(14)),
    '  audit',
    ' access',
    '  after',
  );
  const sums = variants.map(() => 0);
  for (const url of QUERIES) {
    const times = variants.map((): number[] => []);
    for (let i = 0; i < RUNS; i++) {
      for (let k = 0; k < variants.length; k++) {
        const v = (i + k) % variants.length;
        times[v]!.push(await timeRequest(variants[v]![1], url));
      }
    }
    for (const t of times) t.sort((a, b) => a - b);
    const p95s = times.map((t) => p(t, 0.95));
    p95s.forEach((value, v) => (sums[v]! += value));
    const added = (v: number) => `${(((p95s[v]! - p95s[0]!) / p95s[0]!) * 100).toFixed(0)} %`.padStart(7);
    console.log(
      decodeURIComponent(url).padEnd(64),
      ...times.map((t) => `${ms(p(t, 0.5))} / ${ms(p(t, 0.95))}`.padStart(14)),
      added(1),
      added(2),
      added(3),
    );
  }
  const sumAdded = (v: number) => `${(((sums[v]! - sums[0]!) / sums[0]!) * 100).toFixed(0)} %`.padStart(7);
  console.log(
    'sum of p95s'.padEnd(64),
    ...sums.map((x) => ms(x).padStart(14)),
    sumAdded(1),
    sumAdded(2),
    sumAdded(3),
  );

  console.log(`\n${CLIENTS} concurrent clients × ${RUNS} requests of /api/recordings (ms)`);
  for (const [label, app] of [
    ['before', plain],
    ['after', audited],
  ] as const) {
    const times: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = 0; i < RUNS; i++) times.push(await timeRequest(app, '/api/recordings'));
      }),
    );
    const wall = (performance.now() - t0) / 1000;
    times.sort((a, b) => a - b);
    console.log(
      `  ${label.padEnd(10)} p50 ${ms(p(times, 0.5))}  p95 ${ms(p(times, 0.95))}  ` +
        `${((CLIENTS * RUNS) / wall).toFixed(0)} requests/s`,
    );
  }
  await auditedServer.close();
  await plainServer.close();

  const appends: number[] = [];
  const toWrite = Math.max(0, VERIFY_ENTRIES - Number((await verifyAuditChain(db)).head.seq));
  const t0 = performance.now();
  for (let i = 0; i < toWrite; i++) {
    const a0 = performance.now();
    await recordAudit(db, {
      actor: 'bench',
      userId: null,
      action: 'view-call',
      target: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      address: '127.0.0.1',
      details: { status: 200 },
    });
    appends.push(performance.now() - a0);
  }
  appends.sort((a, b) => a - b);
  console.log(
    `\none append alone: p50 ${ms(p(appends, 0.5))} ms, p95 ${ms(p(appends, 0.95))} ms ` +
      `(${toWrite} appends in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const v0 = performance.now();
  const verification = await verifyAuditChain(db);
  const seconds = (performance.now() - v0) / 1000;
  console.log(
    `verify: ${verification.checked} entries in ${seconds.toFixed(2)} s ` +
      `(${(verification.checked / seconds).toFixed(0)} entries/s), ok=${verification.ok}`,
  );
} finally {
  await db.destroy();
  await server.stop();
  fs.rmSync(root, { recursive: true, force: true });
}
