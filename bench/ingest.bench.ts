// npm run bench:ingest: ingest throughput against sha256sum of the same files, peak memory
// while ingesting a 2 GB file against a small one, and a folder with damaged archives against the
// same folder without them (`npm run bench:ingest -- --damaged-only` runs that row alone). Runs its own embedded PostgreSQL in a temp
// folder and removes everything afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.ts';
import { createDb, migrateToLatest, type Db } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { commitStaged, stageStream } from '../src/ingest/content-store.ts';
import { ingestPaths } from '../src/ingest/ingest-paths.ts';
import { openFileStream } from '../src/ingest/source-file.ts';
import { writeLargeWav, writeWav } from '../src/ingest/testing/audio-fixtures.ts';
import { compareDamagedArchives } from './ingest-damaged.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const MB = 1_000_000;

interface Corpus {
  name: string;
  dir: string;
  files: string[];
  bytes: number;
}

function makeCorpus(root: string, name: string, count: number, seconds: number): Corpus {
  const dir = path.join(root, name);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    files.push(
      writeWav(path.join(dir, `call-${String(i).padStart(4, '0')}.wav`), {
        seconds,
        sampleRate: 16000,
        seed: i + count,
      }),
    );
  }
  return { name, dir, files, bytes: files.reduce((sum, f) => sum + fs.statSync(f).size, 0) };
}

function timeSha256sum(files: string[]): number {
  const started = process.hrtime.bigint();
  // xargs keeps the command line short; sha256sum reads each file once, like ingest.
  const result = spawnSync('xargs', ['-0', 'sha256sum'], { input: files.join('\0'), maxBuffer: 64 * MB });
  if (result.status !== 0) throw new Error(`sha256sum failed: ${result.stderr.toString()}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function timeIngest(db: Db, dataDir: string, corpus: Corpus): Promise<number> {
  const config = loadConfig({ EARSHOT_DATA_DIR: dataDir });
  const started = process.hrtime.bigint();
  const result = await ingestPaths(db, config, {
    paths: [corpus.dir],
    collection: corpus.name,
    actor: 'bench',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.summary.ingested !== corpus.files.length)
    throw new Error(`ingest: ${result.summary.headline()}`);
  return seconds;
}

/** Hash + copy into the store only (no probe, no database): the I/O part of ingest. */
async function timeStoreOnly(storeDir: string, files: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  for (const file of files)
    commitStaged(storeDir, await stageStream(storeDir, await openFileStream(Buffer.from(file))));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function warm(files: string[]): void {
  for (const f of files) fs.readFileSync(f);
}

function line(label: string, corpus: Corpus, seconds: number): string {
  return `${label.padEnd(28)} ${seconds.toFixed(2).padStart(7)} s  ${(corpus.files.length / seconds).toFixed(1).padStart(8)} files/s  ${(corpus.bytes / MB / seconds).toFixed(1).padStart(7)} MB/s`;
}

async function compare(db: Db, root: string, corpus: Corpus): Promise<void> {
  warm(corpus.files);
  const sha = timeSha256sum(corpus.files);
  const store = await timeStoreOnly(path.join(root, `store-only-${corpus.name}`), corpus.files);
  const ingest = await timeIngest(db, path.join(root, `data-${corpus.name}`), corpus);
  console.log(
    `\nCorpus ${corpus.name}: ${corpus.files.length} WAV files, ${(corpus.bytes / MB).toFixed(1)} MB`,
  );
  console.log(line('sha256sum', corpus, sha));
  console.log(line('hash + store (no probe/db)', corpus, store));
  console.log(line('earshot ingest', corpus, ingest));
  console.log(
    `ratio ingest / sha256sum: ${(ingest / sha).toFixed(2)}x   (hash + store / sha256sum: ${(store / sha).toFixed(2)}x; goal: within 2x)`,
  );
}

function peakRss(
  databaseUrl: string,
  dataDir: string,
  input: string,
  collection: string,
): { maxRssBytes: number; seconds: number; headline: string } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'ingest-rss-child.ts'), databaseUrl, dataDir, input, collection],
    {
      encoding: 'utf8',
      cwd: path.dirname(here),
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as {
    maxRssBytes: number;
    seconds: number;
    headline: string;
  };
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-ingest-'));
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root, 'postgres'),
    port: await freePort(),
    logFile: path.join(root, 'postgres.log'),
  });
  const databaseUrl = server.connectionString('postgres');
  const db = createDb(databaseUrl, 4);
  try {
    await migrateToLatest(db);
    console.log(`earshot ingest benchmark (${os.cpus().length} cores, node ${process.versions.node})`);
    if (process.argv.includes('--damaged-only')) {
      await compareDamagedArchives((name) => server.connectionString(name), root);
      return;
    }
    await compare(db, root, makeCorpus(root, 'small', 200, 10)); // 200 × 320 KB
    await compare(db, root, makeCorpus(root, 'large', 8, 2000)); // 8 × 64 MB

    const small = writeWav(path.join(root, 'rss', 'small.wav'), { seconds: 10, seed: 9 });
    const big = path.join(root, 'rss', 'big.wav');
    await writeLargeWav(big, 2 * 1024 ** 3);
    const smallRun = peakRss(databaseUrl, path.join(root, 'data-rss'), small, 'rss-small');
    const bigRun = peakRss(databaseUrl, path.join(root, 'data-rss'), big, 'rss-big');
    console.log('\nPeak memory (separate processes, maxRSS):');
    console.log(
      `  small file (${(fs.statSync(small).size / 1024).toFixed(0)} KiB): ${(smallRun.maxRssBytes / 2 ** 20).toFixed(0)} MiB  [${smallRun.headline}]`,
    );
    console.log(
      `  2 GiB file:            ${(bigRun.maxRssBytes / 2 ** 20).toFixed(0)} MiB  in ${bigRun.seconds.toFixed(1)} s (${((2 * 1024 ** 3) / MB / bigRun.seconds).toFixed(0)} MB/s)  [${bigRun.headline}]`,
    );
    console.log(
      `  difference: ${((bigRun.maxRssBytes - smallRun.maxRssBytes) / 2 ** 20).toFixed(0)} MiB (flat memory: independent of file size)`,
    );
    await compareDamagedArchives((name) => server.connectionString(name), root);
  } finally {
    await db.destroy();
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

await main();
