import { writeCustodyEvents, type CustodyDetails } from '../../custody/custody-log.ts';
import type { Db } from '../../db/database.ts';
import { toolVersions } from '../../runtime/tool-versions.ts';
import { MissingModelError } from '../../speech/model-location.ts';
import { speechEngineVersions } from '../../speech/sherpa-onnx.ts';
import { WorkingAudioError } from '../../speech/working-audio.ts';
import { PermanentStageError } from '../stage-handler.ts';

// What the vad and transcribe stages share: which failures are permanent, and the custody event.

/** Missing or damaged working copies: retrying will not help (redo decode). */
export async function loadOrFail<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof WorkingAudioError) throw new PermanentStageError(error.message);
    throw error;
  }
}

/** A model that is not installed: the stage fails at once with the install command. */
export function openOrFail<T>(open: () => T): T {
  try {
    return open();
  } catch (error) {
    if (error instanceof MissingModelError) throw new PermanentStageError(error.message);
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
