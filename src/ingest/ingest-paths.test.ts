import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { loadConfig, type EarshotConfig } from '../config/config.ts';
import { sha256File, storeSnapshot, tableCounts } from './testing/store-state.ts';
import { ingestPaths } from './ingest-paths.ts';
import { writeEncoded, writeWav } from './testing/audio-fixtures.ts';

let tdb: TestDatabase;
let root: string;
let config: EarshotConfig;

beforeAll(async () => {
  tdb = await createTestDatabase('ingest_core');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-ingest-core-'));
  config = loadConfig({ EARSHOT_DATA_DIR: path.join(root, 'data') }, root);
});
afterAll(async () => {
  await tdb.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('ingestPaths', () => {
  it('stores each file once, read-only, under its SHA-256, keeps every source path, and records custody', async () => {
    const input = path.join(root, 'leak');
    writeWav(path.join(input, '20220314_153012_+79161234567_+380501234567.wav'), { seed: 1 });
    writeWav(path.join(input, 'nested', 'copy-of-first.wav'), { seed: 1 });
    writeEncoded(path.join(input, 'nested', 'deeper', 'call.mp3'), 2);
    const before = sha256File(path.join(input, 'nested', 'copy-of-first.wav'));

    const result = await ingestPaths(tdb.db, config, { paths: [input], collection: 'core', actor: 'tester' });

    expect(result.summary.ingested).toBe(2);
    expect(result.summary.duplicates).toBe(1);
    expect(result.summary.rejected).toBe(0);
    expect(result.newRecordingIds).toHaveLength(2);
    // Inputs are untouched.
    expect(sha256File(path.join(input, 'nested', 'copy-of-first.wav'))).toBe(before);

    const recordings = await tdb.db.selectFrom('recordings').selectAll().orderBy('codec').execute();
    expect(recordings.map((r) => r.codec)).toEqual(['mp3', 'pcm_s16le']);
    for (const r of recordings) {
      expect(r.store_path).toBe(path.join(r.sha256.slice(0, 2), r.sha256.slice(2, 4), r.sha256));
      const blob = path.join(config.originalsDir, r.store_path);
      expect(sha256File(blob)).toBe(r.sha256);
      expect(fs.statSync(blob).mode & 0o777).toBe(0o444);
      expect(r.duration_seconds).toBeGreaterThan(1.5);
    }
    const wav = recordings.find((r) => r.codec === 'pcm_s16le')!;
    expect(wav.sample_rate).toBe(8000);
    expect(wav.channels).toBe(1);
    expect(wav.container).toBe('wav');
    // The file-name pattern gave the call metadata.
    expect(wav.caller_number).toBe('+79161234567');
    expect(wav.callee_number).toBe('+380501234567');
    expect(wav.call_started_at?.toISOString()).toBe('2022-03-14T15:30:12.000Z');
    expect(wav.call_timezone).toBe('UTC');
    expect(wav.metadata_origin).toBe('filename');

    const sources = await tdb.db
      .selectFrom('recording_sources')
      .select(['source_path'])
      .where('recording_id', '=', wav.id)
      .orderBy('source_path')
      .execute();
    expect(sources.map((s) => path.relative(input, s.source_path))).toEqual([
      '20220314_153012_+79161234567_+380501234567.wav',
      'nested/copy-of-first.wav',
    ]);

    const events = await tdb.db
      .selectFrom('custody_events')
      .select(['action', 'actor', 'source_path', 'tool_versions'])
      .where('recording_id', '=', wav.id)
      .orderBy('id')
      .execute();
    // Which of the two copies is processed first depends on timing; the set of actions does not.
    expect(events.map((e) => e.action).sort()).toEqual([
      'duplicate',
      'hashed',
      'hashed',
      'metadata',
      'probed',
      'received',
      'received',
      'stored',
    ]);
    expect(events.every((e) => e.actor === 'tester' && typeof e.tool_versions.ffmpeg === 'string')).toBe(
      true,
    );
    // No temp files left in the store.
    expect(fs.readdirSync(path.join(config.originalsDir, '.incoming'))).toEqual([]);
  });

  it('changes nothing when the same ingest runs again, and says so', async () => {
    const input = path.join(root, 'leak');
    const before = await tableCounts(tdb.db);
    const store = storeSnapshot(config.originalsDir);

    const again = await ingestPaths(tdb.db, config, { paths: [input], collection: 'core', actor: 'tester' });

    expect(again.summary.headline()).toBe('0 new, 0 duplicates, 3 already known, 0 rejected');
    expect(again.newRecordingIds).toEqual([]);
    const after = await tableCounts(tdb.db);
    expect({ ...after, ingest_batches: before.ingest_batches }).toEqual(before);
    expect(after.ingest_batches).toBeDefined();
    expect(after.ingest_batches).toBe((before.ingest_batches ?? 0) + 1);
    expect(storeSnapshot(config.originalsDir)).toEqual(store);
    const batch = await tdb.db
      .selectFrom('ingest_batches')
      .select(['status', 'summary'])
      .where('id', '=', again.batchId)
      .executeTakeFirstOrThrow();
    expect(batch.status).toBe('finished');
    expect(batch.summary?.headline).toMatch(/^0 new, .*3 already known/);
  });

  it('keeps the same content found in another collection as one recording with a source in each', async () => {
    const other = path.join(root, 'other');
    writeWav(path.join(other, 'renamed.wav'), { seed: 1 });
    const result = await ingestPaths(tdb.db, config, {
      paths: [other],
      collection: 'second',
      actor: 'tester',
    });
    expect(result.summary.duplicates).toBe(1);
    const rows = await tdb.db
      .selectFrom('recording_sources')
      .innerJoin('collections', 'collections.id', 'recording_sources.collection_id')
      .select(['collections.name', 'recording_sources.recording_id'])
      .execute();
    const ids = new Set(rows.filter((r) => r.name === 'second').map((r) => r.recording_id));
    expect(ids.size).toBe(1);
    expect(rows.filter((r) => r.name === 'core' && ids.has(r.recording_id))).toHaveLength(2);
  });

  it('ingests zip archives by streaming their entries, recording archive and entry', async () => {
    const { writeZip } = await import('./testing/zip-fixtures.ts');
    const zipPath = path.join(root, 'archive.zip');
    await writeZip(zipPath, [
      {
        name: 'calls/20230101_120000_89161234567_89031234567.wav',
        data: fs.readFileSync(writeWav(path.join(root, 'z1.wav'), { seed: 11 })),
      },
      { name: 'calls/other.wav', data: fs.readFileSync(writeWav(path.join(root, 'z2.wav'), { seed: 12 })) },
    ]);
    const result = await ingestPaths(tdb.db, config, {
      paths: [zipPath],
      collection: 'zips',
      actor: 'tester',
    });
    expect(result.summary.ingested).toBe(2);
    const source = await tdb.db
      .selectFrom('recording_sources')
      .innerJoin('recordings', 'recordings.id', 'recording_sources.recording_id')
      .select(['source_path', 'archive_path', 'archive_entry', 'caller_number', 'callee_number'])
      .where('archive_entry', '=', 'calls/20230101_120000_89161234567_89031234567.wav')
      .executeTakeFirstOrThrow();
    expect(source.archive_path).toBe(zipPath);
    expect(source.source_path).toBe(`${zipPath}!/calls/20230101_120000_89161234567_89031234567.wav`);
    expect(source.caller_number).toBe('+79161234567');
    expect(source.callee_number).toBe('+79031234567');
  });
});
