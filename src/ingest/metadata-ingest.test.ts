import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { loadConfig, type EarshotConfig } from '../config/config.ts';
import { IngestUsageError } from './errors.ts';
import { ingestPaths } from './ingest-paths.ts';
import { writeWav } from './testing/audio-fixtures.ts';
import { storeSnapshot, tableCounts } from './testing/store-state.ts';

let tdb: TestDatabase;
let root: string;
let config: EarshotConfig;

beforeAll(async () => {
  tdb = await createTestDatabase('ingest_metadata');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-ingest-meta-'));
  config = loadConfig({ EARSHOT_DATA_DIR: path.join(root, 'data') }, root);
});
afterAll(async () => {
  await tdb.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('call metadata from a sidecar', () => {
  it('reads a cp1251 sidecar without U+FFFD, warns about duplicate rows, and keeps the sidecar itself in the store', async () => {
    const input = path.join(root, 'sidecar-cp1251');
    writeWav(path.join(input, 'three.wav'), { seed: 1251 });
    // "file;caller;Примечание / three.wav;+79161234567;звонок Петру" in cp1251, then the same file again.
    const toCp1251 = (text: string): Buffer =>
      Buffer.from(
        [...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : ch.charCodeAt(0) - 0x410 + 0xc0)),
      );
    const bytes = toCp1251(
      'file;caller;Примечание\nthree.wav;+79161234567;звонок Петру\nthree.wav;+79031234567;\n',
    );
    const csv = path.join(root, 'calls-1251.csv');
    fs.writeFileSync(csv, bytes);
    const result = await ingestPaths(tdb.db, config, {
      paths: [input],
      collection: 'meta',
      actor: 'tester',
      metadataFile: csv,
    });
    expect(result.summary.metadataWarnings).toEqual([
      'calls-1251.csv is not UTF-8: read as windows-1251 (guessed from its letters); check the values, or re-export it as UTF-8',
      'calls-1251.csv line 2 and line 3 both describe "three.wav": line 2 is used, line 3 ignored',
    ]);
    const row = await tdb.db
      .selectFrom('recordings')
      .selectAll()
      .where('original_filename', '=', 'three.wav')
      .executeTakeFirstOrThrow();
    expect(row.caller_number).toBe('+79161234567');
    expect(row.metadata_extra).toEqual({ Примечание: 'звонок Петру' });
    const batch = await tdb.db
      .selectFrom('ingest_batches')
      .select(['options', 'summary'])
      .where('id', '=', result.batchId)
      .executeTakeFirstOrThrow();
    expect(batch.options.metadataEncoding).toBe('windows-1251');
    const stored = (batch.summary as { metadataFile: { sha256: string; storePath: string } }).metadataFile;
    expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(fs.readFileSync(path.join(config.originalsDir, stored.storePath)).equals(bytes)).toBe(true);
    const events = await tdb.db
      .selectFrom('custody_events')
      .select(['action', 'sha256', 'details'])
      .where('batch_id', '=', result.batchId)
      .where('source_path', '=', csv)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['received', 'hashed', 'stored']);
    expect(events[0]!.details).toMatchObject({ role: 'metadata-sidecar', encoding: 'windows-1251' });
    expect(events.every((e) => e.sha256 === stored.sha256)).toBe(true);
  });
  it('reads mapped columns, normalises numbers to E.164, keeps raw values and extra columns', async () => {
    const input = path.join(root, 'sidecar-ok');
    writeWav(path.join(input, 'one.wav'), { seed: 1 });
    writeWav(path.join(input, 'sub', 'two.wav'), { seed: 2 });
    const csv = path.join(root, 'calls.csv');
    fs.writeFileSync(
      csv,
      [
        'File;Calling Number;Called Number;Start Time;Zone;Duration;Cell;Unit',
        'one.wav;8 916 123-45-67;+380 50 123 4567;14.03.2022 15:30:12;Europe/Moscow;01:33;25001-1234;в/ч 12345',
        'sub/two.wav;+79031234567;79161234567;2023-01-02T10:00:00+02:00;;45;;',
      ].join('\n'),
    );
    const result = await ingestPaths(tdb.db, config, {
      paths: [input],
      collection: 'meta',
      actor: 'tester',
      metadataFile: csv,
      columnMap: {
        file: 'File',
        caller: 'Calling Number',
        callee: 'Called Number',
        start: 'Start Time',
        timezone: 'Zone',
        cell: 'Cell',
      },
    });
    expect(result.summary.metadataWarnings).toEqual([]);
    const rows = await tdb.db.selectFrom('recordings').selectAll().orderBy('original_filename').execute();
    const one = rows.find((r) => r.original_filename === 'one.wav')!;
    expect(one.caller_raw).toBe('8 916 123-45-67');
    expect(one.caller_number).toBe('+79161234567');
    expect(one.callee_number).toBe('+380501234567');
    expect(one.call_started_at?.toISOString()).toBe('2022-03-14T12:30:12.000Z');
    expect(one.call_timezone).toBe('Europe/Moscow');
    expect(one.call_duration_seconds).toBe(93);
    expect(one.cell_id).toBe('25001-1234');
    expect(one.metadata_origin).toBe('sidecar');
    expect(one.metadata_extra).toMatchObject({ Unit: 'в/ч 12345' });
    const two = rows.find((r) => r.original_filename === 'two.wav')!;
    expect(two.call_started_at?.toISOString()).toBe('2023-01-02T08:00:00.000Z');
    expect(two.call_timezone).toBe('+02:00');
    expect(two.callee_number).toBe('+79161234567');
  });

  it('warns about no row when the same folder and sidecar are ingested again (a restart re-ingests the demo)', async () => {
    const input = path.join(root, 'sidecar-again');
    writeWav(path.join(input, 'again.wav'), { seed: 31 });
    writeWav(path.join(input, 'copy', 'again-copy.wav'), { seed: 31 });
    const csv = path.join(root, 'again.csv');
    fs.writeFileSync(csv, 'file;caller\nagain.wav;+79161234567\ncopy/again-copy.wav;+79161234567\n');
    const options = { paths: [input], collection: 'meta', actor: 'tester', metadataFile: csv };
    const first = await ingestPaths(tdb.db, config, options);
    expect(first.summary.ingested + first.summary.duplicates).toBe(2);
    expect(first.summary.metadataWarnings).toEqual([]);
    const second = await ingestPaths(tdb.db, config, options);
    expect(second.summary.alreadyKnown).toBe(2);
    expect(second.summary.metadataWarnings).toEqual([]);
  });

  it('ingests the audio when a row has a bad date or number, and names the row in a warning and a custody event', async () => {
    const input = path.join(root, 'sidecar-bad-rows');
    writeWav(path.join(input, 'bad-date.wav'), { seed: 3 });
    writeWav(path.join(input, 'bad-number.wav'), { seed: 4 });
    const json = path.join(root, 'calls.json');
    fs.writeFileSync(
      json,
      JSON.stringify([
        { file: 'bad-date.wav', caller: '+79161234567', start: '2022-13-45 25:00' },
        {
          file: 'bad-number.wav',
          caller: 'unknown',
          callee: '12',
          start: '2022-03-14 10:00:00',
          duration: 'long',
        },
        { file: 'missing.wav', caller: '+79161234567' },
      ]),
    );
    const result = await ingestPaths(tdb.db, config, {
      paths: [input],
      collection: 'meta',
      actor: 'tester',
      metadataFile: json,
    });
    expect(result.summary.ingested).toBe(2);
    const warnings = result.summary.metadataWarnings.join('\n');
    expect(warnings).toMatch(/calls\.json entry 1 \(bad-date\.wav\): start time "2022-13-45 25:00"/);
    expect(warnings).toMatch(
      /calls\.json entry 2 \(bad-number\.wav\): caller "unknown" is not a phone number/,
    );
    expect(warnings).toMatch(/entry 2 .*duration "long"/);
    expect(warnings).toMatch(/entry 3 \(missing\.wav\): no ingested file matches/);
    const badNumber = await tdb.db
      .selectFrom('recordings')
      .selectAll()
      .where('original_filename', '=', 'bad-number.wav')
      .executeTakeFirstOrThrow();
    expect(badNumber.caller_raw).toBe('unknown');
    expect(badNumber.caller_number).toBeNull();
    const event = await tdb.db
      .selectFrom('custody_events')
      .select('details')
      .where('recording_id', '=', badNumber.id)
      .where('action', '=', 'metadata')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(event.details.problems)).toMatch(/entry 2/);
  });

  it('refuses a CSV that cannot be parsed, or lacks the file column, before ingesting anything', async () => {
    const input = path.join(root, 'sidecar-fatal');
    writeWav(path.join(input, 'x.wav'), { seed: 5 });
    const broken = path.join(root, 'broken.csv');
    fs.writeFileSync(broken, 'file,caller\n"x.wav,+79161234567\n');
    const noFile = path.join(root, 'nofile.csv');
    fs.writeFileSync(noFile, 'name,caller\nx.wav,+79161234567\n');
    const counts = await tableCounts(tdb.db);
    const store = storeSnapshot(config.originalsDir);
    const run = (metadataFile: string) =>
      ingestPaths(tdb.db, config, { paths: [input], collection: 'meta', actor: 'tester', metadataFile });
    await expect(run(broken)).rejects.toThrow(IngestUsageError);
    await expect(run(broken)).rejects.toThrow(/not valid CSV/);
    await expect(run(noFile)).rejects.toThrow(/no "file" column/);
    await expect(
      ingestPaths(tdb.db, config, {
        paths: [input],
        collection: 'meta',
        actor: 'tester',
        metadataFile: noFile,
        columnMap: { caller: 'Nope' },
      }),
    ).rejects.toThrow(/names a column that is not there/);
    expect(await tableCounts(tdb.db)).toEqual(counts);
    expect(storeSnapshot(config.originalsDir)).toEqual(store);
  });
});
