// npm run bench:export: evidence-bundle export of ~2 GB of originals (EARSHOT_BENCH_EXPORT_BYTES
// or --bytes N to change it) against `zip -0 -q` (Info-ZIP, stored, no compression) of the same
// files, in one run, and the exporter's peak memory (maxRSS of a child process that only exports)
// beside that of exporting one small call. Runs its own embedded PostgreSQL in a temp folder and
// removes everything afterwards. Then the audio of a publication excerpt: a redacted 1-minute clip
// of a demo call against `ffmpeg -c copy` of the same minute (bench/excerpt-audio.ts), and the
// whole excerpt export of that minute with redaction and the full leak check, text and recogniser
// (bench/excerpt-export.ts), against the same copy.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.ts';
import { createDb, migrateToLatest, type Db } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { wavHeader } from '../src/ingest/testing/audio-fixtures.ts';
import { benchExcerptAudio, excerptAudioRows } from './excerpt-audio.ts';
import { benchExcerptExport, excerptExportRows } from './excerpt-export.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const MB = 1_000_000;
const MIB = 2 ** 20;
const FILES = 8;

function totalBytes(): number {
  const flag = process.argv.indexOf('--bytes');
  const given = flag >= 0 ? process.argv[flag + 1] : process.env.EARSHOT_BENCH_EXPORT_BYTES;
  const bytes = given === undefined ? 2 * 1024 ** 3 : Number(given);
  if (!Number.isSafeInteger(bytes) || bytes < FILES * 1024)
    throw new Error(`--bytes must be at least ${FILES * 1024}`);
  return bytes;
}

/**
 * Writes a WAV of noise straight into the originals store (named by its SHA-256, read-only, as
 * ingest stores it) and registers it as a recording: the corpus costs a write, not an ingest.
 */
async function addNoiseRecording(
  db: Db,
  originalsDir: string,
  collectionId: string,
  size: number,
  seed: number,
) {
  const block = crypto.randomBytes(MIB);
  block.writeUInt32LE(seed, 0);
  const temporary = path.join(originalsDir, `.bench-${seed}.partial`);
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(temporary, 'w');
  const header = wavHeader(size - 44, 8000, 1);
  fs.writeSync(fd, header);
  hash.update(header);
  for (let left = size - 44; left > 0; left -= block.length) {
    const part = left >= block.length ? block : block.subarray(0, left);
    fs.writeSync(fd, part);
    hash.update(part);
  }
  fs.closeSync(fd);
  const sha256 = hash.digest('hex');
  const storePath = path.join(sha256.slice(0, 2), sha256);
  fs.mkdirSync(path.join(originalsDir, sha256.slice(0, 2)), { recursive: true });
  fs.renameSync(temporary, path.join(originalsDir, storePath));
  fs.chmodSync(path.join(originalsDir, storePath), 0o444);
  await db
    .insertInto('recordings')
    .values({
      sha256,
      size_bytes: size,
      collection_id: collectionId,
      original_filename: `noise-${seed}.wav`,
      store_path: storePath,
      container: 'wav',
      codec: 'pcm_s16le',
      channels: 1,
      sample_rate: 8000,
      metadata_extra: {},
    })
    .execute();
  return path.join(originalsDir, storePath);
}

async function makeCollection(db: Db, originalsDir: string, name: string, count: number, size: number) {
  const { id } = await db
    .insertInto('collections')
    .values({ name })
    .returning('id')
    .executeTakeFirstOrThrow();
  const files: string[] = [];
  for (let i = 0; i < count; i++)
    files.push(await addNoiseRecording(db, originalsDir, id, size, files.length + name.length * 1000));
  return files;
}

function exportInChild(databaseUrl: string, dataDir: string, collection: string, out: string) {
  const text = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'export-rss-child.ts'), databaseUrl, dataDir, collection, out],
    { encoding: 'utf8', cwd: path.dirname(here) },
  );
  return JSON.parse(text.trim().split('\n').at(-1)!) as {
    maxRssBytes: number;
    seconds: number;
    sizeBytes: number;
  };
}

