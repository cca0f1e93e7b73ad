import os from 'node:os';
import type { Db } from '../db/database.ts';
import type { IngestBatchStatus, JsonObject, ModelProfile } from '../db/schema.ts';
import { IngestUsageError } from './errors.ts';
import { toolVersions } from '../runtime/tool-versions.ts';
import { isProcessAlive } from './content-store.ts';

/**
 * Finds or creates the collection a batch goes into. A collection's model profile is fixed when it
 * is made: the demo collection is read by the demo models, and a user's calls must never be put
 * into it by mistake (they would be read by models that only know synthetic voices).
 */
export async function ensureCollection(
  db: Db,
  name: string,
  profile: ModelProfile = 'configured',
): Promise<string> {
  await db
    .insertInto('collections')
    .values({ name, model_profile: profile })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('collections')
    .select(['id', 'model_profile'])
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  if (row.model_profile !== profile) {
    throw new IngestUsageError(
      row.model_profile === 'demo'
        ? `"${name}" is the demo collection, read by demo models that only know synthetic voices; ` +
            'ingest your calls into a collection of your own'
        : `"${name}" is a collection of your own; the demo corpus goes into its own demo collection`,
    );
  }
  return row.id;
}

/**
 * A batch still 'running' whose process is gone (killed, crashed, power cut) is marked
 * 'interrupted', so the record shows the run never finished. Batches of live processes, or of
 * other machines sharing the database, are left alone.
 */
export async function markInterruptedBatches(db: Db): Promise<string[]> {
  const running = await db
    .selectFrom('ingest_batches')
    .select(['id', 'options'])
    .where('status', '=', 'running')
    .execute();
  const dead = running
    .filter((b) => {
      const owner = b.options.owner as { pid?: number; host?: string } | undefined;
      if (!owner?.pid || owner.host !== os.hostname()) return false;
      return owner.pid !== process.pid && !isProcessAlive(owner.pid);
    })
    .map((b) => b.id);
  if (dead.length > 0) {
    await db
      .updateTable('ingest_batches')
      .set({ status: 'interrupted', finished_at: new Date() })
      .where('id', 'in', dead)
      .where('status', '=', 'running')
      .execute();
  }
  return dead;
}

export async function startBatch(
  db: Db,
  values: { collectionId: string; actor: string; inputs: string[]; options: JsonObject },
): Promise<string> {
  const row = await db
    .insertInto('ingest_batches')
    .values({
      collection_id: values.collectionId,
      actor: values.actor,
      status: 'running',
      inputs: JSON.stringify(values.inputs),
      options: JSON.stringify({ ...values.options, owner: { pid: process.pid, host: os.hostname() } }),
      tool_versions: JSON.stringify(toolVersions()),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishBatch(
  db: Db,
  batchId: string,
  status: Exclude<IngestBatchStatus, 'running'>,
  summary: JsonObject,
): Promise<void> {
  await db
    .updateTable('ingest_batches')
    .set({ status, finished_at: new Date(), summary: JSON.stringify(summary) })
    .where('id', '=', batchId)
    .execute();
}
