import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { DerivedFileKind } from '../../db/schema.ts';
import { openQuarantines, type QuarantinedFile } from '../../ingest/store-quarantine.ts';
import { latestStoreVerification, type StoreVerification } from '../../ingest/store-verification.ts';

export interface DatabaseHealth {
  serverVersion: string;
  migrations: string[];
  counts: {
    collections: number;
    recordings: number;
    sources: number;
    rejections: number;
    custodyEvents: number;
    workingCopies: number;
    stageRuns: Record<string, number>;
  };
  /** The last `earshot verify-store`, if any. */
  storeVerification: StoreVerification | undefined;
  /** Files quarantined and not restored since. */
  quarantined: QuarantinedFile[];
}

/** Reads the server version, applied migrations and table counts; throws if the database is unreachable. */
export async function readDatabaseHealth(db: Db): Promise<DatabaseHealth> {
  const version = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db);
  const migrations = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  const counts = await sql<{
    collections: string;
    recordings: string;
    sources: string;
    rejections: string;
    custody_events: string;
    working_copies: string;
  }>`SELECT
      (SELECT count(*) FROM collections) AS collections,
      (SELECT count(*) FROM recordings) AS recordings,
      (SELECT count(*) FROM recording_sources) AS sources,
      (SELECT count(*) FROM rejections) AS rejections,
      (SELECT count(*) FROM custody_events) AS custody_events,
      (SELECT count(*) FROM derived_files WHERE kind = ${DerivedFileKind.WorkingAudio}) AS working_copies`.execute(
    db,
  );
  const stageRuns = await db
    .selectFrom('stage_runs')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
  const row = counts.rows[0];
  const storeVerification = await latestStoreVerification(db);
  return {
    storeVerification,
    quarantined: await openQuarantines(db),
    serverVersion: version.rows[0]?.v ?? 'unknown',
    migrations: migrations.rows.map((m) => m.name),
    counts: {
      collections: Number(row?.collections ?? 0),
      recordings: Number(row?.recordings ?? 0),
      sources: Number(row?.sources ?? 0),
      rejections: Number(row?.rejections ?? 0),
      custodyEvents: Number(row?.custody_events ?? 0),
      workingCopies: Number(row?.working_copies ?? 0),
      stageRuns: Object.fromEntries(stageRuns.map((s) => [s.status, Number(s.n)])),
    },
  };
}
