import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { loadConfig, type EarshotConfig } from '../config/config.ts';
import { stagingSpace } from './content-store.ts';
import { ingestPaths } from './ingest-paths.ts';
import { wavBuffer, wavHeader, writeWav } from './testing/audio-fixtures.ts';
import { storeSnapshot } from './testing/store-state.ts';
import {
  corruptEntryData,
  flipMiddleByte,
  halveCompressedSize,
  setDeclaredSize,
  setRecordedCrc,
  writeOverlappingZip,
  writeZip,
} from './testing/zip-fixtures.ts';

// Damaged archives are common in leaks: each damage kind rejects only the damaged entry, with its
// own reason, and the rest of the archive and of the folder is ingested.

let tdb: TestDatabase;
let root: string;
let config: EarshotConfig;
let caseNumber = 0;

beforeAll(async () => {
  tdb = await createTestDatabase('ingest_damaged_archive');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-damaged-zip-'));
  config = loadConfig({ EARSHOT_DATA_DIR: path.join(root, 'data') }, root);
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

async function ingest(paths: string[]) {
  return ingestPaths(tdb.db, config, { paths, collection: 'damaged', actor: 'tester' });
}

async function custodyActions(batchId: string, sourcePath: string) {
  return tdb.db
    .selectFrom('custody_events')
    .select(['action', 'details'])
    .where('batch_id', '=', batchId)
    .where('source_path', '=', sourcePath)
    .orderBy('id')
    .execute();
}

describe('damaged zip archives', () => {
  it('rejects a corrupt deflate entry in the middle of a folder and ingests everything else', async () => {
    const dir = caseDir();
    writeWav(path.join(dir, 'a-before.wav'), { seed: 1101 });
    const zip = path.join(dir, 'b-leak.zip');
    const good1 = wavBuffer({ seed: 1102 });
    await writeZip(zip, [
      { name: 'calls/good-1.wav', data: good1 },
      { name: 'calls/broken.wav', data: wavBuffer({ seed: 1103 }) },
      { name: 'calls/good-2.wav', data: wavBuffer({ seed: 1104 }) },
    ]);
    corruptEntryData(zip, 'calls/broken.wav');
    writeWav(path.join(dir, 'c-after.wav'), { seed: 1105 });

    const result = await ingest([dir]);

    expect(result.summary.ingested).toBe(4);
    expect(result.summary.rejections).toEqual([
      expect.objectContaining({
        sourcePath: `${zip}!/calls/broken.wav`,
        code: 'corrupt-archive-entry',
        reason: expect.stringMatching(/^deflate data is corrupt: invalid block type/) as unknown,
      }),
    ]);
    const batch = await tdb.db
      .selectFrom('ingest_batches')
      .select('status')
      .where('id', '=', result.batchId)
      .executeTakeFirstOrThrow();
    // Files were stored but one was refused: the batch says so instead of a plain 'finished'.
    expect(batch.status).toBe('finished_with_rejections');
    expect(result.status).toBe('finished_with_rejections');
    const rejected = await custodyActions(result.batchId, `${zip}!/calls/broken.wav`);
    expect(rejected.map((e) => e.action)).toEqual(['received', 'rejected']);
    expect(rejected[1]!.details.reasonCode).toBe('corrupt-archive-entry');
    // Every entry taken from an archive carries the archive's own CRC-32 and sizes.
    const received = (await custodyActions(result.batchId, `${zip}!/calls/good-1.wav`))[0]!;
    expect(received.details).toMatchObject({
      archiveCrc32: zlib.crc32(good1).toString(16).padStart(8, '0'),
      archiveUncompressedSize: good1.length,
    });
    expect(received.details.archiveCompressedSize).toBeGreaterThan(0);
  });

  it('rejects an entry with a byte flipped in the middle of its deflate stream as damaged', async () => {
    const dir = caseDir();
    const zip = path.join(dir, 'flipped.zip');
    await writeZip(zip, [{ name: 'flipped.wav', data: wavBuffer({ seed: 1151, seconds: 4 }) }]);
    flipMiddleByte(zip, 'flipped.wav');
    const storeBefore = storeSnapshot(config.originalsDir);

    const result = await ingest([zip]);

    // Which check notices depends on where the flipped bits land; one of them always does.
    expect(result.summary.ingested).toBe(0);
    expect(['corrupt-archive-entry', 'size-mismatch', 'crc-mismatch']).toContain(
      result.summary.rejections[0]?.code,
    );
    expect(storeSnapshot(config.originalsDir)).toEqual(storeBefore);
  });

  it('rejects an entry whose CRC-32 does not match, naming both values, and stores nothing of it', async () => {
    const dir = caseDir();
    const zip = path.join(dir, 'crc.zip');
    const data = wavBuffer({ seed: 1201 });
    await writeZip(zip, [{ name: 'x.wav', data }]);
    const actual = zlib.crc32(data).toString(16).padStart(8, '0');
    setRecordedCrc(zip, 'x.wav', 0x12345678);
    const storeBefore = storeSnapshot(config.originalsDir);

    const result = await ingest([zip]);

    expect(result.summary.ingested).toBe(0);
    const rejection = result.summary.rejections[0]!;
    expect(rejection.code).toBe('crc-mismatch');
    expect(rejection.reason).toContain('recorded 12345678');
    expect(rejection.reason).toContain(`computed ${actual}`);
    expect(storeSnapshot(config.originalsDir)).toEqual(storeBefore);
    const events = await custodyActions(result.batchId, `${zip}!/x.wav`);
    expect(events[0]!.details.archiveCrc32).toBe('12345678');
  });

  it('rejects an entry whose size disagrees with the directory', async () => {
    const dir = caseDir();
    const zip = path.join(dir, 'size.zip');
    const data = wavBuffer({ seed: 1301 });
    await writeZip(zip, [{ name: 'short.wav', data }]);
    setDeclaredSize(zip, 'short.wav', data.length - 1000);

    const result = await ingest([zip]);

    expect(result.summary.ingested).toBe(0);
    expect(result.summary.rejections[0]).toMatchObject({
      code: 'size-mismatch',
      reason: expect.stringMatching(/size disagrees.*too many bytes/) as unknown,
    });
  });

  it('rejects an entry whose compressed size in the directory is cut short', async () => {
    const dir = caseDir();
    const zip = path.join(dir, 'cut.zip');
    await writeZip(zip, [{ name: 'cut.wav', data: wavBuffer({ seed: 1351 }) }]);
    halveCompressedSize(zip, 'cut.wav');

    const result = await ingest([zip]);

    expect(result.summary.ingested).toBe(0);
    expect(result.summary.rejections[0]).toMatchObject({
      code: 'corrupt-archive-entry',
      reason: expect.stringMatching(/^deflate data is corrupt: unexpected end of file/) as unknown,
    });
  });

  it('rejects overlapping entries as a zip bomb from the directory, before inflating any', async () => {
    const dir = caseDir();
    const zip = path.join(dir, 'overlap.zip');
    writeOverlappingZip(zip, ['a.wav', 'b.wav', 'c.wav'], wavBuffer({ seed: 1401 }));

    const result = await ingest([zip]);

    expect(result.summary.ingested).toBe(0);
    const rejections = result.summary.rejections.map((r) => [r.sourcePath, r.code]);
    expect(rejections.sort()).toEqual([
      [`${zip}!/a.wav`, 'zip-bomb'],
      [`${zip}!/b.wav`, 'zip-bomb'],
      [`${zip}!/c.wav`, 'zip-bomb'],
    ]);
    expect(result.summary.rejections[0]!.reason).toMatch(/overlaps another entry's.*3 entries overlap/);
    for (const name of ['a.wav', 'b.wav', 'c.wav']) {
      const events = await custodyActions(result.batchId, `${zip}!/${name}`);
      expect(events.map((e) => e.action)).toEqual(['received', 'rejected']);
    }
  });

  it('rejects a 50 MB entry of zeros by its ratio without inflating it', async () => {
    const dir = caseDir();
    const zip = path.join(dir, 'zeros.zip');
    const size = 50 * 1000 * 1000;
    await writeZip(zip, [
      { name: 'zeros.wav', data: Buffer.concat([wavHeader(size, 8000, 1), Buffer.alloc(size)]) },
      { name: 'real.wav', data: wavBuffer({ seed: 1501 }) },
    ]);

    const result = await ingest([zip]);

    expect(result.summary.ingested).toBe(1);
    expect(result.summary.rejections[0]).toMatchObject({
      sourcePath: `${zip}!/zeros.wav`,
      code: 'zip-bomb',
      reason: expect.stringMatching(/declared compression ratio \d+:1 exceeds the limit of 100:1/) as unknown,
    });
    // Rejected from the directory: never hashed, so not one byte was inflated to temp space.
    const events = await custodyActions(result.batchId, `${zip}!/zeros.wav`);
    expect(events.map((e) => e.action)).toEqual(['received', 'rejected']);
  });

  it('never holds more than one entry of an archive in temp space, with several files in flight', async () => {
    const dir = caseDir();
    const zip = path.join(dir, 'many.zip');
    // Audio entries take time to probe after they are staged, text ones are refused after a
    // probe too: without the archive's turn held until each is done, four lanes stage four.
    const entries = [1601, 1602, 1603, 1604, 1605, 1606].map((seed, i) => ({
      name: `calls/${i}.wav`,
      data:
        i % 3 === 2
          ? Buffer.from(`not audio ${seed}\n`.repeat(4000))
          : wavBuffer({ seconds: 3, seed, sampleRate: 16000 }),
    }));
    await writeZip(zip, entries);
    const largest = Math.max(...entries.map((e) => e.data.length));
    stagingSpace.resetPeak();

    const result = await ingestPaths(tdb.db, config, {
      paths: [zip],
      collection: 'damaged',
      actor: 'tester',
      concurrency: 4,
    });

    expect(result.summary.ingested).toBe(4);
    expect(result.summary.rejected).toBe(2);
    expect(stagingSpace.peakBytes).toBeGreaterThan(0);
    expect(stagingSpace.peakBytes).toBeLessThanOrEqual(largest);
    expect(stagingSpace.inUseBytes).toBe(0);
  });
});
