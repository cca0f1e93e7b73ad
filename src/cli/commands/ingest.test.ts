import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../../../test/helpers/cli-process.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { writeWav } from '../../ingest/testing/audio-fixtures.ts';
import { sha256File } from '../../ingest/testing/store-state.ts';
import { runEarshot, type CliResult } from '../../../test/helpers/cli-in-process.ts';

let tdb: TestDatabase;
let root: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  tdb = await createTestDatabase('cli_ingest');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-cli-ingest-'));
  env = {
    DATABASE_URL: tdb.connectionString,
    EARSHOT_DATA_DIR: path.join(root, 'data'),
    EARSHOT_ACTOR: 'cli-tester',
  };
});
afterAll(async () => {
  await tdb.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

function earshot(...args: string[]): Promise<CliResult> {
  return runEarshot(env, ...args);
}

describe('earshot ingest', () => {
  it('ingests a folder, prints a summary and exits 0; a re-run reports everything already known', async () => {
    const input = path.join(root, 'good');
    writeWav(path.join(input, '20220314_153012_+79161234567_+380501234567.wav'), { seed: 1 });
    writeWav(path.join(input, 'b.wav'), { seed: 2 });
    const first = await earshot('ingest', input, '--collection', 'cli');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Ingest: 2 new, 0 duplicates, 0 already known, 0 rejected.');
    expect(first.out).toMatch(/^Batch \S+ finished\.$/m);
    expect(first.err).toMatch(/ingest: 2\/2 files/);
    const again = await earshot('ingest', input, '--collection', 'cli', '--json');
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.out) as { headline: string; newRecordingIds: string[] };
    expect(summary.headline).toBe('0 new, 0 duplicates, 2 already known, 0 rejected');
    expect(summary.newRecordingIds).toEqual([]);
    const actors = await tdb.db.selectFrom('custody_events').select('actor').distinct().execute();
    expect(actors.map((a) => a.actor)).toEqual(['cli-tester']);
  });

  it('exits 1 and lists each rejection with its reason when some inputs are rejected', async () => {
    const input = path.join(root, 'mixed');
    writeWav(path.join(input, 'fine.wav'), { seed: 3 });
    fs.writeFileSync(path.join(input, 'empty.wav'), '');
    fs.writeFileSync(path.join(input, 'text.mp3'), 'not audio at all\n'.repeat(20));
    const result = await earshot('ingest', input, '--collection', 'cli');
    expect(result.code).toBe(1);
    expect(result.out).toContain('1 new');
    expect(result.out).toMatch(/empty\.wav: the file is empty \(0 bytes\) \[empty-file\]/);
    expect(result.out).toMatch(/text\.mp3: .* \[not-audio\]/);
    expect(result.out).toMatch(/^Batch \S+ finished with rejections\.$/m);
  });

  it('exits 2 with a message saying what is wrong on usage errors', async () => {
    const missing = await earshot('ingest', path.join(root, 'does-not-exist'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read input .*does-not-exist/);
    const csv = path.join(root, 'bad.csv');
    fs.writeFileSync(csv, 'name\nx.wav\n');
    const badCsv = await earshot('ingest', path.join(root, 'good'), '--metadata', csv);
    expect(badCsv.code).toBe(2);
    expect(badCsv.err).toMatch(/no "file" column/);
    const badMap = await earshot('ingest', path.join(root, 'good'), '--map', 'nonsense');
    expect(badMap.code).toBe(2);
    expect(badMap.err).toMatch(/--map expects field=column/);
    const noArgs = await earshot('ingest');
    expect(noArgs.code).toBe(2);
  });

  it('explains itself with --help, including examples and exit codes', async () => {
    const help = await earshot('ingest', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Examples:');
    expect(help.out).toContain('--name-pattern');
    expect(help.out).toContain('{date:YYYYMMDD}_{time:HHmmss}_{caller}_{callee}');
    expect(help.out).toMatch(/Exit codes: 0/);
  });

  it(
    'finishes the job with no duplicates and no loss after being killed half way',
    { timeout: 180_000 },
    async () => {
      const input = path.join(root, 'kill');
      const files = 80;
      for (let i = 0; i < files; i++)
        writeWav(path.join(input, `call-${String(i).padStart(3, '0')}.wav`), { seed: 1000 + i, seconds: 90 });
      const child = startCli(['ingest', input, '--collection', 'killed'], env);
      await child.waitFor(/ingest: [1-9]\d*\/80 files/);
      child.child.kill('SIGKILL');
      const exit = await child.exited;
      expect(exit.signal).toBe('SIGKILL');
      const killedBatch = await tdb.db
        .selectFrom('ingest_batches')
        .innerJoin('collections', 'collections.id', 'ingest_batches.collection_id')
        .select(['ingest_batches.id', 'ingest_batches.status'])
        .where('collections.name', '=', 'killed')
        .executeTakeFirstOrThrow();
      expect(killedBatch.status).toBe('running');
      const partial = await countSources('killed');
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(files);

      const rerun = await earshot('ingest', input, '--collection', 'killed');
      expect(rerun.code).toBe(0);
      expect(rerun.out).toContain(
        `${files - partial} new, 0 duplicates, ${partial} already known, 0 rejected`,
      );
      expect(await countSources('killed')).toBe(files);
      const recordings = await tdb.db
        .selectFrom('recordings')
        .innerJoin('collections', 'collections.id', 'recordings.collection_id')
        .select(['sha256', 'store_path'])
        .where('collections.name', '=', 'killed')
        .execute();
      expect(new Set(recordings.map((r) => r.sha256)).size).toBe(files);
      for (const r of recordings)
        expect(sha256File(path.join(env.EARSHOT_DATA_DIR!, 'originals', r.store_path))).toBe(r.sha256);
      const status = await tdb.db
        .selectFrom('ingest_batches')
        .select('status')
        .where('id', '=', killedBatch.id)
        .executeTakeFirstOrThrow();
      expect(status.status).toBe('interrupted');
      expect(fs.readdirSync(path.join(env.EARSHOT_DATA_DIR!, 'originals', '.incoming'))).toEqual([]);
    },
  );
});

async function countSources(collection: string): Promise<number> {
  const row = await tdb.db
    .selectFrom('recording_sources')
    .innerJoin('collections', 'collections.id', 'recording_sources.collection_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('collections.name', '=', collection)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
