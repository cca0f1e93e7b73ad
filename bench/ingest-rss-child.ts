// Ingests one path in a fresh process and prints its peak resident memory, so the benchmark can
// compare a 2 GB file with a small one without its own allocations in the way.
import { loadConfig } from '../src/config/config.ts';
import { createDb } from '../src/db/database.ts';
import { ingestPaths } from '../src/ingest/ingest-paths.ts';

const [databaseUrl, dataDir, input, collection] = process.argv.slice(2);
if (!databaseUrl || !dataDir || !input || !collection)
  throw new Error('usage: DATABASE_URL DATA_DIR INPUT COLLECTION');
const db = createDb(databaseUrl, 2);
const config = loadConfig({ DATABASE_URL: databaseUrl, EARSHOT_DATA_DIR: dataDir });
const started = process.hrtime.bigint();
const result = await ingestPaths(db, config, { paths: [input], collection, actor: 'bench' });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await db.destroy();
// maxRSS is in KiB.
console.log(
  JSON.stringify({
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    seconds,
    headline: result.summary.headline(),
  }),
);
