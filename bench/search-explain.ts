// Where a search's time goes: `npx tsx bench/search-explain.ts --keep DIR [--q QUERY]… [--off]`.
// Runs each query once through the search module on a corpus that `npm run bench:search -- --keep
// DIR` kept, records every statement it sent, then prints each statement's EXPLAIN (ANALYZE,
// BUFFERS): the plan, rows read and buffers touched, which on a busy machine say more than times.
//   --keep DIR   a corpus kept by bench:search (its PostgreSQL is started here; not while a bench
//                runs on it) — or --url postgres://… of a server that is already running
//   --q QUERY    a search query, transliteration on (repeatable; default: the spellings bench's)
//   --off        numbers only as typed and no transliteration (search as it was before)
//   --lang L     ru, en or all (default all)
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/schema.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded-postgres.ts';
import { searchSegments } from '../src/api/queries/search.ts';
import { parseSearchQuery } from '../src/search/query-parser.ts';
import { SPELLING_QUERIES } from './search-spellings.ts';

const { values: args } = parseArgs({
  options: {
    keep: { type: 'string' },
    url: { type: 'string' },
    q: { type: 'string', multiple: true },
    off: { type: 'boolean', default: false },
    lang: { type: 'string', default: 'all' },
  },
});
if (!args.keep === !args.url) throw new Error('give either --keep DIR or --url postgres://…');
const lang = args.lang as 'ru' | 'en' | 'all';
if (!['ru', 'en', 'all'].includes(lang)) throw new Error('--lang takes ru, en or all');
// Typed queries with the switch on; by default the spellings bench's, with its switch per query.
const queries = args.q?.map((q) => ({ q, translit: true })) ?? SPELLING_QUERIES;

let server: EmbeddedServer | undefined;
let url = args.url;
if (args.keep) {
  server = await startEmbeddedPostgres({
    dataDir: path.join(args.keep, 'postgres'),
    port: 20_000 + Math.floor(Math.random() * 20_000),
    logFile: path.join(args.keep, 'postgres.log'),
    databaseName: 'bench',
  });
  url = server.connectionString('bench');
}
const pool = new pg.Pool({ connectionString: url, max: 4 });
// Connections the server ends when it stops must not crash the script.
pool.on('error', () => undefined);
const statements: { sql: string; parameters: readonly unknown[] }[] = [];
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => {
    if (event.level === 'query') statements.push(event.query);
  },
});

try {
  for (const query of queries) {
    const { q } = query;
    const translit = !args.off && query.translit;
    statements.length = 0;
    const result = await searchSegments(db, {
      parsed: parseSearchQuery(q),
      lang,
      translit,
      numbers: !args.off,
      filters: {},
      limit: 20,
      offset: 0,
    });
    console.log(`\n=== ${q} (translit ${translit}, numbers ${!args.off}): ${result.total} hits`);
    for (const statement of [...statements]) {
      const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`,
        [...statement.parameters],
      );
      console.log(`\n--- ${statement.sql.replace(/\s+/g, ' ').slice(0, 400)}`);
      console.log(`    parameters: ${JSON.stringify(statement.parameters).slice(0, 600)}`);
      for (const row of rows) console.log(row['QUERY PLAN']);
    }
  }
} finally {
  await db.destroy();
  await server?.stop();
}
