import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { loadConfig, type EarshotConfig } from '../config/config.ts';
import { ingestPaths } from './ingest-paths.ts';
import { wavBuffer } from './testing/audio-fixtures.ts';
import { rewriteEntryName, writeZip } from './testing/zip-fixtures.ts';

// Names that are legitimate but not plain UTF-8 paths (Windows separators, code pages) are
// decoded and the audio ingested; only names that are hostile (line breaks, `..`) are refused.

let tdb: TestDatabase;
let root: string;
let config: EarshotConfig;

beforeAll(async () => {
  tdb = await createTestDatabase('ingest_file_names');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-names-'));
  config = loadConfig({ EARSHOT_DATA_DIR: path.join(root, 'data') }, root);
});
afterAll(async () => {
  await tdb.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

async function ingestedNames(paths: string[]): Promise<{ source: string; name: string }[]> {
  const result = await ingestPaths(tdb.db, config, { paths, collection: 'names', actor: 'tester' });
  expect(result.summary.rejections).toEqual([]);
  const rows = await tdb.db
    .selectFrom('recording_sources')
    .innerJoin('recordings', 'recordings.id', 'recording_sources.recording_id')
    .select(['recording_sources.source_path as source', 'recordings.original_filename as name'])
    .where('recording_sources.batch_id', '=', result.batchId)
    .execute();
  return rows.sort((a, b) => (a.source < b.source ? -1 : 1));
}

describe('file names that are not plain UTF-8', () => {
  it('ingests files named in cp1251 and latin-1, recording the decoding and the raw bytes', async () => {
    const dir = path.join(root, 'disk');
    fs.mkdirSync(dir);
    const cyrillic = Buffer.from([0xe7, 0xe2, 0xee, 0xed, 0xee, 0xea]); // "звонок" in cp1251
    fs.writeFileSync(
      Buffer.concat([Buffer.from(`${dir}/`), cyrillic, Buffer.from('.wav')]),
      wavBuffer({ seed: 701 }),
    );
    fs.writeFileSync(Buffer.from(`${dir}/caf\xe9.wav`, 'latin1'), wavBuffer({ seed: 702 }));
    fs.writeFileSync(`${dir}/back\\slash.wav`, wavBuffer({ seed: 703 }));
    expect(await ingestedNames([dir])).toEqual([
      { source: `${dir}/back\\\\slash.wav`, name: 'back\\\\slash.wav' },
      { source: `${dir}/café.wav [windows-1252 name, bytes caf\\xe9.wav]`, name: 'café.wav' },
      {
        source: `${dir}/звонок.wav [windows-1251 name, bytes \\xe7\\xe2\\xee\\xed\\xee\\xea.wav]`,
        name: 'звонок.wav',
      },
    ]);
  });

  it('reads backslashes in zip entry names as folders, cp866 names without the UTF-8 flag decoded', async () => {
    const zip = path.join(root, 'windows.zip');
    await writeZip(zip, [
      { name: 'calls/2022/x.wav', data: wavBuffer({ seed: 801 }) },
      { name: 'calls/zzzzzz.wav', data: wavBuffer({ seed: 802 }) },
    ]);
    // yazl writes '/': put the backslashes back as Windows tools write them.
    rewriteEntryName(zip, 'calls/2022/x.wav', 'calls\\2022\\x.wav');
    rewriteEntryName(zip, 'calls/zzzzzz.wav', 'calls\\zzzzzz.wav');
    // "звонок" in cp866, written as a Russian Windows zip tool does (no UTF-8 flag).
    rewriteEntryName(zip, 'zzzzzz', Buffer.from([0xa7, 0xa2, 0xae, 0xad, 0xae, 0xaa]));
    expect(await ingestedNames([zip])).toEqual([
      { source: `${zip}!/calls/2022/x.wav`, name: 'x.wav' },
      {
        source: `${zip}!/calls/звонок.wav [ibm866 name, bytes \\xa7\\xa2\\xae\\xad\\xae\\xaa.wav]`,
        name: 'звонок.wav',
      },
    ]);
  });

  it('still refuses a zip entry that climbs out with Windows separators', async () => {
    const zip = path.join(root, 'climb.zip');
    await writeZip(zip, [{ name: 'xx/escape.wav', data: wavBuffer({ seed: 901 }) }]);
    rewriteEntryName(zip, 'xx/escape.wav', '..\\escape.wav');
    const result = await ingestPaths(tdb.db, config, { paths: [zip], collection: 'names', actor: 'tester' });
    expect(result.summary.rejections).toMatchObject([
      { sourcePath: `${zip}!/../escape.wav`, code: 'unsafe-archive-path' },
    ]);
  });
  it('matches a cp1251 file name to its row in a cp1251 sidecar by the decoded name', async () => {
    const dir = path.join(root, 'matched');
    fs.mkdirSync(dir);
    const name = Buffer.from([0xe7, 0xe2, 0xee, 0xed, 0xee, 0xea, 0x2e, 0x77, 0x61, 0x76]); // "звонок.wav"
    fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name]), wavBuffer({ seed: 1001 }));
    const csv = path.join(root, 'matched.csv');
    fs.writeFileSync(
      csv,
      Buffer.concat([Buffer.from('file,caller\n'), name, Buffer.from(',+79161234567\n')]),
    );
    const result = await ingestPaths(tdb.db, config, {
      paths: [dir],
      collection: 'names',
      actor: 'tester',
      metadataFile: csv,
    });
    expect(result.summary.ingested).toBe(1);
    expect(result.summary.metadataWarnings).toEqual([
      'matched.csv is not UTF-8: read as windows-1251 (guessed from its letters); check the values, or re-export it as UTF-8',
    ]);
    const row = await tdb.db
      .selectFrom('recordings')
      .select(['original_filename', 'caller_number', 'metadata_origin'])
      .where('id', '=', result.newRecordingIds[0]!)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      original_filename: 'звонок.wav',
      caller_number: '+79161234567',
      metadata_origin: 'sidecar',
    });
  });
});
