import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { loadConfig, type EarshotConfig } from '../config/config.ts';
import { ingestPaths, type IngestOptions } from './ingest-paths.ts';
import { wavBuffer, wavHeader, writeEncoded, writeWav } from './testing/audio-fixtures.ts';
import { storeSnapshot, tableCounts } from './testing/store-state.ts';
import { rewriteEntryName, writeZip } from './testing/zip-fixtures.ts';
import type { RejectionCode } from './types.ts';

// Every kind of bad input gets its own rejection code and reason, and leaves everything already
// stored exactly as it was: row counts of recordings and sources, and every blob in the store.

let tdb: TestDatabase;
let root: string;
let config: EarshotConfig;
let caseNumber = 0;

beforeAll(async () => {
  tdb = await createTestDatabase('ingest_bad_input');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bad-input-'));
  config = loadConfig({ EARSHOT_DATA_DIR: path.join(root, 'data') }, root);
  const good = path.join(root, 'good');
  writeWav(path.join(good, 'a.wav'), { seed: 101 });
  writeWav(path.join(good, 'b.wav'), { seed: 102 });
  const first = await ingestPaths(tdb.db, config, { paths: [good], collection: 'bad', actor: 'tester' });
  expect(first.summary.ingested).toBe(2);
});
afterAll(async () => {
  await tdb.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

function caseDir(): string {
  caseNumber += 1;
  const dir = path.join(root, `case-${caseNumber}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

async function ingestExpectingRejection(
  paths: string[],
  code: RejectionCode,
  reason: RegExp,
  options: Partial<IngestOptions> = {},
): Promise<{ sourcePath: string }> {
  const countsBefore = await tableCounts(tdb.db);
  const storeBefore = storeSnapshot(config.originalsDir);
  const result = await ingestPaths(tdb.db, config, { paths, collection: 'bad', actor: 'tester', ...options });
  const rejection = result.summary.rejections.find((r) => r.code === code);
  expect(rejection, `rejections: ${JSON.stringify(result.summary.rejections)}`).toBeDefined();
  expect(rejection!.reason).toMatch(reason);
  const countsAfter = await tableCounts(tdb.db);
  expect(countsAfter.recordings).toBe(countsBefore.recordings! + result.summary.ingested);
  expect(countsAfter.recording_sources).toBe(
    countsBefore.recording_sources! + result.summary.ingested + result.summary.duplicates,
  );
  const storeAfter = storeSnapshot(config.originalsDir);
  for (const [blob, state] of Object.entries(storeBefore)) expect(storeAfter[blob]).toBe(state);
  const row = await tdb.db
    .selectFrom('rejections')
    .select(['reason_code', 'reason', 'source_path'])
    .where('batch_id', '=', result.batchId)
    .where('reason_code', '=', code)
    // An archive can hold several entries rejected for the same reason: the summary's first one.
    .where('source_path', '=', rejection!.sourcePath)
    .executeTakeFirstOrThrow();
  expect(row.reason).toBe(rejection!.reason);
  const event = await tdb.db
    .selectFrom('custody_events')
    .select(['details'])
    .where('batch_id', '=', result.batchId)
    .where('action', '=', 'rejected')
    .where('source_path', '=', row.source_path)
    .executeTakeFirstOrThrow();
  expect(event.details.reasonCode).toBe(code);
  return { sourcePath: row.source_path };
}

describe('bad input', () => {
  it('rejects an empty (zero-length) file', async () => {
    const dir = caseDir();
    fs.writeFileSync(path.join(dir, 'empty.wav'), '');
    await ingestExpectingRejection([dir], 'empty-file', /empty \(0 bytes\)/);
  });

  it('rejects a WAV with a valid header and no samples (zero duration)', async () => {
    const dir = caseDir();
    fs.writeFileSync(path.join(dir, 'silent.wav'), wavHeader(0, 8000, 1));
    await ingestExpectingRejection([dir], 'zero-duration', /no duration/);
  });

  it('rejects a truncated WAV (header announces more audio than present)', async () => {
    const dir = caseDir();
    const whole = wavBuffer({ seconds: 4, seed: 7 });
    fs.writeFileSync(path.join(dir, 'cut.wav'), whole.subarray(0, whole.length / 2));
    await ingestExpectingRejection([dir], 'truncated-audio', /cut short/);
  });

  it('rejects a truncated MP3', async () => {
    const dir = caseDir();
    const full = writeEncoded(path.join(root, 'full.mp3'), 10);
    const bytes = fs.readFileSync(full);
    fs.writeFileSync(path.join(dir, 'cut.mp3'), bytes.subarray(0, Math.floor(bytes.length / 3)));
    await ingestExpectingRejection([dir], 'truncated-audio', /cut short/);
  });

  it('rejects corrupt audio (garbage in the encoded stream)', async () => {
    const dir = caseDir();
    const bytes = fs.readFileSync(writeEncoded(path.join(root, 'full.ogg'), 10));
    let seed = 12345;
    for (let i = Math.floor(bytes.length / 4); i < Math.floor((bytes.length * 3) / 4); i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = seed & 0xff;
    }
    fs.writeFileSync(path.join(dir, 'damaged.ogg'), bytes);
    await ingestExpectingRejection([dir], 'corrupt-audio', /decode/);
  });

  it('rejects non-audio with an audio extension', async () => {
    const dir = caseDir();
    fs.writeFileSync(path.join(dir, 'notes.mp3'), 'Meeting at 10, bring the documents.\n'.repeat(50));
    await ingestExpectingRejection([dir], 'not-audio', /not a readable audio file|no audio stream/);
  });

  it('rejects archive entries with ../ and absolute paths, and still ingests the safe entry', async () => {
    const dir = caseDir();
    const zip = path.join(dir, 'hostile.zip');
    await writeZip(zip, [
      { name: 'xx/escape.wav', data: wavBuffer({ seed: 201 }) },
      { name: 'xetc/passwd.wav', data: wavBuffer({ seed: 202 }) },
      { name: 'ok/fine.wav', data: wavBuffer({ seed: 203 }) },
    ]);
    rewriteEntryName(zip, 'xx/escape.wav', '../escape.wav');
    rewriteEntryName(zip, 'xetc/passwd.wav', '/etc/passwd.wav');
    const { sourcePath } = await ingestExpectingRejection([zip], 'unsafe-archive-path', /\.\.|absolute/);
    const rows = await tdb.db
      .selectFrom('rejections')
      .select(['source_path', 'reason'])
      .where('reason_code', '=', 'unsafe-archive-path')
      .execute();
    expect(rows.map((r) => r.source_path).sort()).toEqual(
      [`${zip}!//etc/passwd.wav`, `${zip}!/../escape.wav`].sort(),
    );
    expect(sourcePath.startsWith(zip)).toBe(true);
    // Nothing was written outside the store.
    expect(fs.existsSync(path.join(root, 'escape.wav'))).toBe(false);
    const safe = await tdb.db
      .selectFrom('recording_sources')
      .select('id')
      .where('source_path', '=', `${zip}!/ok/fine.wav`)
      .execute();
    expect(safe).toHaveLength(1);
  });

  it('rejects an archive inside an archive with a clear reason', async () => {
    const dir = caseDir();
    const inner = path.join(root, 'inner.zip');
    await writeZip(inner, [{ name: 'x.wav', data: wavBuffer({ seed: 301 }) }]);
    const outer = path.join(dir, 'outer.zip');
    await writeZip(outer, [{ name: 'inner.zip', data: fs.readFileSync(inner) }]);
    await ingestExpectingRejection([outer], 'nested-archive', /archive inside an archive/);
  });

  it('rejects a zip bomb by its expansion budget and by its ratio', async () => {
    const dir = caseDir();
    const zip = path.join(dir, 'bomb.zip');
    // 24 MiB of zeros deflates to about 24 KB. Declared sizes are refused from the directory;
    // bytes really inflated are counted too (zip-entries.test.ts, damaged-archive.test.ts).
    await writeZip(zip, [
      {
        name: 'bomb.wav',
        data: Buffer.concat([wavHeader(24 * 1024 * 1024, 8000, 1), Buffer.alloc(24 * 1024 * 1024)]),
      },
    ]);
    await ingestExpectingRejection([zip], 'zip-bomb', /zip bomb/, {
      limits: { maxArchiveBytes: 4 * 1024 * 1024 },
    });
    const copy = path.join(dir, 'bomb-2.zip');
    fs.copyFileSync(zip, copy);
    await ingestExpectingRejection([copy], 'zip-bomb', /ratio/, { limits: { maxCompressionRatio: 50 } });
  });

  it('rejects a corrupt zip archive', async () => {
    const dir = caseDir();
    fs.writeFileSync(
      path.join(dir, 'broken.zip'),
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(500, 7)]),
    );
    await ingestExpectingRejection([dir], 'corrupt-archive', /not a readable zip archive/);
  });

  it('rejects a symbolic link leading outside the input folder', async () => {
    const dir = caseDir();
    const outside = writeWav(path.join(root, 'outside', 'secret.wav'), { seed: 401 });
    fs.symlinkSync(outside, path.join(dir, 'link.wav'));
    await ingestExpectingRejection([dir], 'symlink-outside-input', /outside the input/);
  });

  it('rejects a file name with a newline, recording a printable escaped name', async () => {
    const dir = caseDir();
    writeWav(path.join(dir, 'evil\nname.wav'), { seed: 501 });
    const { sourcePath } = await ingestExpectingRejection([dir], 'unsafe-file-name', /line break/);
    expect(sourcePath).toBe(`${dir}/evil\\nname.wav`);
  });

  it('rejects unreadable inputs: a named pipe and a dangling symbolic link, without hanging', async () => {
    const dir = caseDir();
    execFileSync('mkfifo', [path.join(dir, 'pipe.wav')]);
    await ingestExpectingRejection([dir], 'not-a-regular-file', /named pipe/);
    const other = caseDir();
    fs.symlinkSync(path.join(other, 'gone.wav'), path.join(other, 'dangling.wav'));
    await ingestExpectingRejection([other], 'unreadable', /symbolic link/);
  });

  it('does not record the same rejection twice when the same bad input is ingested again', async () => {
    const dir = caseDir();
    fs.writeFileSync(path.join(dir, 'empty.wav'), '');
    await ingestExpectingRejection([dir], 'empty-file', /empty/);
    const before = await tableCounts(tdb.db);
    const again = await ingestPaths(tdb.db, config, { paths: [dir], collection: 'bad', actor: 'tester' });
    expect(again.summary.rejections[0]?.recordedBefore).toBe(true);
    const after = await tableCounts(tdb.db);
    expect(after.rejections).toBe(before.rejections);
    expect(after.custody_events).toBe(before.custody_events);
  });
});
