// The `npm run bench:ingest` row for a leak with damaged archives: the same folder of good files
// ingested alone and with the hostile corpus's damaged archives beside it, each into a fresh
// database, with throughput and the most temp space staged at once (stagingSpace, which counts
// every byte written to the store's temp files until it is linked or deleted).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.ts';
import { createDb, migrateToLatest } from '../src/db/database.ts';
import { stagingSpace } from '../src/ingest/content-store.ts';
import { ingestPaths } from '../src/ingest/ingest-paths.ts';
import { writeWav } from '../src/ingest/testing/audio-fixtures.ts';
import { writeArchives } from '../test/hostile-corpus/generate.ts';

const MB = 1_000_000;

interface Run {
  seconds: number;
  files: number;
  bytes: number;
  peakTempBytes: number;
  headline: string;
}

function folderBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

async function ingestFresh(
  connection: (database: string) => string,
  root: string,
  name: string,
  input: string,
): Promise<Run> {
  const admin = createDb(connection('postgres'), 1);
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin);
  await admin.destroy();
  const db = createDb(connection(name), 4);
  try {
    await migrateToLatest(db);
    const config = loadConfig({ EARSHOT_DATA_DIR: path.join(root, `data-${name}`) });
    stagingSpace.resetPeak();
    const started = process.hrtime.bigint();
    const result = await ingestPaths(db, config, { paths: [input], collection: name, actor: 'bench' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const s = result.summary;
    return {
      seconds,
      files: s.ingested + s.duplicates + s.alreadyKnown + s.rejected,
      bytes: folderBytes(input).bytes,
      peakTempBytes: stagingSpace.peakBytes,
      headline: s.headline(),
    };
  } finally {
    await db.destroy();
  }
}

function row(label: string, run: Run): string {
  return (
    `${label.padEnd(28)} ${run.seconds.toFixed(2).padStart(7)} s  ${(run.files / run.seconds).toFixed(1).padStart(8)} files/s` +
    `  ${(run.bytes / MB / run.seconds).toFixed(1).padStart(7)} MB/s  peak temp ${(run.peakTempBytes / MB).toFixed(2).padStart(7)} MB` +
    `  [${run.headline}]`
  );
}

/** Prints the two runs and their ratios. `connection` names a database of the bench's server. */
export async function compareDamagedArchives(
  connection: (database: string) => string,
  root: string,
): Promise<void> {
  const good = path.join(root, 'damaged-bench', 'good');
  for (let i = 0; i < 100; i++)
    writeWav(path.join(good, `call-${String(i).padStart(3, '0')}.wav`), {
      seconds: 10,
      sampleRate: 16000,
      seed: 7000 + i,
    });
  const mixed = path.join(root, 'damaged-bench', 'mixed');
  fs.cpSync(good, mixed, { recursive: true });
  await writeArchives(path.join(mixed, 'archives'));
  const archives = folderBytes(path.join(mixed, 'archives'));

  const clean = await ingestFresh(connection, root, 'bench_good', good);
  const damaged = await ingestFresh(connection, root, 'bench_damaged', mixed);
  const goodFiles = folderBytes(good);
  console.log(
    `\nDamaged archives: ${goodFiles.files} good WAV files (${(goodFiles.bytes / MB).toFixed(1)} MB), then the same ` +
      `plus ${archives.files} damaged archives (${(archives.bytes / MB).toFixed(2)} MB; fresh database each)`,
  );
  console.log(row('good folder', clean));
  console.log(row('good + damaged archives', damaged));
  const rate = (r: Run) => r.bytes / r.seconds;
  console.log(
    `ratio with / without damaged archives: ${(rate(damaged) / rate(clean)).toFixed(2)}x MB/s, ` +
      `${(damaged.files / damaged.seconds / (clean.files / clean.seconds)).toFixed(2)}x files/s, ` +
      `${(damaged.peakTempBytes / Math.max(1, clean.peakTempBytes)).toFixed(2)}x peak temp`,
  );
}
