// Exports one collection in a fresh process and prints its peak resident memory and time, so the
// benchmark measures the exporter alone (not the process that generated the corpus).
import { localOperator } from '../src/accounts/principal.ts';
import { loadConfig } from '../src/config/config.ts';
import { createDb } from '../src/db/database.ts';
import { exportEvidence } from '../src/evidence/export-evidence.ts';

const [databaseUrl, dataDir, collection, outPath] = process.argv.slice(2);
if (!databaseUrl || !dataDir || !collection || !outPath)
  throw new Error('usage: DATABASE_URL DATA_DIR COLLECTION OUT.zip');
const db = createDb(databaseUrl, 2);
const config = loadConfig({ DATABASE_URL: databaseUrl, EARSHOT_DATA_DIR: dataDir });
const started = process.hrtime.bigint();
const summary = await exportEvidence(db, config, {
  scope: { collection },
  outPath,
  overwrite: true,
  maxBytes: Number.MAX_SAFE_INTEGER,
  actor: localOperator('bench'),
  address: null,
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await db.destroy();
// maxRSS is in KiB.
console.log(
  JSON.stringify({
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    seconds,
    sizeBytes: summary.sizeBytes,
  }),
);
