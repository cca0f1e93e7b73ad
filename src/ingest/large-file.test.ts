import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { loadConfig, type EarshotConfig } from '../config/config.ts';
import { ingestPaths } from './ingest-paths.ts';
import { wavHeader } from './testing/audio-fixtures.ts';

let tdb: TestDatabase;
let root: string;
let config: EarshotConfig;

beforeAll(async () => {
  tdb = await createTestDatabase('ingest_large');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-ingest-large-'));
  config = loadConfig({ EARSHOT_DATA_DIR: path.join(root, 'data') }, root);
});
afterAll(async () => {
  await tdb.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('multi-GB input', () => {
  it(
    'streams a file over 2 GiB into the store without holding it in memory',
    { timeout: 240_000 },
    async () => {
      // A sparse file: 2.2 GB of silence after a real WAV header, created without writing it all.
      const size = 2_200_000_000;
      const file = path.join(root, 'long-call.wav');
      const fd = fs.openSync(file, 'w');
      fs.writeSync(fd, wavHeader(size - 44, 8000, 1));
      fs.ftruncateSync(fd, size);
      fs.closeSync(fd);

      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const result = await ingestPaths(tdb.db, config, {
        paths: [file],
        collection: 'large',
        actor: 'tester',
      });
      clearInterval(sampler);

      expect(result.summary.rejections).toEqual([]);
      expect(result.summary.ingested).toBe(1);
      const recording = await tdb.db.selectFrom('recordings').selectAll().executeTakeFirstOrThrow();
      expect(recording.size_bytes).toBe(String(size));
      expect(recording.duration_seconds).toBeCloseTo((size - 44) / 16000, 0);
      expect(fs.statSync(path.join(config.originalsDir, recording.store_path)).size).toBe(size);
      // Memory stays flat: far below the file's size (read in 1 MiB chunks).
      expect(peak - baseline).toBeLessThan(200 * 1024 * 1024);
      fs.rmSync(config.originalsDir, { recursive: true, force: true });
    },
  );
});
