import type { Db } from '../../db/database.ts';
import { dominantLanguage, transcribeRecording } from '../../speech/channel-transcription.ts';
import { openDiariser, openRecogniser } from '../../speech/speech-engines.ts';
import { DEFAULT_REGION_PADDING } from '../../speech/speech-regions.ts';
import { latestVadRun } from '../../speech/vad-runs.ts';
import { loadWorkingAudio } from '../../speech/working-audio.ts';
import { appendTranscriptVersion } from '../../transcripts/transcript-store.ts';
import { PermanentStageError, type StageHandler } from '../stage-handler.ts';
import { DerivedFileKind } from '../../db/schema.ts';
import { loadOrFail, openOrWait, recordSpeechCustody, stageModelsOf } from './speech-stage-support.ts';

/**
 * transcribe: recognises the padded VAD regions of every lane and stores the result as a new
 * machine transcript version (earlier versions are never touched), with the model's name, file
 * checksums and decoding parameters.
 */
export const transcribeStage: StageHandler<'transcribe'> = {
  stage: 'transcribe',
  jobOptions: { retryLimit: 2, retryDelaySeconds: 10, expireInSeconds: 60 * 60 },
  async run({ recordingId, force }, { db, config, worker, jobId }) {
    const vadRun = await latestVadRun(db, recordingId);
    if (!vadRun)
      throw new PermanentStageError(`recording ${recordingId} has no speech regions; run vad first`);
    const channels = await loadOrFail(() =>
      loadWorkingAudio(db, config.derivedDir, recordingId, DerivedFileKind.WorkingAudio),
    );
    const stale = channels.filter((c) => vadRun.inputs[String(c.channel)] !== c.sha256);
    if (stale.length > 0) {
      throw new PermanentStageError(
        `the speech regions were found in other working copies than the current ones (channel ` +
          `${stale.map((c) => c.channel).join(', ')}); redo vad`,
      );
    }
    const models = await stageModelsOf(db, config, recordingId);
    const settings = {
      modelsDir: models.modelsDir,
      threads: config.speechThreads,
      whisperBuild: config.whisperBuild,
    };
    const recogniser = await openOrWait(() => openRecogniser(settings, models.asr));
    const diariser = channels.length === 1 ? openDiariser(settings) : undefined;
    const padding = DEFAULT_REGION_PADDING;
    const { segments, diarisation } = await transcribeRecording({
      channels,
      regionsByChannel: vadRun.regionsByChannel,
      padding,
      recogniser: recogniser.recogniser,
      language: recogniser.language,
      ...(diariser ? { diariser } : {}),
    });
    const decoding = {
      ...recogniser.decoding,
      padding,
      vad: { runId: vadRun.id, model: vadRun.model, modelFiles: vadRun.modelFiles, params: vadRun.params },
      diarisation,
    };
    const lanes = [...new Set(segments.map((s) => s.lane))];
    return {
      result: { model: recogniser.model, segments: segments.length, lanes, diarised: diarisation.used },
      async record(trx: Db) {
        const transcript = await appendTranscriptVersion(
          trx,
          {
            recordingId,
            kind: 'machine',
            basedOnId: null,
            createdBy: `earshot (${worker})`,
            model: recogniser.model,
            modelFiles: recogniser.modelFiles,
            decoding,
            vadRunId: vadRun.id,
            // Whisper identifies a language per segment; the transcript carries the main one.
            language: dominantLanguage(segments) ?? recogniser.language,
          },
          segments,
        );
        await recordSpeechCustody(trx, {
          recordingId,
          actor: config.actor,
          details: {
            stage: 'transcribe',
            worker,
            jobId,
            force: force === true,
            transcriptId: transcript.id,
            version: transcript.version,
            model: recogniser.model,
            modelFiles: recogniser.modelFiles,
          },
        });
      },
    };
  },
};
