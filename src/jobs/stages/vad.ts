import type { Db } from '../../db/database.ts';
import { openVad } from '../../speech/speech-engines.ts';
import { insertVadRun } from '../../speech/vad-runs.ts';
import { loadWorkingAudio } from '../../speech/working-audio.ts';
import type { StageHandler } from '../stage-handler.ts';
import { DerivedFileKind } from '../../db/schema.ts';
import { loadOrFail, openOrWait, recordSpeechCustody, stageModelsOf } from './speech-stage-support.ts';

/**
 * vad: Silero speech regions of every channel's working copy. Every run is kept (a forced redo
 * adds one); transcribe uses the latest.
 */
export const vadStage: StageHandler<'vad'> = {
  stage: 'vad',
  jobOptions: { retryLimit: 2, retryDelaySeconds: 10, expireInSeconds: 30 * 60 },
  async run({ recordingId, force }, { db, config, worker, jobId }) {
    const models = await stageModelsOf(db, config, recordingId);
    // The model first: a recording waiting for it should not cost a read of its audio.
    const vad = await openOrWait(() =>
      openVad({ modelsDir: models.modelsDir, threads: config.speechThreads }, models.vad),
    );
    const channels = await loadOrFail(() =>
      loadWorkingAudio(db, config.derivedDir, recordingId, DerivedFileKind.WorkingAudio),
    );
    const regions = channels.map((c) => ({
      channel: c.channel,
      regions: vad.detector.detect(c.samples, c.sampleRate),
    }));
    const all = regions.flatMap((c) => c.regions);
    const speechSeconds = all.reduce((sum, r) => sum + (r.end - r.start), 0);
    return {
      result: {
        model: vad.model,
        channels: channels.length,
        regions: all.length,
        speechSeconds: Math.round(speechSeconds * 10) / 10,
      },
      async record(trx: Db) {
        const vadRunId = await insertVadRun(trx, {
          recordingId,
          model: vad.model,
          modelFiles: vad.modelFiles,
          params: { ...vad.params },
          inputs: Object.fromEntries(channels.map((c) => [String(c.channel), c.sha256])),
          regions,
        });
        await recordSpeechCustody(trx, {
          recordingId,
          actor: config.actor,
          details: {
            stage: 'vad',
            worker,
            jobId,
            force: force === true,
            vadRunId,
            model: vad.model,
            modelFiles: vad.modelFiles,
            params: vad.params,
          },
        });
      },
    };
  },
};
