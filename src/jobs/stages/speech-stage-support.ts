import type { EarshotConfig } from '../../config/config.ts';
import { writeCustodyEvents, type CustodyDetails } from '../../custody/custody-log.ts';
import type { Db } from '../../db/database.ts';
import { stageModelsFor, type StageModels } from '../../models/model-profile.ts';
import { ModelError, ModelNotInstalledError } from '../../models/model-store.ts';
import { toolVersions } from '../../runtime/tool-versions.ts';
import { speechEngineVersions } from '../../speech/sherpa-onnx.ts';
import { WorkingAudioError } from '../../speech/working-audio.ts';
import { PermanentStageError, WaitingForModelError } from '../stage-handler.ts';

// What the speech and translation stages share: which models a recording's collection uses, which
// failures are permanent, which are waits for a model, and the custody event.

/** The models the recording's collection uses: the demo models for the demo collection, else the configured ones. */
export async function stageModelsOf(
  db: Db,
  config: EarshotConfig,
  recordingId: string,
): Promise<StageModels> {
  const row = await db
    .selectFrom('recordings as r')
    .innerJoin('collections as c', 'c.id', 'r.collection_id')
    .select('c.model_profile')
    .where('r.id', '=', recordingId)
    .executeTakeFirstOrThrow();
  return stageModelsFor(row.model_profile, config);
}

/** Missing or damaged working copies: retrying will not help (redo decode). */
export async function loadOrFail<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof WorkingAudioError) throw new PermanentStageError(error.message);
    throw error;
  }
}

/**
 * Opens a model's engine. A model that is not installed makes the run wait for it (it runs once
 * the model is installed); one that is installed but unusable fails the stage at once.
 */
export async function openOrWait<T>(open: () => T | Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (error instanceof ModelNotInstalledError)
      throw new WaitingForModelError(error.modelName, error.message);
    if (error instanceof ModelError) throw new PermanentStageError(error.message);
    throw error;
  }
}

/** Speech results are derived from the evidence: the custody log says which engine made them. */
export async function recordSpeechCustody(
  trx: Db,
  event: { recordingId: string; actor: string; details: CustodyDetails['derived'] },
): Promise<void> {
  const recording = await trx
    .selectFrom('recordings')
    .select('sha256')
    .where('id', '=', event.recordingId)
    .executeTakeFirstOrThrow();
  await writeCustodyEvents(
    trx,
    {
      recordingId: event.recordingId,
      actor: event.actor,
      sha256: recording.sha256,
      toolVersions: { ...toolVersions(), ...speechEngineVersions() },
    },
    [{ action: 'derived', details: event.details }],
  );
}
