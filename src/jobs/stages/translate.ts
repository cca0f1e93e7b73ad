import type { Db } from '../../db/database.ts';
import { readTranscriptVersion } from '../../transcripts/transcript-store.ts';
import { insertSegmentTranslations, translatedSegmentIds } from '../../translation/translation-store.ts';
import { openSegmentTranslator } from '../../translation/segment-translator.ts';
import { loadWorkingAudio } from '../../speech/working-audio.ts';
import { DerivedFileKind } from '../../db/schema.ts';
import { PermanentStageError, type StageHandler } from '../stage-handler.ts';
import { loadOrFail, openOrWait, recordSpeechCustody, stageModelsOf } from './speech-stage-support.ts';

/**
 * translate: machine-translates every segment of the recording's current transcript into English,
 * one row per segment keyed by the segment's id, with the engine, model and model checksum.
 * Segments already translated for that transcript are skipped unless the job is forced; rows are
 * only ever added, so older translations stay on record; which translation a segment shows,
 * and whether it is stale, is decided in one place (segmentTranslations in
 * src/transcripts/transcript-store.ts).
 */
export const translateStage: StageHandler<'translate'> = {
  stage: 'translate',
  jobOptions: { retryLimit: 2, retryDelaySeconds: 10, expireInSeconds: 60 * 60 },
  async run({ recordingId, force }, { db, config, worker, jobId }) {
    const latest = await readTranscriptVersion(db, recordingId);
    if (!latest)
      throw new PermanentStageError(`recording ${recordingId} has no transcript; run transcribe first`);
    // A model that is not installed makes the run wait for it; an unusable one fails the stage at
    // once. Whisper translates from the audio, so it also reads the working copies.
    const models = await stageModelsOf(db, config, recordingId);
    const translator = await openOrWait(() =>
      openSegmentTranslator(
        {
          modelsDir: models.modelsDir,
          model: models.translation,
          threads: config.speechThreads,
          whisperBuild: config.whisperBuild,
          loadAudio: () =>
            loadOrFail(() =>
              loadWorkingAudio(db, config.derivedDir, recordingId, DerivedFileKind.WorkingAudio),
            ),
        },
        (message) => new PermanentStageError(message),
      ),
    );
    let translations;
    try {
      const done =
        force === true
          ? new Set<string>()
          : await translatedSegmentIds(db, latest.transcript.id, translator.targetLanguage);
      const todo = latest.segments.filter((s) => !done.has(String(s.id)));
      translations = await translator.translate(
        todo.map((s) => ({
          id: String(s.id),
          text: s.text,
          language: s.language ?? latest.transcript.language ?? '',
          channel: s.channel,
          start: s.start_seconds,
          end: s.end_seconds,
        })),
      );
    } finally {
      await translator.close();
    }
    const model = translator.models[0]!;
    const counts = { translated: 0, emptySource: 0, unsupportedLanguage: 0 };
    for (const t of translations) {
      if (t.status === 'translated') counts.translated += 1;
      else if (t.status === 'empty-source') counts.emptySource += 1;
      else counts.unsupportedLanguage += 1;
    }
    return {
      result: {
        transcriptId: latest.transcript.id,
        version: latest.transcript.version,
        model: model.name,
        segments: latest.segments.length,
        added: translations.length,
        ...counts,
      },
      async record(trx: Db) {
        await insertSegmentTranslations(trx, latest.transcript.id, translations);
        await recordSpeechCustody(trx, {
          recordingId,
          actor: config.actor,
          details: {
            stage: 'translate',
            worker,
            jobId,
            force: force === true,
            transcriptId: latest.transcript.id,
            version: latest.transcript.version,
            engine: translator.engine,
            ...(translator.decoding ? { decoding: translator.decoding } : {}),
            model: model.name,
            modelSha256: model.sha256,
            targetLanguage: translator.targetLanguage,
            added: translations.length,
          },
        });
      },
    };
  },
};
