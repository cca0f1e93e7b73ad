import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/database.ts';
import { sha256FileSync } from '../../runtime/file-hash.ts';

/** Helpers for tests asserting that nothing already stored changed. */

export function sha256File(file: string): string {
  return sha256FileSync(file).sha256;
}

/** Every blob in the store with its hash, size and mode. */
export function storeSnapshot(originalsDir: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.incoming') walk(full);
      } else {
        const stat = fs.statSync(full);
        snapshot[path.relative(originalsDir, full)] =
          `${sha256File(full)} ${stat.size} ${(stat.mode & 0o777).toString(8)}`;
      }
    }
  };
  walk(originalsDir);
  return snapshot;
}

export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = [
    'recordings',
    'recording_sources',
    'rejections',
    'custody_events',
    'ingest_batches',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