function timeZip(files: string[], out: string): number | undefined {
  if (spawnSync('zip', ['-v']).error) return undefined;
  const started = process.hrtime.bigint();
  const result = spawnSync('zip', ['-0', '-q', '-j', out, ...files]);
  if (result.status !== 0) throw new Error(`zip failed: ${result.stderr.toString()}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Reads every file once so that both runs start from the page cache alike. */
function warm(files: string[]): void {
  const buffer = Buffer.alloc(MIB);
  for (const file of files) {
    const fd = fs.openSync(file, 'r');
    while (fs.readSync(fd, buffer, 0, buffer.length, null) > 0);
    fs.closeSync(fd);
  }
}

async function main(): Promise<void> {
  const bytes = totalBytes();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-export-'));
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root, 'postgres'),
    port: await freePort(),
    logFile: path.join(root, 'postgres.log'),
  });
  const databaseUrl = server.connectionString('postgres');
  const db = createDb(databaseUrl, 2);
  const dataDir = path.join(root, 'data');
  const config = loadConfig({ EARSHOT_DATA_DIR: dataDir });
  fs.mkdirSync(config.originalsDir, { recursive: true });
  try {
    await migrateToLatest(db);
    console.log(`earshot export benchmark (${os.cpus().length} cores, node ${process.versions.node})`);
    const size = Math.floor(bytes / FILES);
    const files = await makeCollection(db, config.originalsDir, 'bench-large', FILES, size);
    await makeCollection(db, config.originalsDir, 'bench-small', 1, 64 * 1024);
    const originals = size * FILES;
    const small = exportInChild(databaseUrl, dataDir, 'bench-small', path.join(root, 'small.zip'));
    warm(files);
    const large = exportInChild(databaseUrl, dataDir, 'bench-large', path.join(root, 'bundle.zip'));
    fs.rmSync(path.join(root, 'bundle.zip'));
    warm(files);
    const zipSeconds = timeZip(files, path.join(root, 'zip0.zip'));

    const rate = (seconds: number) => `${(originals / MB / seconds).toFixed(0).padStart(5)} MB/s`;
    console.log(`\nOriginals: ${FILES} WAV files of noise, ${(originals / MB).toFixed(0)} MB in all`);
    console.log(
      `earshot export evidence   ${large.seconds.toFixed(2).padStart(7)} s  ${rate(large.seconds)}  (bundle ${(large.sizeBytes / MB).toFixed(0)} MB, hashed and signed)`,
    );
    if (zipSeconds === undefined) {
      console.log('zip -0 -q                 zip not installed (apt-get install zip)');
    } else {
      console.log(`zip -0 -q (Info-ZIP)      ${zipSeconds.toFixed(2).padStart(7)} s  ${rate(zipSeconds)}`);
      console.log(`ratio export / zip -0: ${(large.seconds / zipSeconds).toFixed(2)}x the time`);
    }
    console.log('\nPeak memory of the export (separate processes, maxRSS):');
    console.log(`  one 64 KiB call:          ${(small.maxRssBytes / MIB).toFixed(0)} MiB`);
    console.log(
      `  ${(originals / MB).toFixed(0)} MB of originals:   ${(large.maxRssBytes / MIB).toFixed(0)} MiB`,
    );
    console.log(
      `  difference: ${((large.maxRssBytes - small.maxRssBytes) / MIB).toFixed(0)} MiB (streamed: independent of the bundle's size)`,
    );
    for (const row of excerptAudioRows(await benchExcerptAudio())) console.log(row);
    for (const row of excerptExportRows(await benchExcerptExport(databaseUrl, db, root))) console.log(row);
  } finally {
    await db.destroy();
    await server.stop();
    for (const f of fs.readdirSync(root, { recursive: true, withFileTypes: true }))
      if (f.isFile()) fs.chmodSync(path.join(f.parentPath, f.name), 0o644);
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
