import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { memorySettings } from './embedded-postgres.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';

const GB = 1024 ** 3;

describe('memorySettings', () => {
  it('gives the embedded server a quarter of memory for shared buffers, within bounds', () => {
    expect(memorySettings(16 * GB)).toEqual(['shared_buffers=4096MB', 'effective_cache_size=8192MB']);
    expect(memorySettings(8 * GB)).toEqual(['shared_buffers=2048MB', 'effective_cache_size=4096MB']);
    // A large machine: the pool stops at 4 GB; the kernel's cache does the rest.
    expect(memorySettings(128 * GB)[0]).toBe('shared_buffers=4096MB');
    // A tiny one never gets less than PostgreSQL's own default.
    expect(memorySettings(256 * 1024 ** 2)).toEqual(['shared_buffers=128MB', 'effective_cache_size=512MB']);
  });
});

describe('the embedded server', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('memory-settings');
  });
  afterAll(() => t.drop());

  it('runs with those settings', async () => {
    // pg_settings counts shared_buffers in 8 kB pages.
    const { rows } = await sql<{ setting: string }>`
      SELECT setting FROM pg_settings WHERE name = 'shared_buffers'`.execute(t.db);
    const megabytes = (Number(rows[0]!.setting) * 8192) / 1024 ** 2;
    expect(`shared_buffers=${megabytes}MB`).toBe(memorySettings(os.totalmem())[0]);
  });
});
