import fs from 'node:fs';
import path from 'node:path';
import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { StoreProblem } from '../db/schema.ts';
import { sha256File } from '../runtime/file-hash.ts';
import { openQuarantines, quarantineFile } from './store-quarantine.ts';

/**
 * The store proves itself: every original and every working copy is hashed again and compared
 * with the SHA-256 recorded when it was written. What does not match is reported by name and the
 * run is recorded (store_verifications), so a changed or vanished file cannot pass unnoticed.
 * Nothing is repaired; only when asked (`quarantine`) is a changed file moved, bytes kept, into
 * the quarantine folder (store-quarantine.ts). A missing file is only reported.
 */
export interface StoreVerification {
  id: string;
  startedAt: Date;
  finishedAt: Date;
  collection: string | null;
  originalsChecked: number;
  derivedChecked: number;
  problems: StoreProblem[];
  ok: boolean;
}

export interface VerifyStoreOptions {
  /** Only this collection's recordings (by name); all when absent. */
  collection?: string;
  actor: string;
  /** Move each changed file into quarantine (report only when false). */
  quarantine?: boolean;
  onFile?: (done: number, total: number) => void;
}

export class StoreVerificationError extends Error {}

export async function verifyStore(
  db: Db,
  config: Pick<EarshotConfig, 'dataDir' | 'originalsDir' | 'derivedDir'>,
  options: VerifyStoreOptions,
): Promise<StoreVerification> {
  const startedAt = new Date();
  const collectionId = options.collection ? await collectionIdOf(db, options.collection) : null;
  let recordings = db.selectFrom('recordings').select(['id', 'sha256', 'store_path']);
  let derived = db.selectFrom('derived_files as d').select(['d.recording_id', 'd.path', 'd.sha256']);
  if (collectionId) {
    recordings = recordings.where('collection_id', '=', collectionId);
    derived = derived
      .innerJoin('recordings as r', 'r.id', 'd.recording_id')
      .where('r.collection_id', '=', collectionId);
  }
  const originals = await recordings.orderBy('id').execute();
  const copies = await derived.orderBy('d.recording_id').orderBy('d.path').execute();
  const files = [
    ...originals.map((o) => ({
      kind: 'original' as const,
      recordingId: o.id,
      root: config.originalsDir,
      path: o.store_path,
      sha256: o.sha256,
    })),
    ...copies.map((c) => ({
      kind: 'working copy' as const,
      recordingId: c.recording_id,
      root: config.derivedDir,
      path: c.path,
      sha256: c.sha256,
    })),
  ];
  const quarantined = new Map(
    (await openQuarantines(db, collectionId ? [...new Set(originals.map((o) => o.id))] : undefined)).map(
      (q) => [`${q.recordingId}:${q.storePath}`, q],
    ),
  );
  const problems: StoreProblem[] = [];
  for (const [index, file] of files.entries()) {
    const found = await hashIfPresent(path.resolve(file.root, file.path));
    const base = {
      kind: file.kind,
      recordingId: file.recordingId,
      path: file.path,
      expectedSha256: file.sha256,
    };
    const earlier = quarantined.get(`${file.recordingId}:${file.path}`);
    if (found === undefined && earlier) {
      problems.push({ ...base, problem: 'quarantined', quarantinePath: earlier.quarantinePath });
    } else if (found === undefined) {
      problems.push({ ...base, problem: 'missing' });
    } else if (found.sha256 !== file.sha256) {
      const problem: StoreProblem = { ...base, problem: 'changed', foundSha256: found.sha256 };
      if (options.quarantine) {
        const moved = await quarantineFile(
          db,
          config,
          { ...base, storePath: file.path, foundSha256: found.sha256, sizeBytes: found.sizeBytes },
          options.actor,
        );
        problem.quarantinePath = moved.quarantinePath;
      }
      problems.push(problem);
    }
    options.onFile?.(index + 1, files.length);
  }
  const row = await db
    .insertInto('store_verifications')
    .values({
      started_at: startedAt,
      actor: options.actor,
      collection_id: collectionId,
      originals_checked: originals.length,
      derived_checked: copies.length,
      problems: JSON.stringify(problems),
      ok: problems.length === 0,
    })
    .returning(['id', 'finished_at'])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    startedAt,
    finishedAt: row.finished_at,
    collection: options.collection ?? null,
    originalsChecked: originals.length,
    derivedChecked: copies.length,
    problems,
    ok: problems.length === 0,
  };
}

/** The newest verification, for `earshot status` and /api/health; undefined before the first. */
export async function latestStoreVerification(db: Db): Promise<StoreVerification | undefined> {
  const row = await db
    .selectFrom('store_verifications as v')
    .leftJoin('collections as c', 'c.id', 'v.collection_id')
    .selectAll('v')
    .select('c.name as collection_name')
    .orderBy('v.finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    startedAt: new Date(row.started_at),
    finishedAt: row.finished_at,
    collection: row.collection_name,
    originalsChecked: row.originals_checked,
    derivedChecked: row.derived_checked,
    problems: row.problems,
    ok: row.ok,
  };
}

async function collectionIdOf(db: Db, name: string): Promise<string> {
  const row = await db.selectFrom('collections').select('id').where('name', '=', name).executeTakeFirst();
  if (!row) throw new StoreVerificationError(`there is no collection named "${name}"`);
  return row.id;
}

async function hashIfPresent(file: string): Promise<{ sha256: string; sizeBytes: number } | undefined> {
  try {
    if (!fs.statSync(file).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return sha256File(file);
}
